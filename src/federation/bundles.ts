import type { Db } from '../platform/db/db.js';
import { badRequest, conflict } from '../platform/http/problem.js';
import { type ApplySummary, applyEnvelopes, verifyAll } from './apply.js';
import {
  buildBundle,
  checkBundle,
  decryptBundle,
  type EncryptedBundle,
  encryptBundle,
  isEncryptedBundle,
} from './bundle.js';
import { recordDelivery } from './feed.js';
import { activeSigner, encryptionPrivateKeyPem, keyChain } from './local-keys.js';
import type { Envelope } from './model.js';
import { requirePartner, storeLearntKeys, trustedKeys } from './partners.js';
import { extendTrust, type TrustedKey } from './trust.js';

// Bundles for air-gapped partners: export the envelopes of a partner's feed (what the egress filter released to it)
// into a signed file, optionally encrypted to it; import one through the same apply path as a pull.

const IMPORT_CHUNK = 1000;

export interface ExportOptions {
  to: string;
  encrypt: boolean;
  /** Only feed positions after this one (what the partner already got is left out). */
  after?: number;
}

export async function exportBundle(
  db: Db,
  dataDir: string,
  self: string,
  options: ExportOptions,
): Promise<{ file: object; count: number; until: number }> {
  const partner = await requirePartner(db, options.to);
  if (partner.state !== 'active') throw conflict(`The partnership with ${options.to} is ${partner.state}.`);
  if (options.encrypt && !partner.encryption_key)
    throw conflict(`${options.to} published no encryption key.`);
  const after = options.after ?? 0;
  const signer = await activeSigner(db, dataDir, self);
  const { file, count, until } = await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ pos: number; envelope: string }>(
      `select f.pos, e.envelope from federation_feed f join federation_envelopes e on e.id = f.envelope_id
        where f.partner_id = $1 and f.pos > $2 order by f.pos`,
      [partner.id, after],
    );
    const entries = rows.map((r) => ({ pos: Number(r.pos), envelope: JSON.parse(r.envelope) as Envelope }));
    const chain = await keyChain(tx, self);
    const bundle = buildBundle(signer, options.to, entries, after, chain.rotations, new Date());
    if (entries.length)
      await recordDelivery(
        tx,
        options.to,
        'bundle',
        entries.map((e) => e.envelope),
      );
    return { file: bundle as object, count: entries.length, until: bundle.header.until };
  });
  if (!options.encrypt) return { file, count, until };
  return {
    file: encryptBundle(JSON.stringify(file), self, options.to, partner.encryption_key as string),
    count,
    until,
  };
}

export interface ImportResult extends ApplySummary {
  from: string;
  count: number;
}

/** Imports a bundle (parsed JSON, encrypted or not) addressed to this node. */
export async function importBundle(
  db: Db,
  dataDir: string,
  self: string,
  value: unknown,
): Promise<ImportResult> {
  let bundleValue = value;
  if (isEncryptedBundle(value)) {
    const encrypted: EncryptedBundle = value;
    if (encrypted.to !== self) throw badRequest(`The bundle is for ${encrypted.to}, not ${self}.`);
    try {
      bundleValue = JSON.parse(decryptBundle(encrypted, encryptionPrivateKeyPem(dataDir)));
    } catch (error) {
      throw badRequest(error instanceof Error ? error.message : String(error));
    }
  }
  const from = (bundleValue as { header?: { from?: unknown } } | null)?.header?.from;
  if (typeof from !== 'string') throw badRequest('This is not a Liaison bundle.');
  const partner = await requirePartner(db, from);
  if (partner.state !== 'active')
    throw conflict(
      `The partnership with ${from} is ${partner.state}; confirm it before importing its bundles.`,
    );
  // An offline node follows the sender's key rotations from the statements the bundle carries.
  const rotations = (bundleValue as { header: { rotations?: unknown } }).header.rotations;
  if (Array.isArray(rotations))
    await storeLearntKeys(db, from, extendTrust(await trustedKeys(db, from), rotations, from));
  const check = checkBundle(bundleValue, self, await trustedKeys(db, from));
  if (!check.ok) throw badRequest(`The bundle was refused: ${check.reason}`);
  const entries = check.bundle.entries;
  const signers = new Set<string>([from]);
  for (const e of entries) {
    const signer = (e.envelope as { signer?: unknown } | null)?.signer;
    if (typeof signer === 'string') signers.add(signer);
  }
  const keys = new Map<string, TrustedKey[]>();
  for (const agency of signers) keys.set(agency, await trustedKeys(db, agency));
  const total: ImportResult = {
    from,
    count: entries.length,
    applied: 0,
    skipped: 0,
    quarantined: 0,
    placeholders: 0,
    records: [],
    reasons: [],
  };
  for (let i = 0; i < entries.length; i += IMPORT_CHUNK) {
    const items = entries.slice(i, i + IMPORT_CHUNK).map((e) => ({ pos: e.pos, envelope: e.envelope }));
    const keysOf = (a: string) => keys.get(a) ?? [];
    const summary = await applyEnvelopes(
      db,
      items,
      { self, from, via: 'bundle', keysOf },
      verifyAll(items, keysOf),
    );
    total.applied += summary.applied;
    total.skipped += summary.skipped;
    total.quarantined += summary.quarantined;
    total.placeholders += summary.placeholders;
    total.records.push(...summary.records);
    total.reasons.push(...summary.reasons);
  }
  return total;
}
