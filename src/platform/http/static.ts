import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from './server.js';

// The app loads nothing from elsewhere: no CDN, no tile server, no inline script (tested in test/e2e).
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves the built web app (web/dist) from the node itself: hashed assets cached for a year, index.html never
 * cached, and every non-API path answered with index.html so client-side routes survive a reload.
 */
export async function serveWebApp(app: App, distDir: string): Promise<boolean> {
  const index = path.join(distDir, 'index.html');
  if (!existsSync(index)) {
    app.log.warn({ distDir }, 'web app not built; run `npm run build:web` to serve it');
    return false;
  }
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    index: false,
    // The build writes .br and .gz beside each asset; send those to clients that accept them.
    preCompressed: true,
    setHeaders(res, filePath) {
      const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
      res.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const sendIndex = (reply: { header(n: string, v: string): unknown; sendFile(f: string): unknown }) => {
    reply.header('cache-control', 'no-cache');
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    return reply.sendFile('index.html');
  };
  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, (_request, reply) =>
    sendIndex(reply),
  );
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (url.startsWith('/api/') || url === '/healthz' || url === '/readyz') {
      return reply.callNotFound();
    }
    const file = path.join(distDir, path.normalize(url));
    if (file.startsWith(distDir) && existsSync(file) && !file.endsWith(path.sep)) {
      return reply.sendFile(path.relative(distDir, file));
    }
    // Unknown files with an extension are real 404s; extension-less paths are client-side routes.
    if (path.extname(url)) return reply.callNotFound();
    return sendIndex(reply);
  });
  return true;
}

export const WEB_DIST = path.resolve(new URL('.', import.meta.url).pathname, '../../../web/dist');
