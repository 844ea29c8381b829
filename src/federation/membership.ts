import type { Queryable } from '../platform/db/db.js';
import { membersAt } from '../registry/membership.js';
import { type Membership, membersOn, type Period } from './egress.js';

// Membership at a record's date, resolved at the edge and handed to the pure egress filter: mechanisms from the
// registry (membersAt), task forces from this node's own table. Cached per batch: many records share a date.

export type MembershipResolver = (
  audience: { mechanisms: string[]; taskForces: string[] },
  date: string,
) => Promise<Membership>;

export function membershipResolver(db: Queryable): MembershipResolver {
  const mechanisms = new Map<string, Promise<ReadonlySet<string>>>();
  let taskForcePeriods: Promise<Map<string, Period[]>> | undefined;
  const mechanism = (code: string, date: string) => {
    const key = `${code}|${date}`;
    let found = mechanisms.get(key);
    if (!found) {
      found = membersAt(db, code, date).then((codes) => new Set(codes));
      mechanisms.set(key, found);
    }
    return found;
  };
  const periods = () => {
    taskForcePeriods ??= db
      .query<{ task_force_code: string; agency_code: string; joined_on: string; left_on: string | null }>(
        'select task_force_code, agency_code, joined_on::text as joined_on, left_on::text as left_on from federation_task_force_members',
      )
      .then(({ rows }) => {
        const byCode = new Map<string, Period[]>();
        for (const r of rows) {
          const list = byCode.get(r.task_force_code) ?? [];
          list.push({ agency: r.agency_code, joinedOn: r.joined_on, leftOn: r.left_on });
          byCode.set(r.task_force_code, list);
        }
        return byCode;
      });
    return taskForcePeriods;
  };
  return async (audience, date) => {
    const result: {
      mechanisms: Map<string, ReadonlySet<string>>;
      taskForces: Map<string, ReadonlySet<string>>;
    } = {
      mechanisms: new Map(),
      taskForces: new Map(),
    };
    for (const code of audience.mechanisms) result.mechanisms.set(code, await mechanism(code, date));
    if (audience.taskForces.length) {
      const all = await periods();
      for (const code of audience.taskForces)
        result.taskForces.set(code, membersOn(all.get(code) ?? [], date));
    }
    return result;
  };
}
