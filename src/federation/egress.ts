import type { Audience, HandlingCode, Tombstone } from './model.js';

// The egress filter: the one place that decides whether a version of a shared record leaves this node for one
// recipient, and in what form. Pure: every fact it needs (membership at the record's date, what the recipient was
// last sent, re-share grants) is an argument. Nothing leaves a node except through decide().

/** Agencies in each mechanism and task force on the record's date. */
export interface Membership {
  mechanisms: ReadonlyMap<string, ReadonlySet<string>>;
  taskForces: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The facts of one version of a record that the decision reads. */
export interface EgressRecord {
  origin: string;
  version: number;
  handling: HandlingCode;
  audience: Audience;
  onwardSharing: boolean;
  tombstone: Tombstone | null;
}

/** What the recipient was last sent of this record, if anything. */
export interface Sent {
  version: number;
  state: 'content' | Tombstone;
}

export interface EgressContext {
  /** This node's agency. */
  self: string;
  recipient: string;
  membership: Membership;
  sent: Sent | null;
  /** For a record of another origin: this node granted the recipient a re-share of it. */
  reshareGranted?: boolean;
}

export type Decision =
  /** Send this version as it is (its content, or the origin's tombstone). `reseal`: the same version again, newly signed. */
  | { release: 'envelope'; reseal: boolean }
  /** Send an access-revoked tombstone for this version: the recipient had the record and may not have it now. */
  | { release: 'revocation' }
  | { release: 'nothing'; reason: string };

const nothing = (reason: string): Decision => ({ release: 'nothing', reason });

/** Whether the recipient is in the audience: named, a member of a named mechanism or task force on the record's date. */
export function inAudience(audience: Audience, recipient: string, membership: Membership): boolean {
  if (audience.agencies.includes(recipient)) return true;
  if (audience.mechanisms.some((m) => membership.mechanisms.get(m)?.has(recipient))) return true;
  return audience.taskForces.some((t) => membership.taskForces.get(t)?.has(recipient));
}

/** Whether a receiver may pass a record on: its origin allowed onward sharing and the handling code permits it. */
export function onwardAllowed(
  record: Pick<EgressRecord, 'handling' | 'onwardSharing'>,
): { ok: true } | { ok: false; reason: string } {
  if (record.handling === 'H2')
    return { ok: false, reason: "H2: not to be disseminated further without the provider's permission" };
  if (record.handling === 'H3')
    return { ok: false, reason: 'H3: other restrictions apply (see the handling text); ask the provider' };
  if (!record.onwardSharing) return { ok: false, reason: 'the provider did not allow onward sharing' };
  return { ok: true };
}

/** A tombstone goes to every recipient that had an earlier version, never to one that never had the record. */
function decideTombstone(record: EgressRecord, sent: Sent | null): Decision {
  if (sent === null) return nothing('the recipient never had this record');
  if (sent.version >= record.version) return nothing('the recipient has this version');
  return { release: 'envelope', reseal: false };
}

/** Content the recipient may have: send it unless it has exactly this version already. */
function grant(record: EgressRecord, sent: Sent | null): Decision {
  if (sent === null || sent.version < record.version) return { release: 'envelope', reseal: false };
  if (sent.version > record.version) return nothing('the recipient has a later version');
  return sent.state === 'content'
    ? nothing('the recipient has this version')
    : { release: 'envelope', reseal: true };
}

/** Content the recipient may not have: revoke it if it holds content, else send nothing. */
function deny(record: EgressRecord, sent: Sent | null, reason: string): Decision {
  if (sent !== null && sent.state === 'content' && sent.version <= record.version)
    return { release: 'revocation' };
  return nothing(reason);
}

/** The egress decision for one version of one record and one recipient. */
export function decide(record: EgressRecord, ctx: EgressContext): Decision {
  if (ctx.recipient === record.origin) return nothing('the origin holds its own record');
  if (ctx.recipient === ctx.self) return nothing('this node');
  if (record.origin !== ctx.self) {
    // A received record: it leaves only under a re-share grant, and only while its origin allows onward sharing.
    if (!ctx.reshareGranted)
      return nothing(`a record of ${record.origin}; not re-shared to ${ctx.recipient}`);
    if (record.tombstone) return decideTombstone(record, ctx.sent);
    const onward = onwardAllowed(record);
    return onward.ok ? grant(record, ctx.sent) : deny(record, ctx.sent, onward.reason);
  }
  if (record.tombstone) return decideTombstone(record, ctx.sent);
  if (inAudience(record.audience, ctx.recipient, ctx.membership)) return grant(record, ctx.sent);
  return deny(record, ctx.sent, `${ctx.recipient} is not in the audience`);
}

/** One date-bounded membership (task forces; mechanisms come from the registry with the same rule). */
export interface Period {
  agency: string;
  joinedOn: string;
  /** First day no longer a member; null while still one. */
  leftOn: string | null;
}

/** Agencies that are members on a date: joined on or before it, not yet left (left_on is exclusive). */
export function membersOn(periods: readonly Period[], date: string): Set<string> {
  return new Set(
    periods.filter((p) => p.joinedOn <= date && (p.leftOn === null || p.leftOn > date)).map((p) => p.agency),
  );
}

/** Checks a sharing policy before it is written: H3 needs its text, onward sharing needs H0 or H1. */
export function policyProblems(policy: {
  handling: HandlingCode;
  handlingText: string | null;
  onwardSharing: boolean;
  audience: Audience;
}): string[] {
  const problems: string[] = [];
  if (policy.handling === 'H3' && !policy.handlingText?.trim())
    problems.push('handling code H3 needs its restriction text');
  if (policy.onwardSharing && !onwardAllowed({ handling: policy.handling, onwardSharing: true }).ok) {
    problems.push(`onward sharing is not allowed under ${policy.handling}`);
  }
  return problems;
}
