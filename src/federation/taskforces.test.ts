import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestNode, type TestNode } from '../../test/support/node.js';
import { taskForceProblems } from './taskforces.js';

// Task force members follow the same date rules as mechanism memberships; the node answers a person's mistake with
// a 400 at the member's field (it answered 500 from a database constraint before).

const force = (members: { agency: string; joinedOn: string; leftOn: string | null }[]) => ({
  code: 'TF-MEKONG',
  name: 'Mekong task force',
  members,
});

describe('task force member rules', () => {
  it('accepts consecutive and separate periods', () => {
    expect(
      taskForceProblems(
        force([
          { agency: 'MM', joinedOn: '2026-01-01', leftOn: '2026-03-01' },
          { agency: 'MM', joinedOn: '2026-03-01', leftOn: null },
          { agency: 'TH', joinedOn: '2026-01-01', leftOn: null },
        ]),
      ),
    ).toEqual([]);
  });

  it('names the member whose leave date is not after its join date, and an overlapping period', () => {
    expect(
      taskForceProblems(
        force([
          { agency: 'MM', joinedOn: '2026-01-01', leftOn: null },
          { agency: 'TH', joinedOn: '2026-02-01', leftOn: '2026-02-01' },
          { agency: 'MM', joinedOn: '2026-05-01', leftOn: null },
        ]),
      ),
    ).toEqual([
      {
        path: '/body/members/1/leftOn',
        message: 'leave date 2026-02-01 is not after the join date 2026-02-01',
      },
      { path: '/body/members/2/joinedOn', message: 'MM is already a member on these dates (member 1)' },
    ]);
  });
});

describe('PUT /api/v1/federation/task-forces/:code', () => {
  let node: TestNode;
  let admin: string;
  beforeAll(async () => {
    node = await startTestNode({ LIAISON_AGENCY_CODE: 'CN' });
    admin = await node.login('admin', ADMIN_PASSWORD);
  });
  afterAll(() => node?.close());

  it('answers inconsistent members with 400 at their fields and stores nothing', async () => {
    const res = await node.app.inject({
      method: 'PUT',
      url: '/api/v1/federation/task-forces/TF-MEKONG',
      headers: { cookie: admin },
      payload: {
        name: 'Mekong task force',
        members: [{ agency: 'MM', joinedOn: '2026-02-01', leftOn: '2026-01-01' }],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      {
        path: '/body/members/0/leftOn',
        message: 'leave date 2026-01-01 is not after the join date 2026-02-01',
      },
    ]);
    const list = await node.app.inject({
      method: 'GET',
      url: '/api/v1/federation/task-forces',
      headers: { cookie: admin },
    });
    expect(list.json()).toEqual([]);
  });
});
