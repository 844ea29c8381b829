import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../../../test/support/node.js';

let node: TestNode;
beforeAll(async () => {
  node = await startTestNode();
});
afterAll(() => node.close());

describe('HTTP platform', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await node.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await node.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json().status).toBe('ready');
  });

  it('tells a database in an unknown migration state from an unreachable one on /readyz', async () => {
    await node.ctx.db.query(
      "insert into schema_migrations (id, checksum) values ('9999_from_the_future', 'x')",
    );
    try {
      const res = await node.app.inject('/readyz');
      expect(res.statusCode).toBe(503);
      expect(res.json().reason).toMatch(/^migration state: .*9999_from_the_future/);
    } finally {
      await node.ctx.db.query("delete from schema_migrations where id = '9999_from_the_future'");
    }
    expect((await node.app.inject('/readyz')).statusCode).toBe(200);
  });

  it('serves an OpenAPI 3.1 document that lists the routes', async () => {
    const res = await node.app.inject('/api/v1/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/node', '/api/v1/users']),
    );
  });

  it('serves a human-readable API docs page', async () => {
    const res = await node.app.inject('/api/v1/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });

  it('answers unknown paths with a problem document and a request id', async () => {
    const res = await node.app.inject({
      url: '/api/v1/nothing-here',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers['x-request-id']).toBe('abc-123');
    expect(res.json()).toMatchObject({ status: 404, requestId: 'abc-123', instance: '/api/v1/nothing-here' });
  });

  it('rejects malformed JSON with a field path', async () => {
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: '/body', message: 'is not valid JSON' }]);
  });

  it('rejects unknown fields, missing fields and wrong types, naming each', async () => {
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 5, extra: true },
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/body/extra', '/body/password', '/body/username']));
  });

  it('refuses bodies over the size limit with 413', async () => {
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'x', password: 'y'.repeat(2_000_000) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses bodies that are not JSON with 415', async () => {
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: 'username=admin',
    });
    expect(res.statusCode).toBe(415);
  });
});
