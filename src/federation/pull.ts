import type { Logger } from 'pino';
import type { Db, Queryable } from '../platform/db/db.js';
import { keepStatistics } from '../platform/db/statistics.js';
import { parsedOrNull } from '../platform/json/parse.js';
import {
  type ApplyItem,
  applyEnvelopes,
  type EnvelopeSource,
  envelopesByPos,
  envelopesOf,
  itemsAt,
} from './apply.js';
import { PartnerUnreachable, partnerRequest, partnerRequestBytes, problemDetail } from './client.js';
import { activeSigner } from './local-keys.js';
import { indexLine } from './page-lines.js';
import { findPartner, storeLearntKeys, trustedKeys } from './partners.js';
import { checkResponse } from './requests.js';
import {
  advanceCursor,
  entriesToFetch,
  type Holding,
  MAX_PAGES_PER_PULL,
  PAGE_SIZE,
  PAGES_AHEAD,
} from './schedule.js';
import { type FeedPage, feedPageShape } from './schemas.js';
import { extendTrust, type TrustedKey } from './trust.js';
import { verifyOffThread } from './verify-pool.js';

// The columns of what a node holds that its lookups filter on; the signed envelopes are left out of its statistics
// (see keepStatistics).
const RECEIVED_KEYS = { federation_received: ['origin', 'record_id', 'record_type', 'version'] };

// Pulling a partner's feed: signed index pages after the cursor, then only the envelopes this node lacks, applied
// through the one apply path with the cursor advanced in the same transaction (no gaps, no duplicates).

export interface PullContext {
  db: Db;
  self: string;
  dataDir: string;
  log: Logger;
}

export interface PullReport {
  agency: string;
  pages: number;
  listed: number;
  fetched: number;
  applied: number;
  skipped: number;
  quarantined: number;
  cursor: number;
  head: number;
  more: boolean;
}

/** Keys of the agencies that sign envelopes, loaded once per page. */
async function keyTable(db: Queryable, agencies: Iterable<string>): Promise<Map<string, TrustedKey[]>> {
  const table = new Map<string, TrustedKey[]>();
  for (const agency of agencies) table.set(agency, await trustedKeys(db, agency));
  return table;
}

/** Follows a partner's key rotations: fetches its public key chain and trusts the keys linked to a trusted one. */
export async function learnKeys(pc: PullContext, agency: string): Promise<boolean> {
  const partner = await findPartner(pc.db, agency);
  if (!partner?.endpoint || partner.state !== 'active') return false;
  const response = await partnerRequest(
    null,
    { agency, endpoint: partner.endpoint },
    'GET',
    'api/v1/federation/keys',
    undefined,
    5000,
  );
  if (response.status !== 200) return false;
  const chain = response.body as { agency?: unknown; rotations?: unknown };
  if (chain.agency !== agency || !Array.isArray(chain.rotations)) return false;
  const learnt = extendTrust(await trustedKeys(pc.db, agency), chain.rotations, agency);
  if (learnt.length) {
    await storeLearntKeys(pc.db, agency, learnt);
    pc.log.info({ partner: agency, keys: learnt.map((k) => k.fingerprint) }, 'learnt rotated partner keys');
  }
  return learnt.length > 0;
}

async function syncFailed(db: Queryable, partnerId: string, message: string): Promise<void> {
  await db.query(
    `update federation_sync set last_attempt_at = now(), last_error = $2, last_error_at = now(), failures = failures + 1 where partner_id = $1`,
    [partnerId, message.slice(0, 1000)],
  );
}

async function syncAdvanced(
  tx: Queryable,
  partnerId: string,
  cursor: number,
  head: number,
  counts: { applied: number; skipped: number; quarantined: number },
) {
  await tx.query(
    `update federation_sync set cursor = greatest(cursor, $2), head = $3, last_attempt_at = now(), last_success_at = now(), failures = 0,
       last_error = null, applied = applied + $4, skipped = skipped + $5, quarantined = quarantined + $6 where partner_id = $1`,
    [partnerId, cursor, head, counts.applied, counts.skipped, counts.quarantined],
  );
}

async function holdings(db: Queryable, entries: FeedPage['entries']): Promise<Map<string, Holding>> {
  const held = new Map<string, Holding>();
  if (!entries.length) return held;
  const { rows } = await db.query<{
    origin: string;
    record_id: string;
    version: number;
    content_hash: string | null;
  }>(
    'select origin, record_id, version, content_hash from federation_received where record_id = any($1::uuid[])',
    [[...new Set(entries.map((e) => e.id))]],
  );
  for (const r of rows)
    held.set(`${r.origin}/${r.record_id}`, { version: r.version, contentHash: r.content_hash });
  return held;
}

interface IndexedPage {
  body: FeedPage;
  fetch: FeedPage['entries'];
  skipped: number;
  next: number;
  /** The page's envelopes by position and the response they came in, when they came with the index. */
  inline: { envelopes: Map<number, unknown>; source: EnvelopeSource } | null;
}

interface FetchedPage {
  body: FeedPage;
  items: ApplyItem[];
  skipped: number;
  next: number;
  /** The response the items' envelopes came in, when there was one. */
  source: EnvelopeSource | null;
}

type Target = { agency: string; endpoint: string | null };

/** The signed index text and the envelopes of a page that came with its envelopes (as lines: page-lines.ts). */
function inlineParts(bytes: Buffer): { text: string; inline: IndexedPage['inline'] } {
  const { text, envelopesFrom } = indexLine(bytes);
  const source = { bytes, from: envelopesFrom };
  return { text, inline: { envelopes: envelopesOf(source), source } };
}

/**
 * A signed index page after the cursor, checked, with the entries this node lacks. `inline` asks for the page's
 * envelopes in the same response (when this node is unlikely to hold any of them).
 */
async function fetchIndex(
  pc: PullContext,
  target: Target,
  cursor: number,
  inline: boolean,
): Promise<IndexedPage> {
  const { agency } = target;
  const signer = await activeSigner(pc.db, pc.dataDir, pc.self);
  const path = `api/v1/federation/${inline ? 'feed/with-envelopes' : 'feed'}?after=${cursor}&limit=${PAGE_SIZE}`;
  const response = inline
    ? await partnerRequestBytes(signer, target, path)
    : { ...(await partnerRequest(signer, target, 'GET', path)), bytes: null };
  if (response.status !== 200)
    throw new PartnerUnreachable(
      agency,
      `${agency} refused the feed request (${response.status}): ${problemDetail(response.body)}`,
      response.status,
    );
  const parts = response.bytes ? inlineParts(response.bytes) : { text: response.text, inline: null };
  let check = checkResponse(response.headers, response.nonce, parts.text, await trustedKeys(pc.db, agency));
  if (!check.ok && check.code === 'unknown-key') {
    // The partner rotated its key: follow its statements (another request may have learnt them meanwhile).
    await learnKeys(pc, agency).catch(() => false);
    check = checkResponse(response.headers, response.nonce, parts.text, await trustedKeys(pc.db, agency));
  }
  if (!check.ok) throw new Error(`${agency}'s feed page failed its signature check: ${check.reason}`);
  const page = response.bytes ? parsedOrNull(parts.text) : response.body;
  if (!feedPageShape.Check(page)) throw new Error(`${agency}'s feed page is malformed`);
  const body: FeedPage = page;
  if (body.origin !== agency || body.to !== pc.self || body.after !== cursor)
    throw new Error(`${agency}'s feed page answers another request`);
  if (body.entries.some((e, i) => e.pos <= (i ? (body.entries[i - 1] as { pos: number }).pos : cursor)))
    throw new Error(`${agency}'s feed page is out of order`);
  const { fetch, skipped } = entriesToFetch(body.entries, await holdings(pc.db, body.entries));
  return {
    body,
    fetch,
    skipped,
    next: advanceCursor(cursor, body.entries),
    inline: parts.inline,
  };
}

/** The envelopes of an index page that this node lacks (already here when they came with the index). */
async function fetchEnvelopes(pc: PullContext, target: Target, page: IndexedPage): Promise<FetchedPage> {
  const { body, fetch, skipped, next } = page;
  if (!fetch.length) return { body, items: [], skipped, next, source: null };
  const wanted = fetch.map((e) => ({ pos: e.pos, expectedHash: e.contentHash }));
  if (page.inline)
    return { body, items: itemsAt(wanted, page.inline.envelopes), skipped, next, source: page.inline.source };
  const { agency } = target;
  const signer = await activeSigner(pc.db, pc.dataDir, pc.self);
  const got = await partnerRequest(signer, target, 'POST', 'api/v1/federation/feed/envelopes', {
    positions: fetch.map((e) => e.pos),
  });
  if (got.status !== 200)
    throw new PartnerUnreachable(
      agency,
      `${agency} refused the envelopes request (${got.status}): ${problemDetail(got.body)}`,
      got.status,
    );
  return { body, items: itemsAt(wanted, envelopesByPos(got.body)), skipped, next, source: got.text };
}

interface Ahead {
  index: Promise<IndexedPage | null>;
  page: Promise<CheckedPage | null>;
}

interface CheckedPage extends FetchedPage {
  checked: Awaited<ReturnType<typeof verifyPage>> | null;
}

/**
 * Starts the page after `previous` (or the first page): its index as soon as the previous index is in, its envelopes
 * as soon as its own index is, then their verification. So the index chain runs ahead of verifying and applying, and the partner works while
 * this node does. A failure is reported when the page's turn comes, not as an unhandled rejection meanwhile.
 */
function startPage(pc: PullContext, target: Target, cursor: number, previous?: Ahead): Ahead {
  // Envelopes come with the index unless the page before held entries this node already had (e.g. after a bundle):
  // then the index alone is fetched and only the missing envelopes asked for.
  const index = previous
    ? previous.index.then((prev) =>
        prev?.body.more ? fetchIndex(pc, target, prev.next, prev.skipped === 0) : null,
      )
    : fetchIndex(pc, target, cursor, true);
  const page = index.then(async (indexed) => {
    if (!indexed) return null;
    const fetched = await fetchEnvelopes(pc, target, indexed);
    // Verified here, on the verification thread, while the event loop applies the pages before this one.
    return {
      ...fetched,
      checked: fetched.items.length
        ? await verifyPage(pc, fetched.items, target.agency, fetched.source)
        : null,
    };
  });
  index.catch(() => undefined);
  page.catch(() => undefined);
  return { index, page };
}

/** Verifies a page's envelopes, learning rotated keys of their signers when needed. */
async function verifyPage(
  pc: PullContext,
  items: ApplyItem[],
  delivering: string,
  source: EnvelopeSource | null,
) {
  const signers = new Set(
    items.map((i) => String((i.envelope as { signer?: unknown } | null)?.signer ?? delivering)),
  );
  let keys = await keyTable(pc.db, signers);
  let verified = await verifyOffThread(items, keys, source);
  const unknown = new Set(
    verified.flatMap((v, i) =>
      !v.ok && v.code === 'unknown-key'
        ? [String((items[i]?.envelope as { signer?: unknown } | null)?.signer)]
        : [],
    ),
  );
  if (unknown.size) {
    for (const a of unknown) await learnKeys(pc, a).catch(() => false);
    keys = await keyTable(pc.db, signers);
    verified = await verifyOffThread(items, keys, source);
  }
  return { keys, verified };
}

/**
 * Pulls up to `maxPages` pages from one partner; the next pages are fetched while this one is verified and applied.
 * Throws (after recording the failure) when the partner fails.
 */
export async function pullPartner(
  pc: PullContext,
  agency: string,
  maxPages = MAX_PAGES_PER_PULL,
): Promise<PullReport> {
  const partner = await findPartner(pc.db, agency);
  if (partner?.state !== 'active') throw new Error(`${agency} is not an active partner`);
  const report: PullReport = {
    agency,
    pages: 0,
    listed: 0,
    fetched: 0,
    applied: 0,
    skipped: 0,
    quarantined: 0,
    cursor: 0,
    head: 0,
    more: false,
  };
  const sync = await pc.db.query<{ cursor: number }>(
    'select cursor from federation_sync where partner_id = $1',
    [partner.id],
  );
  const target = { agency, endpoint: partner.endpoint };
  report.cursor = Number(sync.rows[0]?.cursor ?? 0);
  const ahead: Ahead[] = [startPage(pc, target, report.cursor)];
  try {
    for (let page = 0; page < maxPages; page++) {
      while (ahead.length < PAGES_AHEAD && page + ahead.length < maxPages)
        ahead.push(startPage(pc, target, report.cursor, ahead.at(-1)));
      const current = await (ahead.shift() as Ahead).page;
      if (!current) break;
      const { body, items, skipped, next } = current;
      const counts = { applied: 0, skipped, quarantined: 0 };
      report.pages++;
      report.listed += body.entries.length;
      if (items.length && current.checked) {
        const { keys, verified } = current.checked;
        const summary = await applyEnvelopes(
          pc.db,
          items,
          {
            self: pc.self,
            from: agency,
            via: 'pull',
            keysOf: (a) => keys.get(a) ?? [],
            after: (tx, s) =>
              syncAdvanced(tx, partner.id, next, body.head, {
                applied: s.applied,
                skipped: skipped + s.skipped,
                quarantined: s.quarantined,
              }),
          },
          verified,
        );
        await keepStatistics(pc.db, { federation_received: summary.applied }, RECEIVED_KEYS);
        report.fetched += items.length;
        counts.applied = summary.applied;
        counts.skipped += summary.skipped;
        counts.quarantined = summary.quarantined;
        if (summary.quarantined)
          pc.log.warn(
            { partner: agency, quarantined: summary.quarantined, reasons: summary.reasons.slice(0, 5) },
            'envelopes quarantined',
          );
      } else {
        await syncAdvanced(pc.db, partner.id, next, body.head, counts);
      }
      report.applied += counts.applied;
      report.skipped += counts.skipped;
      report.quarantined += counts.quarantined;
      report.cursor = next;
      report.head = body.head;
      report.more = body.more;
    }
    return report;
  } catch (error) {
    await syncFailed(pc.db, partner.id, error instanceof Error ? error.message : String(error)).catch(
      () => undefined,
    );
    throw error;
  }
}
