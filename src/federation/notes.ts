import { v7 as uuidv7 } from 'uuid';
import { appendAudit } from '../platform/audit/log.js';
import type { Db } from '../platform/db/db.js';
import { badRequest, conflict, notFound } from '../platform/http/problem.js';
import { publishChange, type SharingPolicy, type Tombstone } from '../platform/records.js';
import { policyProblems } from './egress.js';
import { declareRecordType, defaultPolicy } from './types.js';

// intel.note: the smallest shareable record, used to demonstrate and test federation without depending on the
// other capabilities: a subject, a body and an optional reference to another record (possibly of another origin).

export const NOTE_TYPE = 'intel.note';

declareRecordType({
  type: NOTE_TYPE,
  description: 'A short intelligence note that may refer to another record',
  defaultPolicy: {
    handling: 'H2',
    handlingText: null,
    audience: { agencies: [], mechanisms: [], taskForces: [] },
    onwardSharing: false,
  },
  readPermission: 'intel:read',
  references: (payload) => {
    const ref = payload.refersTo as { origin?: unknown; id?: unknown } | null | undefined;
    return ref && typeof ref.id === 'string'
      ? [{ id: ref.id, ...(typeof ref.origin === 'string' ? { origin: ref.origin } : {}) }]
      : [];
  },
});

export interface NoteInput {
  subject: string;
  body: string;
  refersTo?: { origin: string; id: string } | null;
  /** Decides mechanism membership for the audience; today when omitted. */
  recordDate?: string | null;
  policy?: Partial<SharingPolicy>;
}

export interface NoteState {
  id: string;
  version: number;
  origin: string;
  subject: string;
  body: string;
  refersTo: { origin: string; id: string } | null;
  recordDate: string;
  policy: SharingPolicy;
  tombstone: Tombstone | null;
}

interface Row {
  id: string;
  origin: string;
  version: number;
  handling: SharingPolicy['handling'];
  handling_text: string | null;
  audience: SharingPolicy['audience'];
  onward_sharing: boolean;
  record_date: string | null;
  subject: string;
  body: string;
  refers_to_origin: string | null;
  refers_to_id: string | null;
  retracted_at: Date | null;
}

function checkPolicy(policy: SharingPolicy): void {
  const problems = policyProblems(policy);
  if (problems.length)
    throw badRequest(
      problems.join('; '),
      problems.map((message) => ({ path: '/body/policy', message })),
    );
}

const today = () => new Date().toISOString().slice(0, 10);

async function write(
  db: Db,
  origin: string,
  state: NoteState,
  actor: string,
  action: string,
): Promise<NoteState> {
  return db.transaction(async (tx) => {
    const values = [
      state.id,
      origin,
      state.version,
      state.policy.handling,
      state.policy.handlingText,
      JSON.stringify(state.policy.audience),
      state.policy.onwardSharing,
      state.recordDate,
      state.subject,
      state.body,
      state.refersTo?.origin ?? null,
      state.refersTo?.id ?? null,
      state.tombstone ? new Date().toISOString() : null,
    ];
    if (state.version === 1) {
      await tx.query(
        `insert into federation_notes (id, origin, version, handling, handling_text, audience, onward_sharing, record_date, subject, body,
           refers_to_origin, refers_to_id, retracted_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        values,
      );
    } else {
      const { rowCount } = await tx.query(
        `update federation_notes set version = $3, handling = $4, handling_text = $5, audience = $6, onward_sharing = $7, record_date = $8,
           subject = $9, body = $10, refers_to_origin = $11, refers_to_id = $12, retracted_at = $13, updated_at = now()
         where id = $1 and origin = $2 and version = $3 - 1`,
        values,
      );
      if (rowCount !== 1) throw conflict('The note changed meanwhile; reload it and try again.');
    }
    await publishChange(tx, {
      type: NOTE_TYPE,
      id: state.id,
      version: state.version,
      origin,
      ...state.policy,
      recordDate: state.recordDate,
      payload: state.tombstone
        ? null
        : { subject: state.subject, body: state.body, refersTo: state.refersTo },
      tombstone: state.tombstone,
    });
    await appendAudit(tx, {
      actor,
      action,
      target: `${NOTE_TYPE}:${state.id}`,
      detail: { version: state.version, tombstone: state.tombstone },
    });
    return state;
  });
}

export async function createNote(
  db: Db,
  origin: string,
  input: NoteInput,
  actor: string,
): Promise<NoteState> {
  const policy = { ...(await defaultPolicy(db, NOTE_TYPE)), ...input.policy };
  checkPolicy(policy);
  const state: NoteState = {
    id: uuidv7(),
    version: 1,
    origin,
    subject: input.subject,
    body: input.body,
    refersTo: input.refersTo ?? null,
    recordDate: input.recordDate ?? today(),
    policy,
    tombstone: null,
  };
  return write(db, origin, state, actor, 'intel.note_created');
}

export async function readNote(db: Db, id: string): Promise<NoteState> {
  const { rows } = await db.query<Row>(
    `select id, origin, version, handling, handling_text, audience, onward_sharing, record_date::text as record_date, subject, body,
       refers_to_origin, refers_to_id, retracted_at from federation_notes where id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) throw notFound(`No note with id ${id}.`);
  return {
    id: row.id,
    version: row.version,
    origin: row.origin,
    subject: row.subject,
    body: row.body,
    refersTo: row.refers_to_id ? { origin: row.refers_to_origin ?? row.origin, id: row.refers_to_id } : null,
    recordDate: row.record_date ?? today(),
    policy: {
      handling: row.handling,
      handlingText: row.handling_text,
      audience: row.audience,
      onwardSharing: row.onward_sharing,
    },
    tombstone: row.retracted_at ? 'retracted' : null,
  };
}

/** A correction: the full new state as a new version (lists replaced, not merged). */
export async function updateNote(
  db: Db,
  id: string,
  input: Partial<NoteInput>,
  actor: string,
): Promise<NoteState> {
  const current = await readNote(db, id);
  if (current.tombstone) throw conflict('The note was retracted; write a new one.');
  const policy = { ...current.policy, ...input.policy };
  checkPolicy(policy);
  const next: NoteState = {
    ...current,
    version: current.version + 1,
    subject: input.subject ?? current.subject,
    body: input.body ?? current.body,
    refersTo: input.refersTo === undefined ? current.refersTo : input.refersTo,
    recordDate: input.recordDate ?? current.recordDate,
    policy,
  };
  return write(db, current.origin, next, actor, 'intel.note_changed');
}

/** Retracts (or expires) a note: a tombstone version that every node that had it receives. */
export async function endNote(
  db: Db,
  id: string,
  tombstone: Exclude<Tombstone, 'access-revoked'>,
  actor: string,
): Promise<NoteState> {
  const current = await readNote(db, id);
  if (current.tombstone) throw conflict('The note is already retracted.');
  return write(
    db,
    current.origin,
    { ...current, version: current.version + 1, tombstone },
    actor,
    `intel.note_${tombstone}`,
  );
}
