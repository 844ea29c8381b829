import { readFileSync, writeFileSync } from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import { exportBundle, importBundle } from '../federation/bundles.js';
import { declareFederationTypes } from '../federation/declare.js';
import { dispatchOnce } from '../federation/dispatch.js';
import { activeSigner, rotateKey } from '../federation/local-keys.js';
import { acceptInvitation, confirmPartner, listPartners } from '../federation/partners.js';
import { createInvitation } from '../federation/settings.js';
import { AGENCY_CODE_PATTERN } from '../platform/config.js';
import type { Db } from '../platform/db/db.js';
import { cliActor, print, printJson, withDatabase } from './context.js';

// Federation commands: pairing (invite, accept, confirm, list), key rotation and air-gapped bundles. They work on
// the node's database directly: with the embedded database, stop the node first (or use the HTTP API).

const agency = (value: string): string => {
  if (!AGENCY_CODE_PATTERN.test(value))
    throw new InvalidArgumentError('must be an agency code (A-Z, 0-9, hyphen)');
  return value;
};

const wholeNumber = (value: string): number => {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('must be a whole number');
  return Number(value);
};

/** Brings the partners' feeds up to date with the outbox before a bundle is cut. */
async function dispatchAll(db: Db, dataDir: string, self: string): Promise<void> {
  for (let step = 0; step < 10_000; step++) {
    const result = await dispatchOnce(db, self, (tx) => activeSigner(tx, dataDir, self));
    if (!result.more || result.busy) return;
  }
}

export function registerFederationCommands(program: Command): void {
  declareFederationTypes();
  const partner = program
    .command('partner')
    .description('Pair with partner nodes: exchange invitations, compare fingerprints, confirm.');
  partner
    .command('invite')
    .description(
      "Print a signed invitation for a partner to accept, and this node's fingerprint to read to them out of band.",
    )
    .option('--for <agency>', 'the one agency the invitation is for', agency)
    .option(
      '--endpoint <url>',
      'the URL partners pull from (default: the one set in federation settings; none for bundles only)',
    )
    .option('--days <n>', 'days the invitation stays valid', wholeNumber, 7)
    .action((opts: { for?: string; endpoint?: string; days: number }) =>
      withDatabase(async (db, config) => {
        const made = await createInvitation(
          db,
          config.dataDir,
          { for: opts.for ?? null, endpoint: opts.endpoint, validDays: opts.days },
          cliActor(),
        );
        print(made.invitation);
        print();
        print(`agency:      ${made.agency}`);
        print(`fingerprint: ${made.fingerprint}`);
        print(`expires:     ${made.expiresAt}`);
      }),
    );
  partner
    .command('accept')
    .description(
      "Accept a partner's invitation (from the argument, or a file with --file); it stays pending until confirmed, at once when --fingerprint (read to you by the partner) matches.",
    )
    .argument('[invitation]', 'the LIAISON-INVITE:... text')
    .option('--file <path>', 'read the invitation from a file')
    .option(
      '--fingerprint <fingerprint>',
      'the fingerprint the partner read to you out of band: confirms the partner if it matches',
    )
    .action((invitation: string | undefined, opts: { file?: string; fingerprint?: string }) =>
      withDatabase(async (db, config) => {
        const token = opts.file ? readFileSync(opts.file, 'utf8') : invitation;
        if (!token) throw new Error('give the invitation text or --file');
        const accepted = await acceptInvitation(db, config.agencyCode, token, cliActor());
        print(`fingerprint: ${accepted.fingerprint}`);
        if (opts.fingerprint) {
          const confirmed = await confirmPartner(db, accepted.agency, opts.fingerprint, cliActor());
          print(`${confirmed.agency} (${confirmed.name}) is ${confirmed.state}.`);
          return;
        }
        print(`${accepted.agency} (${accepted.name}) is pending.`);
        print(
          `Compare it with ${accepted.agency} out of band, then: liaison partner confirm ${accepted.agency} --fingerprint "<what they read to you>"`,
        );
      }),
    );
  partner
    .command('confirm')
    .description('Confirm a pending partner after comparing its fingerprint out of band.')
    .argument('<agency>', "the partner's agency code", agency)
    .requiredOption('--fingerprint <fingerprint>', 'the fingerprint the partner read to you')
    .action((code: string, opts: { fingerprint: string }) =>
      withDatabase(async (db) => {
        const confirmed = await confirmPartner(db, code, opts.fingerprint, cliActor());
        print(`${confirmed.agency} is ${confirmed.state}.`);
      }),
    );
  partner
    .command('list')
    .description('List partners.')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) =>
      withDatabase(async (db) => {
        const partners = await listPartners(db);
        if (opts.json) return printJson(partners);
        for (const p of partners)
          print(
            `${p.agency.padEnd(16)} ${p.state.padEnd(10)} ${p.endpoint ?? '(bundles only)'}  ${p.fingerprint}`,
          );
      }),
    );

  program
    .command('key')
    .description('The agency key.')
    .command('rotate')
    .description(
      'Rotate the agency key; partners follow the rotation, and what the old key signed stays valid.',
    )
    .action(() =>
      withDatabase(async (db, config) => {
        const rotated = await rotateKey(db, config.dataDir, config.agencyCode, cliActor());
        print(`rotated: ${rotated.previousFingerprint} -> ${rotated.fingerprint} at ${rotated.rotatedAt}`);
      }),
    );

  const bundle = program
    .command('bundle')
    .description('Air-gapped exchange: the envelopes for one partner as a signed file.');
  bundle
    .command('export')
    .description(
      'Write the envelopes released to a partner into a signed bundle file, optionally encrypted to it.',
    )
    .requiredOption('--to <agency>', 'the partner the bundle is for', agency)
    .requiredOption('--out <file>', 'the file to write')
    .option('--encrypt', "encrypt to the partner's key (X25519 + AES-256-GCM)")
    .option(
      '--after <position>',
      'only feed positions after this one (what the partner already has)',
      wholeNumber,
    )
    .action((opts: { to: string; out: string; encrypt?: boolean; after?: number }) =>
      withDatabase(async (db, config) => {
        await dispatchAll(db, config.dataDir, config.agencyCode);
        const { file, count, until } = await exportBundle(db, config.dataDir, config.agencyCode, {
          to: opts.to,
          encrypt: !!opts.encrypt,
          after: opts.after,
        });
        writeFileSync(opts.out, JSON.stringify(file), { mode: 0o600 });
        print(
          `wrote ${count} envelope(s) for ${opts.to} to ${opts.out}${opts.encrypt ? ' (encrypted)' : ''}; next export: --after ${until}`,
        );
      }),
    );
  bundle
    .command('import')
    .description('Import a bundle file from a partner through the same apply path as a pull.')
    .argument('<file>', 'the bundle file')
    .option('--json', 'print JSON')
    .action((file: string, opts: { json?: boolean }) =>
      withDatabase(async (db, config) => {
        const result = await importBundle(
          db,
          config.dataDir,
          config.agencyCode,
          JSON.parse(readFileSync(file, 'utf8')),
        );
        if (opts.json) return printJson({ ...result, records: undefined });
        print(
          `${result.from}: ${result.count} envelope(s): ${result.applied} applied, ${result.skipped} already held, ${result.quarantined} quarantined`,
        );
        for (const reason of result.reasons.slice(0, 20)) print(`  quarantined: ${reason}`);
      }),
    );
}
