import { v7 as uuidv7 } from 'uuid';
import { appendAudit } from '../platform/audit/log.js';
import type { Db, Queryable } from '../platform/db/db.js';
import { badRequest, conflict, notFound } from '../platform/http/problem.js';
import { DISPATCH_LOCK } from './dispatch.js';
import { type Card, readCard, sameFingerprint } from './invitation.js';
import { enqueueReconcile } from './reconcile-jobs.js';
import type { TrustedKey } from './trust.js';

// The partner directory: agencies this node exchanges with, their endpoints and keys. Pairing: accept the other
// node's invitation (state pending), compare its fingerprint out of band, confirm (state active). Both sides do so.

export type PartnerState = 'pending' | 'active' | 'suspended';

export interface PartnerRow {
  id: string;
  agency_code: string;
  agency_name: string;
  country: string | null;
  endpoint: string | null;
  encryption_key: string | null;
  state: PartnerState;
  card_fingerprint: string;
  accepted_at: Date;
  accepted_by: string;
  confirmed_at: Date | null;
  confirmed_by: string | null;
}

export interface PartnerKey {
  fingerprint: string;
  publicKey: string;
  validFrom: string | null;
  retiredAt: string | null;
  source: 'invitation' | 'rotation';
}

export interface Partner {
  agency: string;
  name: string;
  country: string | null;
  endpoint: string | null;
  state: PartnerState;
  fingerprint: string;
  acceptedAt: string;
  acceptedBy: string;
  confirmedAt: string | null;
  confirmedBy: string | null;
  keys: PartnerKey[];
}

async function keysOfPartner(db: Queryable, partnerId: string): Promise<PartnerKey[]> {
  const { rows } = await db.query<{
    fingerprint: string;
    public_key: string;
    valid_from: Date | null;
    retired_at: Date | null;
    source: PartnerKey['source'];
  }>(
    'select fingerprint, public_key, valid_from, retired_at, source from federation_partner_keys where partner_id = $1 order by created_at',
    [partnerId],
  );
  return rows.map((r) => ({
    fingerprint: r.fingerprint,
    publicKey: r.public_key,
    validFrom: r.valid_from?.toISOString() ?? null,
    retiredAt: r.retired_at?.toISOString() ?? null,
    source: r.source,
  }));
}

async function toPartner(db: Queryable, row: PartnerRow): Promise<Partner> {
  return {
    agency: row.agency_code,
    name: row.agency_name,
    country: row.country,
    endpoint: row.endpoint,
    state: row.state,
    fingerprint: row.card_fingerprint,
    acceptedAt: row.accepted_at.toISOString(),
    acceptedBy: row.accepted_by,
    confirmedAt: row.confirmed_at?.toISOString() ?? null,
    confirmedBy: row.confirmed_by,
    keys: await keysOfPartner(db, row.id),
  };
}

export async function findPartner(db: Queryable, agency: string): Promise<PartnerRow | undefined> {
  const { rows } = await db.query<PartnerRow>('select * from federation_partners where agency_code = $1', [
    agency,
  ]);
  return rows[0];
}

export async function requirePartner(db: Queryable, agency: string): Promise<PartnerRow> {
  const row = await findPartner(db, agency);
  if (!row) throw notFound(`No partner ${agency}.`);
  return row;
}

export async function listPartners(db: Queryable): Promise<Partner[]> {
  const { rows } = await db.query<PartnerRow>('select * from federation_partners order by agency_code');
  return Promise.all(rows.map((r) => toPartner(db, r)));
}

export async function getPartner(db: Queryable, agency: string): Promise<Partner> {
  return toPartner(db, await requirePartner(db, agency));
}

/** Keys trusted for an agency, for verifying its signatures (only of an active partner unless `anyState`). */
export async function trustedKeys(db: Queryable, agency: string, anyState = false): Promise<TrustedKey[]> {
  const { rows } = await db.query<{ fingerprint: string; public_key: string; retired_at: Date | null }>(
    `select k.fingerprint, k.public_key, k.retired_at from federation_partner_keys k join federation_partners p on p.id = k.partner_id
      where p.agency_code = $1 and ($2 or p.state = 'active')`,
    [agency, anyState],
  );
  return rows.map((r) => ({
    fingerprint: r.fingerprint,
    publicKey: r.public_key,
    retiredAt: r.retired_at?.toISOString() ?? null,
  }));
}

/** Accepts another node's invitation: the partner is pending until an administrator confirms its fingerprint. */
export async function acceptInvitation(
  db: Db,
  self: string,
  token: string,
  actor: string,
  now = new Date(),
): Promise<Partner> {
  const check = readCard(token, self, now);
  if (!check.ok) throw badRequest(check.reason, [{ path: '/body/invitation', message: check.reason }]);
  const card: Card = check.card;
  await db.transaction(async (tx) => {
    const existing = await findPartner(tx, card.agency);
    if (existing && existing.card_fingerprint !== card.fingerprint) {
      const known = await tx.query(
        'select 1 from federation_partner_keys where partner_id = $1 and fingerprint = $2',
        [existing.id, card.fingerprint],
      );
      if (!known.rows.length) {
        throw conflict(
          `${card.agency} is already a partner with another key (${existing.card_fingerprint}); a new key arrives by rotation, or remove the partner first.`,
        );
      }
    }
    const id = existing?.id ?? uuidv7();
    if (existing) {
      await tx.query(
        `update federation_partners set agency_name = $2, country = $3, endpoint = $4, encryption_key = $5, updated_at = now() where id = $1`,
        [id, card.name, card.country, card.endpoint, card.encryptionKey],
      );
    } else {
      await tx.query(
        `insert into federation_partners (id, agency_code, agency_name, country, endpoint, encryption_key, state, card_fingerprint, accepted_by)
         values ($1, $2, $3, $4, $5, $6, 'pending', $7, $8)`,
        [
          id,
          card.agency,
          card.name,
          card.country,
          card.endpoint,
          card.encryptionKey,
          card.fingerprint,
          actor,
        ],
      );
      await tx.query(
        `insert into federation_partner_keys (partner_id, fingerprint, public_key, source) values ($1, $2, $3, 'invitation') on conflict do nothing`,
        [id, card.fingerprint, card.publicKey],
      );
      await tx.query('insert into federation_sync (partner_id) values ($1) on conflict do nothing', [id]);
    }
    await appendAudit(tx, {
      actor,
      action: 'federation.invitation_accepted',
      target: `partner:${card.agency}`,
      detail: { fingerprint: card.fingerprint, endpoint: card.endpoint },
    });
  });
  return getPartner(db, card.agency);
}

/**
 * Confirms a pending partner after the administrator compared its fingerprint out of band; the fingerprint typed
 * (or pasted) must match the one in the invitation. The partner's first sync is then prepared.
 */
export async function confirmPartner(
  db: Db,
  agency: string,
  typedFingerprint: string,
  actor: string,
): Promise<Partner> {
  await db.transaction(async (tx) => {
    const row = await requirePartner(tx, agency);
    if (!sameFingerprint(typedFingerprint, row.card_fingerprint)) {
      throw badRequest(
        `The fingerprint does not match ${agency}'s key; do not confirm, and check the invitation with ${agency}.`,
        [{ path: '/body/fingerprint', message: "does not match the partner's key" }],
      );
    }
    if (row.state === 'active') return;
    await tx.query(
      "update federation_partners set state = 'active', confirmed_at = now(), confirmed_by = $2, updated_at = now() where id = $1",
      [row.id, actor],
    );
    await enqueueReconcile(tx, { partner: agency });
    await appendAudit(tx, {
      actor,
      action: 'federation.partner_confirmed',
      target: `partner:${agency}`,
      detail: { fingerprint: row.card_fingerprint },
    });
  });
  return getPartner(db, agency);
}

/** Changes a partner's endpoint, or suspends and resumes the exchange with it. */
export async function changePartner(
  db: Db,
  agency: string,
  change: { endpoint?: string | null; suspended?: boolean },
  actor: string,
): Promise<Partner> {
  await db.transaction(async (tx) => {
    const row = await requirePartner(tx, agency);
    if (change.endpoint !== undefined)
      await tx.query('update federation_partners set endpoint = $2, updated_at = now() where id = $1', [
        row.id,
        change.endpoint,
      ]);
    if (change.suspended !== undefined) {
      if (row.state === 'pending') throw conflict(`${agency} is not confirmed yet.`);
      const state = change.suspended ? 'suspended' : 'active';
      if (state !== row.state) {
        await tx.query('update federation_partners set state = $2, updated_at = now() where id = $1', [
          row.id,
          state,
        ]);
        if (state === 'active') await enqueueReconcile(tx, { partner: agency });
      }
    }
    await appendAudit(tx, {
      actor,
      action: 'federation.partner_changed',
      target: `partner:${agency}`,
      detail: change,
    });
  });
  return getPartner(db, agency);
}

/** Stores keys learnt from a partner's rotation statements (new keys, and retirement dates of old ones). */
export async function storeLearntKeys(
  db: Queryable,
  agency: string,
  keys: readonly TrustedKey[],
): Promise<void> {
  const row = await findPartner(db, agency);
  if (!row || !keys.length) return;
  for (const k of keys) {
    await db.query(
      `insert into federation_partner_keys (partner_id, fingerprint, public_key, retired_at, source) values ($1, $2, $3, $4, 'rotation')
       on conflict (partner_id, fingerprint) do update set retired_at = excluded.retired_at`,
      [row.id, k.fingerprint, k.publicKey, k.retiredAt],
    );
  }
}

export interface Removal {
  agency: string;
  /** Records received from or through the partner that this node keeps (see docs/federation.md). */
  receivedKept: number;
}

/**
 * Removes a partner: its directory entry, keys, feed, sync state and what it was sent go; nothing is served to
 * it or pulled from it. The audit log keeps every delivery and this removal. Records received from it stay (they
 * were lawfully received and may be referenced), as do its quarantined envelopes; pairing again starts afresh.
 */
export async function removePartner(db: Db, agency: string, actor: string): Promise<Removal> {
  return db.transaction(async (tx) => {
    // Waits for a dispatch step in progress, which might be appending to the feed about to be deleted.
    await tx.query('select pg_advisory_xact_lock($1)', [DISPATCH_LOCK]);
    const row = await requirePartner(tx, agency);
    const kept = await tx.query<{ n: number }>(
      'select count(*)::int as n from federation_received where origin = $1 or received_from = $1',
      [agency],
    );
    const receivedKept = kept.rows[0]?.n ?? 0;
    await tx.query('delete from federation_reshares where to_agency = $1', [agency]);
    await tx.query("delete from federation_reconcile where scope->>'partner' = $1", [agency]);
    // No cascade: the feed and sent state carry no foreign key (migration 0011).
    await tx.query('delete from federation_feed where partner_id = $1', [row.id]);
    await tx.query('delete from federation_sent where partner_id = $1', [row.id]);
    await tx.query('delete from federation_partners where id = $1', [row.id]);
    await appendAudit(tx, {
      actor,
      action: 'federation.partner_removed',
      target: `partner:${agency}`,
      detail: { fingerprint: row.card_fingerprint, state: row.state, receivedKept },
    });
    return { agency, receivedKept };
  });
}
