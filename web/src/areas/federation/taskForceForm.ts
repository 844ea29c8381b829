// The task force form's pure part: what the form holds, the body of PUT /task-forces/:code, the checks the node
// leaves to its database (a leave date after the join date, one membership per agency and join date), and the
// node's field errors placed at the form's fields.

import type { Problem } from '../../api/types';
import { errorsByField } from '../registry/model';
import type { TaskForce } from './model';

type FieldError = { path: string; message: string };

/** The message of a repeated membership (the form says it in the user's language). */
export const DUPLICATE_MEMBERSHIP = 'is already a membership of this agency';

export interface MemberDraft {
  agency: string;
  joinedOn: string;
  leftOn: string;
}

export interface TaskForceDraft {
  code: string;
  name: string;
  members: MemberDraft[];
}

export const emptyMember = (): MemberDraft => ({ agency: '', joinedOn: '', leftOn: '' });

/** The form filled from a task force, or empty for a new one. */
export function taskForceDraft(taskForce?: TaskForce): TaskForceDraft {
  if (!taskForce) return { code: '', name: '', members: [] };
  return {
    code: taskForce.code,
    name: taskForce.name,
    members: taskForce.members.map((m) => ({
      agency: m.agency,
      joinedOn: m.joinedOn,
      leftOn: m.leftOn ?? '',
    })),
  };
}

/** Codes as the node spells them: trimmed, upper case. */
export const agencyCode = (text: string): string => text.trim().toUpperCase();

/** The body of PUT /api/v1/federation/task-forces/:code (the code goes in the path). */
export function taskForceBody(draft: TaskForceDraft) {
  return {
    name: draft.name.trim(),
    members: draft.members.map((m) => ({
      agency: agencyCode(m.agency),
      joinedOn: m.joinedOn,
      leftOn: m.leftOn === '' ? null : m.leftOn,
    })),
  };
}

/**
 * What the node's database would refuse without saying where (it answers 500): a leave date not after the join
 * date, and the same agency twice with the same join date. Written as the node's field errors, in the words the
 * registry's rules use, so they are shown and translated like the node's own.
 */
export function taskForceProblems(draft: TaskForceDraft): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  draft.members.forEach((m, i) => {
    if (m.joinedOn && m.leftOn && m.leftOn <= m.joinedOn)
      errors.push({
        path: `/body/members/${i}/leftOn`,
        message: `leave date ${m.leftOn} is not after the join date ${m.joinedOn}`,
      });
    const key = `${agencyCode(m.agency)} ${m.joinedOn}`;
    if (m.agency.trim() && m.joinedOn && seen.has(key))
      errors.push({ path: `/body/members/${i}/joinedOn`, message: DUPLICATE_MEMBERSHIP });
    seen.add(key);
  });
  return errors;
}

/** The fields of the form as the node names them in its error paths (without /body/). */
export function taskForceFields(draft: TaskForceDraft): string[] {
  return [
    'code',
    'name',
    ...draft.members.flatMap((_, i) => [
      `members/${i}/agency`,
      `members/${i}/joinedOn`,
      `members/${i}/leftOn`,
    ]),
    'members',
  ];
}

/**
 * The node's errors by the form field they name; '' for those that name none. The code is a path parameter, which
 * the node reports as /path/code.
 */
export function taskForceErrors(
  problem: Problem | undefined,
  draft: TaskForceDraft,
): Record<string, string[]> {
  if (!problem) return {};
  const errors = (problem.errors ?? []).map((e) => ({ ...e, path: e.path.replace(/^\/path\//, '/body/') }));
  return errorsByField({ ...problem, errors }, taskForceFields(draft));
}
