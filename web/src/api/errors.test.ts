import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from './client';
import { describeError } from './errors';

const problem = (status: number, extra: object = {}) =>
  new ApiError(status, { title: 'x', status, ...extra }, undefined);

describe('describeError', () => {
  it('says the user name or password is wrong when sign-in answers 401', () => {
    expect(describeError(problem(401), 'sign-in')).toEqual({ key: 'signIn.wrongPassword' });
  });

  it('reads a 401 elsewhere as an ended session', () => {
    expect(describeError(problem(401))).toEqual({ key: 'errors.sessionEnded' });
  });

  it('tells how long a locked-out user must wait, from Retry-After', () => {
    expect(describeError(new ApiError(429, undefined, 42), 'sign-in')).toEqual({
      key: 'errors.lockedOut',
      values: { count: 42 },
    });
    expect(describeError(new ApiError(429, undefined, undefined), 'sign-in')).toEqual({
      key: 'errors.tooManyAttempts',
    });
  });

  it('recognises a wrong current password by its field', () => {
    const wrong = problem(400, { errors: [{ path: '/body/currentPassword', message: 'is wrong' }] });
    expect(describeError(wrong, 'change-password')).toEqual({ key: 'changePassword.currentWrong' });
  });

  it("passes on the node's own words for a refusal it cannot translate", () => {
    const weak = problem(400, { detail: 'The password must not contain the user name.' });
    expect(describeError(weak, 'change-password')).toEqual({
      key: 'errors.fromNode',
      values: { detail: 'The password must not contain the user name.' },
    });
  });

  it('quotes the request id of a server error so the administrator can find it in the log', () => {
    expect(describeError(problem(500, { requestId: 'abc-123' }))).toEqual({
      key: 'errors.server',
      values: { requestId: 'abc-123' },
    });
  });

  it('separates an unreachable node from other failures', () => {
    expect(describeError(new NetworkError(new TypeError('fetch failed')))).toEqual({ key: 'errors.network' });
    expect(describeError(new Error('boom'))).toEqual({ key: 'errors.unexpected' });
    expect(describeError(problem(403))).toEqual({ key: 'errors.forbidden' });
    expect(describeError(problem(404))).toEqual({ key: 'errors.notFound' });
  });
});
