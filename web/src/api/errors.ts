import type { ParseKeys } from 'i18next';
import { ApiError, NetworkError } from './client';

/** A message for a person: an i18n key and its values. */
export interface Message {
  key: ParseKeys;
  values?: Record<string, string | number>;
}

/** Where the error happened, for messages that mean something only there. */
export type ErrorContext = 'sign-in' | 'change-password' | 'general';

/**
 * Turns a failed request into a message in the user's language. The node writes its problem details in
 * English, so known situations are recognised by status and field and translated here; anything else is
 * shown with the node's own words (`errors.fromNode`) rather than hidden.
 */
export function describeError(error: unknown, context: ErrorContext = 'general'): Message {
  if (error instanceof NetworkError) return { key: 'errors.network' };
  if (!(error instanceof ApiError)) return { key: 'errors.unexpected' };
  const { status, problem } = error;
  if (status === 429) {
    return error.retryAfterSeconds
      ? { key: 'errors.lockedOut', values: { count: error.retryAfterSeconds } }
      : { key: 'errors.tooManyAttempts' };
  }
  if (context === 'sign-in' && status === 401) return { key: 'signIn.wrongPassword' };
  if (status === 401) return { key: 'errors.sessionEnded' };
  if (context === 'change-password' && status === 400) {
    if (problem?.errors?.some((e) => e.path.endsWith('/currentPassword')))
      return { key: 'changePassword.currentWrong' };
  }
  if (status === 403) return { key: 'errors.forbidden' };
  if (status === 404) return { key: 'errors.notFound' };
  if (status >= 500) return { key: 'errors.server', values: { requestId: problem?.requestId ?? '—' } };
  if (problem?.detail) return { key: 'errors.fromNode', values: { detail: problem.detail } };
  return { key: 'errors.unexpected' };
}
