import { describe, expect, it } from 'vitest';
import { newPasswordProblem } from './passwordRules';

const base = { current: 'OneTimePass2345', username: 'admin' };

describe('newPasswordProblem', () => {
  it('accepts a long, varied password typed twice', () => {
    expect(
      newPasswordProblem({ ...base, next: 'river stone lantern 7', again: 'river stone lantern 7' }),
    ).toBeUndefined();
  });

  it('refuses what the node would refuse, in the order a person fixes it', () => {
    expect(newPasswordProblem({ ...base, current: '', next: 'x', again: 'x' })?.key).toBe(
      'changePassword.currentMissing',
    );
    expect(newPasswordProblem({ ...base, next: 'short', again: 'short' })).toEqual({
      key: 'changePassword.tooShort',
      values: { min: 12 },
    });
    expect(newPasswordProblem({ ...base, next: 'my-ADMIN-password', again: 'my-ADMIN-password' })?.key).toBe(
      'changePassword.containsUsername',
    );
    expect(newPasswordProblem({ ...base, next: 'abababababab', again: 'abababababab' })?.key).toBe(
      'changePassword.tooSimple',
    );
    expect(newPasswordProblem({ ...base, next: base.current, again: base.current })?.key).toBe(
      'changePassword.sameAsCurrent',
    );
    expect(
      newPasswordProblem({ ...base, next: 'river stone lantern 7', again: 'river stone lantern 8' })?.key,
    ).toBe('changePassword.mismatch');
  });
});
