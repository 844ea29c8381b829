import { appendAudit } from '../platform/audit/log.js';
import type { Db, Queryable } from '../platform/db/db.js';
import { badRequest } from '../platform/http/problem.js';
import { readIdentity } from '../platform/identity/identity.js';
import type { SharingPolicy } from '../platform/records.js';
import { policyProblems } from './egress.js';
import { makeCard } from './invitation.js';
import { activeSigner, ensureEncryptionKey } from './local-keys.js';
import { defaultPolicy, recordType, recordTypes } from './types.js';

// This node's federation settings, its invitations and the per-type default sharing policies.

export interface FederationSettings {
  endpoint: string | null;
  pullIntervalSeconds: number;
}

export async function readSettings(db: Queryable): Promise<FederationSettings> {
  const { rows } = await db.query<{ endpoint: string | null; pull_interval_seconds: number }>(
    'select endpoint, pull_interval_seconds from federation_settings',
  );
  return { endpoint: rows[0]?.endpoint ?? null, pullIntervalSeconds: rows[0]?.pull_interval_seconds ?? 300 };
}

export async function changeSettings(
  db: Db,
  change: Partial<FederationSettings>,
  actor: string,
): Promise<FederationSettings> {
  await db.transaction(async (tx) => {
    if (change.endpoint !== undefined)
      await tx.query('update federation_settings set endpoint = $1, updated_at = now()', [change.endpoint]);
    if (change.pullIntervalSeconds !== undefined) {
      await tx.query('update federation_settings set pull_interval_seconds = $1, updated_at = now()', [
        change.pullIntervalSeconds,
      ]);
    }
    await appendAudit(tx, {
      actor,
      action: 'federation.settings_changed',
      target: 'federation',
      detail: change,
    });
  });
  return readSettings(db);
}

export async function keyHistory(
  db: Queryable,
): Promise<{ fingerprint: string; createdAt: string; retiredAt: string | null }[]> {
  const { rows } = await db.query<{ fingerprint: string; created_at: Date; retired_at: Date | null }>(
    'select fingerprint, created_at, retired_at from node_keys order by created_at',
  );
  return rows.map((r) => ({
    fingerprint: r.fingerprint,
    createdAt: r.created_at.toISOString(),
    retiredAt: r.retired_at?.toISOString() ?? null,
  }));
}

export interface InvitationRequest {
  for?: string | null;
  endpoint?: string | null;
  validDays?: number;
}

/** A signed invitation card for a partner to accept; shows this node's fingerprint for the out-of-band check. */
export async function createInvitation(
  db: Db,
  dataDir: string,
  request: InvitationRequest,
  actor: string,
  now = new Date(),
) {
  const identity = await readIdentity(db);
  const settings = await readSettings(db);
  const signer = await activeSigner(db, dataDir, identity.agencyCode);
  const encryptionKey = await ensureEncryptionKey(db, dataDir);
  const expiresAt = new Date(now.getTime() + (request.validDays ?? 7) * 86_400_000).toISOString();
  const invitation = makeCard(signer, {
    agency: identity.agencyCode,
    name: identity.agencyName,
    country: identity.country,
    endpoint: request.endpoint === undefined ? settings.endpoint : request.endpoint,
    publicKey: identity.publicKey,
    encryptionKey,
    for: request.for ?? null,
    issuedAt: now.toISOString(),
    expiresAt,
  });
  await db.transaction((tx) =>
    appendAudit(tx, {
      actor,
      action: 'federation.invitation_created',
      target: request.for ? `partner:${request.for}` : null,
      detail: { expiresAt },
    }),
  );
  return { invitation, agency: identity.agencyCode, fingerprint: identity.fingerprint, expiresAt };
}

export async function typePolicies(db: Queryable) {
  const out = [];
  for (const t of recordTypes()) {
    const { rows } = await db.query('select 1 from federation_type_defaults where record_type = $1', [
      t.type,
    ]);
    out.push({
      type: t.type,
      description: t.description,
      readPermission: t.readPermission,
      declaredDefault: t.defaultPolicy,
      defaultPolicy: await defaultPolicy(db, t.type),
      overridden: rows.length > 0,
    });
  }
  return out;
}

export async function setTypePolicy(
  db: Db,
  type: string,
  policy: SharingPolicy,
  actor: string,
): Promise<void> {
  if (!recordType(type)) throw badRequest(`No record type ${type} is declared on this node.`);
  const problems = policyProblems(policy);
  if (problems.length) throw badRequest(problems.join('; '));
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into federation_type_defaults (record_type, handling, handling_text, audience, onward_sharing, updated_by) values ($1, $2, $3, $4, $5, $6)
       on conflict (record_type) do update set handling = excluded.handling, handling_text = excluded.handling_text, audience = excluded.audience,
         onward_sharing = excluded.onward_sharing, updated_by = excluded.updated_by, updated_at = now()`,
      [
        type,
        policy.handling,
        policy.handlingText,
        JSON.stringify(policy.audience),
        policy.onwardSharing,
        actor,
      ],
    );
    await appendAudit(tx, {
      actor,
      action: 'federation.default_policy_set',
      target: `type:${type}`,
      detail: { ...policy },
    });
  });
}
