/**
 * Sign-in back-off (pure): after `maxFailures` failures in a row for one user name, each further failure locks
 * the name for twice as long as the one before, from 1 minute up to 1 hour. Unknown names are throttled the same
 * way, so the answer does not tell whether a name exists.
 */
export function lockDurationMs(failures: number, maxFailures: number): number {
  if (failures < maxFailures) return 0;
  const minutes = Math.min(60, 2 ** (failures - maxFailures));
  return minutes * 60_000;
}

export const usernameKey = (username: string) => username.trim().toLowerCase();
