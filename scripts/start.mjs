#!/usr/bin/env node
// `npm start`: builds what is missing or out of date (server and web app), then serves the node.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newest(dir) {
  let latest = 0;
  if (!existsSync(dir)) return latest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

function stale(output, ...inputs) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return inputs.some((input) => newest(path.join(root, input)) > built);
}

function run(script) {
  process.stderr.write(`liaison: npm run ${script}\n`);
  execSync(`npm run --silent ${script}`, { cwd: root, stdio: 'inherit' });
}

if (stale(path.join(root, 'dist/cli/main.js'), 'src')) run('build:server');
if (existsSync(path.join(root, 'web/index.html')) && stale(path.join(root, 'web/dist/index.html'), 'web'))
  run('build:web');

const { main } = await import(new URL('../dist/cli/main.js', import.meta.url).href);
await main([process.argv[0], 'liaison', 'serve']);
