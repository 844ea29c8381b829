import { appendAudit } from '../platform/audit/log.js';
import type { Db, Queryable } from '../platform/db/db.js';
import { badRequest, type FieldError } from '../platform/http/problem.js';
import { checkMembershipDates, periodsOverlap } from '../registry/rules.js';
import { enqueueReconcile } from './reconcile-jobs.js';

// Task forces: named groups of agencies this node addresses records to, with membership dates like mechanisms.
// Changing the members re-evaluates the records addressed to the task force (revocations for those who left).

export interface TaskForceMember {
  agency: string;
  joinedOn: string;
  leftOn: string | null;
}

export interface TaskForce {
  code: string;
  name: string;
  members: TaskForceMember[];
}

export async function listTaskForces(db: Queryable): Promise<TaskForce[]> {
  const forces = await db.query<{ code: string; name: string }>(
    'select code, name from federation_task_forces order by code',
  );
  const members = await db.query<{
    task_force_code: string;
    agency_code: string;
    joined_on: string;
    left_on: string | null;
  }>(
    `select task_force_code, agency_code, joined_on::text as joined_on, left_on::text as left_on
       from federation_task_force_members order by agency_code, joined_on`,
  );
  return forces.rows.map((f) => ({
    code: f.code,
    name: f.name,
    members: members.rows
      .filter((m) => m.task_force_code === f.code)
      .map((m) => ({ agency: m.agency_code, joinedOn: m.joined_on, leftOn: m.left_on })),
  }));
}

/**
 * What is wrong with a task force's members (pure): a leave date not after the join date, or two periods of the
 * same agency that share a day. Paths point into the request body.
 */
export function taskForceProblems(force: TaskForce): FieldError[] {
  const problems: FieldError[] = [];
  force.members.forEach((m, i) => {
    for (const e of checkMembershipDates(m.joinedOn, m.leftOn))
      problems.push({ path: `/body/members/${i}/${e.field}`, message: e.message });
    const earlier = force.members.findIndex((o, j) => j < i && o.agency === m.agency && periodsOverlap(o, m));
    if (earlier >= 0)
      problems.push({
        path: `/body/members/${i}/joinedOn`,
        message: `${m.agency} is already a member on these dates (member ${earlier + 1})`,
      });
  });
  return problems;
}

/** Creates or replaces a task force and its members (the full list, as with every record). */
export async function putTaskForce(db: Db, force: TaskForce, actor: string): Promise<void> {
  const problems = taskForceProblems(force);
  if (problems.length) throw badRequest('The task force members are not consistent.', problems);
  await db.transaction(async (tx) => {
    await tx.query(
      'insert into federation_task_forces (code, name) values ($1, $2) on conflict (code) do update set name = excluded.name',
      [force.code, force.name],
    );
    await tx.query('delete from federation_task_force_members where task_force_code = $1', [force.code]);
    for (const m of force.members) {
      await tx.query(
        'insert into federation_task_force_members (task_force_code, agency_code, joined_on, left_on) values ($1, $2, $3, $4)',
        [force.code, m.agency, m.joinedOn, m.leftOn],
      );
    }
    await enqueueReconcile(tx, { taskForce: force.code });
    await appendAudit(tx, {
      actor,
      action: 'federation.task_force_set',
      target: `task-force:${force.code}`,
      detail: { members: force.members },
    });
  });
}
