import { afterEach, describe, expect, it, vi } from 'vitest';
import { importBundle } from '../areas/federation/bundleApi';
import { ApiError, api, NetworkError, onSessionEnded } from './client';

function answer(status: number, body?: unknown, headers: Record<string, string> = {}) {
  const init = {
    status,
    headers: body === undefined ? headers : { 'content-type': 'application/problem+json', ...headers },
  };
  return vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), init));
}

afterEach(() => {
  vi.unstubAllGlobals();
  onSessionEnded(undefined);
});

describe('api', () => {
  it('sends JSON and reads JSON', async () => {
    const fetchMock = vi.fn(async () => Response.json({ ok: true }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(api('/api/v1/x', { method: 'POST', body: { a: 1 } })).resolves.toEqual({ ok: true });
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.body).toBe('{"a":1}');
    expect(init.credentials).toBe('same-origin');
  });

  it('turns problem+json into an ApiError with its details and Retry-After', async () => {
    vi.stubGlobal(
      'fetch',
      answer(429, { title: 'Too many', status: 429, detail: 'wait' }, { 'retry-after': '30' }),
    );
    const error = await api('/api/v1/auth/login').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 30, problem: { detail: 'wait' } });
  });

  it('reports an unreachable node as a NetworkError', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(api('/api/v1/node')).rejects.toBeInstanceOf(NetworkError);
  });

  it('ends the session on a 401 from an ordinary request, not from sign-in', async () => {
    const ended = vi.fn();
    onSessionEnded(ended);
    vi.stubGlobal('fetch', answer(401, { title: 'Unauthorized', status: 401 }));
    await api('/api/v1/auth/login').catch(() => undefined);
    await api('/api/v1/auth/me').catch(() => undefined);
    expect(ended).not.toHaveBeenCalled();
    await api('/api/v1/overview').catch(() => undefined);
    expect(ended).toHaveBeenCalledOnce();
  });

  it('ends the session on a 401 from a bundle file upload too', async () => {
    const ended = vi.fn();
    onSessionEnded(ended);
    vi.stubGlobal('fetch', answer(401, { title: 'Unauthorized', status: 401 }));
    const error = await importBundle(new Blob(['{}'])).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401 });
    expect(ended).toHaveBeenCalledOnce();
  });

  it('answers 204 with nothing', async () => {
    vi.stubGlobal('fetch', answer(204));
    await expect(api('/api/v1/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });
});
