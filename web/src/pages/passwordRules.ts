import type { Message } from '../api/errors';

/** The node's rule (src/platform/auth/passwords.ts): the web app checks it first so the reason reads in the user's language. */
export const MIN_PASSWORD_LENGTH = 12;

/** The first reason the new password would be refused, or undefined when it can be sent. */
export function newPasswordProblem(input: {
  current: string;
  next: string;
  again: string;
  username: string;
}): Message | undefined {
  const { current, next, again, username } = input;
  if (!current) return { key: 'changePassword.currentMissing' };
  if (next.length < MIN_PASSWORD_LENGTH)
    return { key: 'changePassword.tooShort', values: { min: MIN_PASSWORD_LENGTH } };
  if (username && next.toLowerCase().includes(username.toLowerCase()))
    return { key: 'changePassword.containsUsername' };
  if (new Set(next).size < 4) return { key: 'changePassword.tooSimple' };
  if (next === current) return { key: 'changePassword.sameAsCurrent' };
  if (next !== again) return { key: 'changePassword.mismatch' };
  return undefined;
}
