import { describe, expect, it } from 'vitest';
import { lockDurationMs, usernameKey } from './throttle.js';

const MINUTE = 60_000;

describe('lockDurationMs (sign-in back-off)', () => {
  it('does not lock before the limit of failures is reached', () => {
    for (let failures = 0; failures < 5; failures++) expect(lockDurationMs(failures, 5)).toBe(0);
  });

  it('locks for one minute at the limit, then doubles with every further failure', () => {
    expect([5, 6, 7, 8, 9, 10].map((f) => lockDurationMs(f, 5) / MINUTE)).toEqual([1, 2, 4, 8, 16, 32]);
  });

  it('never locks for more than an hour, however many failures', () => {
    expect(lockDurationMs(11, 5)).toBe(60 * MINUTE);
    expect(lockDurationMs(1000, 5)).toBe(60 * MINUTE);
  });

  it('locks at the first failure when the limit is one', () => {
    expect(lockDurationMs(0, 1)).toBe(0);
    expect(lockDurationMs(1, 1)).toBe(MINUTE);
  });
});

describe('usernameKey', () => {
  it('counts failures per user name regardless of case and surrounding spaces', () => {
    expect(usernameKey('  Admin ')).toBe('admin');
    expect(usernameKey('ADMIN')).toBe(usernameKey('admin'));
  });
});
