import { onwardAllowed } from './egress.js';
import type { Envelope } from './model.js';

// The receiver's side of the policy, checked again after the origin's egress filter (pure).

/** What this node holds of a record (version 0: a placeholder for a record referenced before it arrived). */
export interface Held {
  version: number;
  issuedAt: string | null;
  contentHash: string | null;
}

/**
 * Whether an envelope changes what is held. Idempotent on (origin, id, version): a lower version is a no-op, and
 * so is the same version again. The one exception is the same version issued later by its signer: an
 * access-revoked tombstone for a membership that ended, or the same content again when access came back.
 */
export function shouldApply(
  envelope: Pick<Envelope, 'version' | 'issuedAt' | 'contentHash'>,
  held: Held | null,
): boolean {
  if (held === null || held.version === 0) return true;
  if (envelope.version !== held.version) return envelope.version > held.version;
  if (envelope.contentHash === held.contentHash || held.issuedAt === null) return false;
  return Date.parse(envelope.issuedAt) > Date.parse(held.issuedAt);
}

export type Admission = { ok: true } | { ok: false; reason: string };

/**
 * Whether this node accepts an envelope delivered by `from` (the partner whose feed or bundle carried it):
 * its own records never come back; a partner delivers its own records, and another origin's record only when that
 * origin allowed onward sharing; an access-revoked tombstone may come from the relayer that passed the record on.
 */
export function admit(envelope: Envelope, self: string, from: string): Admission {
  if (envelope.origin === self)
    return { ok: false, reason: 'a record of this node came back from a partner' };
  if (envelope.signer !== envelope.origin && envelope.signer !== from) {
    return {
      ok: false,
      reason: `signed by ${envelope.signer}, neither the origin nor the partner that delivered it`,
    };
  }
  if (envelope.tombstone) return { ok: true };
  if (from !== envelope.origin) {
    const onward = onwardAllowed(envelope);
    return onward.ok ? { ok: true } : { ok: false, reason: `relayed by ${from}, but ${onward.reason}` };
  }
  // The origin resolved mechanism and task-force members; a list of named agencies alone must name this node.
  const { agencies, mechanisms, taskForces } = envelope.audience;
  if (mechanisms.length === 0 && taskForces.length === 0 && !agencies.includes(self)) {
    return { ok: false, reason: `not addressed to ${self} (audience: ${agencies.join(', ') || 'nobody'})` };
  }
  return { ok: true };
}
