import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { ErrorObject } from 'ajv';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import type { Logger } from 'pino';
import type { Access } from '../auth/principal.js';
import { HttpProblem } from './problem.js';
import { ProblemSchema } from './schemas.js';
import { bodyAjv, fieldErrors, paramsAjv } from './validation.js';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface ServerOptions {
  logger: Logger;
  bodyLimitBytes: number;
  version: string;
}

const PROBLEM_TYPE = 'https://liaison.invalid/problems/';

/** A registered route and the access rule it declares (enforced in auth/principal.ts). */
export interface RouteRule {
  method: string;
  url: string;
  access: Access;
  /** The route's own body size limit, when it sets one (otherwise the server's applies). */
  bodyLimit?: number;
}

const routeRules = new WeakMap<object, RouteRule[]>();

/** Every route of an app with its access rule, in registration order (for tests and generated documentation). */
export function declaredRoutes(app: App): readonly RouteRule[] {
  return routeRules.get(app) ?? [];
}

function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: HttpProblem) {
  for (const [name, value] of Object.entries(problem.headers)) reply.header(name, value);
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .send({
      type: `${PROBLEM_TYPE}${problem.status}`,
      title: problem.title,
      status: problem.status,
      ...(problem.detail ? { detail: problem.detail } : {}),
      instance: request.url.split('?')[0],
      requestId: String(request.id),
      ...(problem.errors.length ? { errors: problem.errors } : {}),
    });
}

/** Maps any thrown error to a problem; unexpected errors are logged with their stack and answered without it. */
export function toProblem(error: FastifyError | Error, request: FastifyRequest): HttpProblem {
  if (error instanceof HttpProblem) return error;
  const fe = error as FastifyError;
  if (fe.validation) {
    const errors = fieldErrors(fe.validation as ErrorObject[], fe.validationContext ?? 'body');
    const first = errors[0];
    return new HttpProblem(
      400,
      'Invalid request',
      first ? `${first.path} ${first.message}` : fe.message,
      errors,
    );
  }
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return new HttpProblem(
      413,
      'Request body too large',
      'The request body is larger than this node accepts.',
    );
  }
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new HttpProblem(415, 'Unsupported media type', 'Send the request body as application/json.');
  }
  if (
    fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    error instanceof SyntaxError
  ) {
    return new HttpProblem(400, 'Invalid request', 'The request body is not valid JSON.', [
      { path: '/body', message: 'is not valid JSON' },
    ]);
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new HttpProblem(fe.statusCode, 'Invalid request', fe.message);
  }
  request.log.error({ err: error }, 'unhandled error');
  return new HttpProblem(
    500,
    'Internal error',
    `Something went wrong on this node; quote request id ${request.id}.`,
  );
}

export async function createHttpServer(options: ServerOptions): Promise<App> {
  const app = Fastify({
    loggerInstance: options.logger,
    bodyLimit: options.bodyLimitBytes,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: false,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  // Every route declares who may call it (config.access). Added before any route or plugin, so that none escapes:
  // an API route without a rule stops the start; the pages and files of the web app and the API docs are public.
  const rules: RouteRule[] = [];
  routeRules.set(app, rules);
  app.addHook('onRoute', (route) => {
    const isApi = route.url.startsWith('/api/');
    if (route.url.startsWith('/api/v1/docs') || (!isApi && !route.config?.access)) {
      route.config = { ...(route.config ?? {}), access: 'public' };
    }
    const access = route.config?.access;
    if (!access)
      throw new Error(`route ${String(route.method)} ${route.url} declares no access rule (config.access)`);
    const bodyLimit = route.bodyLimit === undefined ? {} : { bodyLimit: route.bodyLimit };
    for (const method of [route.method].flat()) rules.push({ method, url: route.url, access, ...bodyLimit });
  });

  // JSON only: a text/plain body would otherwise reach validation and read as a type error.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? bodyAjv : paramsAjv).compile(schema as object),
  );
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', String(request.id));
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
  });

  app.setErrorHandler((error: FastifyError, request, reply) =>
    sendProblem(request, reply, toProblem(error, request)),
  );
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      request,
      reply,
      new HttpProblem(404, 'Not found', `No resource at ${request.method} ${request.url.split('?')[0]}.`),
    ),
  );

  app.addSchema(ProblemSchema);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Liaison API',
        version: options.version,
        description:
          'API of a Liaison node. Errors are application/problem+json (RFC 9457) with field paths in `errors`. Authenticate with the session cookie from POST /api/v1/auth/login, or with `Authorization: Bearer <API token>`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'liaison_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/api/v1/docs', uiConfig: { docExpansion: 'list' } });
  app.get('/api/v1/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () =>
    app.swagger(),
  );
  return app;
}
