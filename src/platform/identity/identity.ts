import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { appendAudit } from '../audit/log.js';
import type { Config } from '../config.js';
import type { Db } from '../db/db.js';
import { fingerprint, generateAgencyKeyPair, publicKeyOfPem } from './keys.js';
import { recoverInterruptedRotation } from './rotation.js';

export interface NodeIdentity {
  agencyCode: string;
  agencyName: string;
  country: string | null;
  publicKey: string;
  fingerprint: string;
  keyId: string;
  /** When the node (its agency record) was created. */
  createdAt: string;
  /** When the active key was made; differs from createdAt once keys rotate. */
  keyCreatedAt: string;
}

export class IdentityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IdentityError';
  }
}

export const keyFilePath = (dataDir: string) => path.join(dataDir, 'keys', 'agency-ed25519.pem');

function writePrivateKey(file: string, pem: string): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
}

/** The public key of the private key file, or an IdentityError naming the file when it holds no usable key. */
function publicKeyOfFile(file: string): string {
  try {
    return publicKeyOfPem(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new IdentityError(`${file} does not hold an Ed25519 private key in PEM form: ${reason}`);
  }
}

/**
 * Makes sure this node has an agency identity and an active key: creates both on first start, and refuses to
 * start when the data folder and the database disagree about who this node is.
 */
export async function ensureIdentity(
  db: Db,
  config: Pick<Config, 'agencyCode' | 'agencyName' | 'agencyCountry' | 'dataDir'>,
): Promise<{ identity: NodeIdentity; created: boolean }> {
  const file = keyFilePath(config.dataDir);
  const created = await db.transaction(async (tx) => {
    const existing = await tx.query<{ agency_code: string }>('select agency_code from node_identity');
    const current = existing.rows[0];
    if (current && current.agency_code !== config.agencyCode) {
      throw new IdentityError(
        `this database belongs to agency ${current.agency_code}, but LIAISON_AGENCY_CODE is ${config.agencyCode}; an agency code cannot change once the node exists`,
      );
    }
    const keys = await tx.query<{ public_key: string }>(
      'select public_key from node_keys where retired_at is null',
    );
    const activeKey = keys.rows[0];
    // A key rotation interrupted by a crash is finished (or undone) before the key file is checked.
    recoverInterruptedRotation(config.dataDir, activeKey?.public_key);
    if (activeKey) {
      if (!existsSync(file)) {
        throw new IdentityError(
          `the agency's private key is missing: expected ${file} (copy it from the node that created this database)`,
        );
      }
      if (publicKeyOfFile(file) !== activeKey.public_key) {
        throw new IdentityError(`the private key in ${file} does not match this database's agency key`);
      }
    } else {
      // A key file without a database record is kept (a database restored empty); otherwise a new pair is made.
      const publicKey = existsSync(file) ? publicKeyOfFile(file) : undefined;
      const pair = publicKey ? { publicKey, fingerprint: fingerprint(publicKey) } : generateAgencyKeyPair();
      if (!publicKey && 'privateKeyPem' in pair) writePrivateKey(file, pair.privateKeyPem);
      await tx.query('insert into node_keys (id, public_key, fingerprint) values ($1, $2, $3)', [
        uuidv7(),
        pair.publicKey,
        pair.fingerprint,
      ]);
      await appendAudit(tx, {
        actor: 'system',
        action: 'node.key_created',
        target: `key:${pair.fingerprint}`,
      });
    }
    if (current) {
      await tx.query('update node_identity set agency_name = $1, country = coalesce($2, country)', [
        config.agencyName,
        config.agencyCountry ?? null,
      ]);
      return false;
    }
    await tx.query('insert into node_identity (agency_code, agency_name, country) values ($1, $2, $3)', [
      config.agencyCode,
      config.agencyName,
      config.agencyCountry ?? null,
    ]);
    await appendAudit(tx, { actor: 'system', action: 'node.created', target: `agency:${config.agencyCode}` });
    return true;
  });
  return { identity: await readIdentity(db), created };
}

export async function readIdentity(db: Db): Promise<NodeIdentity> {
  const { rows } = await db.query<{
    agency_code: string;
    agency_name: string;
    country: string | null;
    created_at: Date;
    key_created_at: Date;
    id: string;
    public_key: string;
    fingerprint: string;
  }>(
    `select n.agency_code, n.agency_name, n.country, n.created_at, k.created_at as key_created_at, k.id, k.public_key,
       k.fingerprint
     from node_identity n cross join node_keys k where k.retired_at is null`,
  );
  const row = rows[0];
  if (!row) throw new IdentityError('this node has no identity yet; start it once or run `liaison migrate`');
  return {
    agencyCode: row.agency_code,
    agencyName: row.agency_name,
    country: row.country,
    publicKey: row.public_key,
    fingerprint: row.fingerprint,
    keyId: row.id,
    createdAt: row.created_at.toISOString(),
    keyCreatedAt: row.key_created_at.toISOString(),
  };
}
