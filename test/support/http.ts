import type { App } from '../../src/platform/http/server.js';

/**
 * Request headers for a credential: a session cookie (`liaison_session=...`, as TestNode.login returns it) or an
 * API token (`lia_...`), sent as a bearer token. No credential, no headers.
 */
export function authHeaders(credential?: string): Record<string, string> {
  if (!credential) return {};
  return credential.startsWith('lia_') ? { authorization: `Bearer ${credential}` } : { cookie: credential };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** app.inject with a credential and an optional JSON body. */
export function call(app: App, method: Method, url: string, credential?: string, payload?: unknown) {
  return app.inject({
    method,
    url,
    headers: authHeaders(credential),
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}
