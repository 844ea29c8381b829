import type { Problem } from './types';

/** The node answered with an error status; `problem` is its problem+json body when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

/** The node could not be reached at all (offline, node stopped, connection reset). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('The node cannot be reached', { cause });
    this.name = 'NetworkError';
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal;
}

let sessionEnded: (() => void) | undefined;

/**
 * Called when a request made while signed in answers 401: the session expired or was ended elsewhere
 * (an administrator disabled the account), so the app returns to the sign-in screen.
 */
export function onSessionEnded(listener: (() => void) | undefined): void {
  sessionEnded = listener;
}

// Answers 401 as part of their meaning, not because a session ended.
const SIGN_IN_PATHS = new Set(['/api/v1/auth/login', '/api/v1/auth/me']);

async function readProblem(response: Response): Promise<Problem | undefined> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    return (await response.json()) as Problem;
  } catch {
    return undefined;
  }
}

function retryAfter(response: Response): number | undefined {
  const value = Number(response.headers.get('retry-after'));
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/**
 * The error for a response that is not ok, from any request made with the session cookie (JSON or file); a 401
 * outside sign-in ends the session, so the app returns to the sign-in screen.
 */
export async function responseError(path: string, response: Response): Promise<ApiError> {
  const error = new ApiError(response.status, await readProblem(response), retryAfter(response));
  if (response.status === 401 && !SIGN_IN_PATHS.has(path)) sessionEnded?.();
  return error;
}

/** One JSON request to the node's API with the session cookie; throws ApiError or NetworkError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signal } = options;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new NetworkError(error);
  }
  if (!response.ok) throw await responseError(path, response);
  if (response.status === 204) return undefined as T;
  // The server's response schemas are the contract; the shapes in types.ts mirror them.
  return (await response.json()) as T;
}
