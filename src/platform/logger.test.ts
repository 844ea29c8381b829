import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../test/support/http.js';
import { type CapturedLogs, captureLogs } from '../../test/support/logs.js';
import { ADMIN_PASSWORD, startTestNode, type TestNode } from '../../test/support/node.js';
import { badRequest } from './http/problem.js';
import { type App, createHttpServer } from './http/server.js';
import { createLogger } from './logger.js';

describe('createLogger redaction', () => {
  it('redacts authorization headers, cookies, set-cookie and secrets wherever the paths say', () => {
    const logs = captureLogs();
    const log = createLogger('info', logs.stream);
    log.info(
      {
        req: {
          headers: {
            authorization: 'Bearer lia_secret_token',
            cookie: 'liaison_session=cookie-secret',
            host: 'node',
          },
        },
        res: { headers: { 'set-cookie': 'liaison_session=set-cookie-secret' } },
        body: { password: 'pw-1', newPassword: 'pw-2', currentPassword: 'pw-3', secret: 'token-secret' },
        key: { privateKeyPem: '-----BEGIN PRIVATE KEY-----' },
      },
      'something happened',
    );
    const text = logs.text();
    for (const secret of [
      'lia_secret_token',
      'cookie-secret',
      'set-cookie-secret',
      'pw-1',
      'pw-2',
      'pw-3',
      'token-secret',
      'PRIVATE KEY',
    ]) {
      expect(text).not.toContain(secret);
    }
    const [entry] = logs.entries() as [Record<string, Record<string, Record<string, unknown>>>];
    expect(entry.req?.headers).toEqual({ authorization: '[redacted]', cookie: '[redacted]', host: 'node' });
    expect(entry.body?.password).toBe('[redacted]');
  });

  it('writes JSON lines naming the service', () => {
    const logs = captureLogs();
    createLogger('info', logs.stream).info('hello');
    expect(logs.entries()[0]).toMatchObject({ service: 'liaison', msg: 'hello', level: 30 });
  });
});

describe('request logs and errors of the HTTP server', () => {
  let app: App;
  let logs: CapturedLogs;
  beforeAll(async () => {
    logs = captureLogs();
    app = await createHttpServer({
      logger: createLogger('info', logs.stream),
      bodyLimitBytes: 1024,
      version: 'test',
    });
    app.get('/boom', { config: { access: 'public' } }, async () => {
      throw new Error('connection to postgres://liaison:hunter2@db failed');
    });
    app.get('/bad', { config: { access: 'public' } }, async () => {
      throw badRequest('That will not do.', [{ path: '/query/x', message: 'is wrong' }]);
    });
    app.get('/ok', { config: { access: 'public' } }, async () => ({ ok: true }));
    await app.ready();
  });
  afterAll(() => app.close());

  const entriesFor = (reqId: string) => logs.entries().filter((e) => e.reqId === reqId);

  it('logs the request and its completion with the request id given by the client, and echoes it', async () => {
    const res = await app.inject({ url: '/ok', headers: { 'x-request-id': 'trace-me-123' } });
    expect(res.headers['x-request-id']).toBe('trace-me-123');
    const messages = entriesFor('trace-me-123').map((e) => e.msg);
    expect(messages).toEqual(['incoming request', 'request completed']);
  });

  it('makes up a request id when the client sends none, and logs under it', async () => {
    const res = await app.inject('/ok');
    const id = String(res.headers['x-request-id']);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(entriesFor(id)).toHaveLength(2);
  });

  it.each([
    ['too long', 'x'.repeat(65)],
    ['with spaces', 'a b'],
    ['with a line break', 'abc\ninjected'],
    ['with quotes', 'a"b'],
  ])('replaces a client request id %s, so nothing odd reaches the logs', async (_case, given) => {
    const res = await app.inject({ url: '/ok', headers: { 'x-request-id': given } });
    expect(res.headers['x-request-id']).not.toBe(given);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unexpected error with a 500 problem that has no stack trace or error message', async () => {
    const res = await app.inject({ url: '/boom', headers: { 'x-request-id': 'boom-1' } });
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toEqual({
      type: 'https://liaison.invalid/problems/500',
      title: 'Internal error',
      status: 500,
      detail: 'Something went wrong on this node; quote request id boom-1.',
      instance: '/boom',
      requestId: 'boom-1',
    });
    expect(res.body).not.toContain('hunter2');
    expect(res.body).not.toContain('postgres://');
    expect(res.body).not.toMatch(/\bat .*\.(ts|js):\d+/);
    expect(res.body).not.toContain('stack');
  });

  it('logs the unexpected error with its stack under the request id, for the operator', async () => {
    await app.inject({ url: '/boom', headers: { 'x-request-id': 'boom-2' } });
    const error = entriesFor('boom-2').find((e) => e.msg === 'unhandled error') as {
      level: number;
      err: { stack: string };
    };
    expect(error.level).toBe(50);
    expect(error.err.stack).toMatch(/connection to postgres/);
    expect(error.err.stack).toMatch(/logger\.test\.ts/);
  });

  it('passes problems a client can act on through unchanged', async () => {
    const res = await app.inject('/bad');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      detail: 'That will not do.',
      errors: [{ path: '/query/x', message: 'is wrong' }],
    });
  });

  it('sets protective headers on every answer', async () => {
    for (const url of ['/ok', '/boom', '/nowhere']) {
      const res = await app.inject(url);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
  });
});

describe('logs of a node in use', () => {
  let node: TestNode;
  let logs: CapturedLogs;
  beforeAll(async () => {
    logs = captureLogs();
    node = await startTestNode(
      { LOG_LEVEL: 'trace', LIAISON_DEMO_DATA: 'false' },
      { logStream: logs.stream },
    );
  });
  afterAll(() => node.close());

  it('never contain passwords, session secrets or token secrets, even at trace level', async () => {
    const login = await node.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: ADMIN_PASSWORD },
      headers: { 'x-request-id': 'login-1' },
    });
    const session = login.cookies.find((c) => c.name === 'liaison_session')?.value as string;
    const cookie = `liaison_session=${session}`;
    const token = await call(node.app, 'POST', '/api/v1/tokens', cookie, {
      name: 'logged?',
      scopes: ['node:read'],
    });
    const secret: string = token.json().secret;
    await call(node.app, 'GET', '/api/v1/node', secret);
    await call(node.app, 'POST', '/api/v1/auth/password', cookie, {
      currentPassword: ADMIN_PASSWORD,
      newPassword: 'the next admin passphrase',
    });
    await node.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: 'a wrong guess!' },
    });

    const text = logs.text();
    expect(logs.entries().some((e) => e.reqId === 'login-1')).toBe(true);
    for (const leaked of [
      ADMIN_PASSWORD,
      'the next admin passphrase',
      'a wrong guess!',
      session,
      secret,
      secret.slice(-43),
    ]) {
      expect(text).not.toContain(leaked);
    }
  });
});
