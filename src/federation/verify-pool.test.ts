import { v7 as uuidv7 } from 'uuid';
import { afterAll, describe, expect, it } from 'vitest';
import { generateAgencyKeyPair } from '../platform/identity/keys.js';
import { type ApplyItem, type EnvelopeSource, envelopesOf, itemsAt, verifyAll } from './apply.js';
import { signerFromPem } from './crypto.js';
import { bodyOfChange, seal } from './envelope.js';
import { indexLine, pageLines } from './page-lines.js';
import type { TrustedKey } from './trust.js';
import {
  defaultVerifyThreads,
  IN_PLACE_BELOW,
  startVerifyThreads,
  stopVerifyThreads,
  verifyOffThread,
  verifyThreadCount,
  verifyThreadStats,
} from './verify-pool.js';

// A page verified on the verification thread gets exactly the verdicts the event loop would give, including for a
// tampered envelope, one signed by an unknown key, one that is not the envelope the index announced, and garbage.

const cnKeys = generateAgencyKeyPair();
const cn = signerFromPem('CN', cnKeys.privateKeyPem);
const stranger = signerFromPem('CN', generateAgencyKeyPair().privateKeyPem);
const keys = new Map<string, readonly TrustedKey[]>([
  ['CN', [{ fingerprint: cnKeys.fingerprint, publicKey: cnKeys.publicKey, retiredAt: null }]],
]);

const note = (n: number, by = cn) => {
  const at = new Date().toISOString();
  return seal(
    bodyOfChange(
      {
        type: 'intel.note',
        id: uuidv7(),
        version: 1,
        origin: 'CN',
        handling: 'H2',
        handlingText: null,
        audience: { agencies: ['MM'], mechanisms: [], taskForces: [] },
        onwardSharing: false,
        recordDate: '2026-11-01',
        payload: { subject: `note ${n}`, body: 'Shan State route', refersTo: null },
        tombstone: null,
        createdAt: at,
      },
      by,
      at,
    ),
    by,
  );
};

afterAll(() => stopVerifyThreads());

describe('verifying a page off the event loop', () => {
  it('gives the same verdicts as verifying in place, item by item', async () => {
    const items: ApplyItem[] = Array.from({ length: 200 }, (_, i) => {
      const envelope = note(i);
      return {
        pos: i + 1,
        envelope: JSON.parse(JSON.stringify(envelope)),
        expectedHash: envelope.contentHash,
      };
    });
    const tampered = items[3]!.envelope as { payload: { subject: string } };
    tampered.payload.subject = 'tampered';
    items[7] = { pos: 8, envelope: note(7, stranger) };
    items[11] = { pos: 12, envelope: note(11), expectedHash: 'sha256:0000' };
    items[13] = { pos: 14, envelope: { not: 'an envelope' } };
    const before = { ...verifyThreadStats };
    const offThread = await verifyOffThread(items, keys);
    expect(verifyThreadStats).toEqual({ batches: before.batches + 1, fallbacks: before.fallbacks });
    const inPlace = verifyAll(items, (a) => keys.get(a) ?? []);
    expect(offThread).toEqual(inPlace);
    expect(offThread.filter((v) => !v.ok).map((v) => (v.ok ? '' : v.code))).toEqual([
      'hash-mismatch',
      'unknown-key',
      'hash-mismatch',
      'malformed',
    ]);
    // The envelopes handed back are the caller's own objects, not copies from the thread.
    expect(offThread[0]?.ok && offThread[0].envelope).toBe(items[0]?.envelope);
  });

  // The two forms a response brings envelopes in: a JSON text, and a feed page's lines (a line that is not JSON is
  // passed over by both threads alike).
  const sources: [string, (list: { pos: number; envelope: unknown }[]) => EnvelopeSource][] = [
    ['a JSON response text', (list) => JSON.stringify({ envelopes: list })],
    [
      "a feed page's lines",
      (list) => {
        const lines = list.map((e) => ({ pos: e.pos, envelope: JSON.stringify(e.envelope) }));
        const bytes = Buffer.concat([
          pageLines('{"entries":[]}', lines),
          Buffer.from('{"pos":21,"envelope":\n'),
        ]);
        return { bytes, from: indexLine(bytes).envelopesFrom };
      },
    ],
  ];

  it.each(sources)(
    'reads the envelopes from %s, and gives the verdicts the event loop would',
    async (_, form) => {
      const sealed = Array.from({ length: 120 }, (_, i) => note(i));
      const list = sealed.map((envelope, i) => ({ pos: i + 1, envelope }));
      (list[5]!.envelope.payload as { subject: string }).subject = 'altered in transit';
      list[9] = { pos: 10, envelope: note(9, stranger) };
      list.splice(20, 1); // position 21 missing from the response
      const source = form(list);
      const wanted = sealed.map((e, i) => ({
        pos: i + 1,
        expectedHash: i === 30 ? 'sha256:0000' : e.contentHash,
      }));
      const items = itemsAt(wanted, envelopesOf(source));
      const before = { ...verifyThreadStats };
      const offThread = await verifyOffThread(items, keys, source);
      expect(verifyThreadStats).toEqual({ batches: before.batches + 1, fallbacks: before.fallbacks });
      expect(offThread).toEqual(verifyAll(items, (a) => keys.get(a) ?? []));
      expect(offThread.flatMap((v, i) => (v.ok ? [] : [[i + 1, v.code]]))).toEqual([
        [6, 'hash-mismatch'],
        [10, 'unknown-key'],
        [21, 'malformed'],
        [31, 'hash-mismatch'],
      ]);
      // The envelopes handed back are the caller's own objects, parsed once on the event loop.
      expect(offThread[0]?.ok && offThread[0].envelope).toBe(items[0]?.envelope);
    },
  );

  it('verifies a few items in place', async () => {
    const items: ApplyItem[] = [{ pos: 1, envelope: note(1) }];
    expect(IN_PLACE_BELOW).toBeGreaterThan(items.length);
    expect(await verifyOffThread(items, keys)).toEqual(verifyAll(items, (a) => keys.get(a) ?? []));
  });
});

describe('the pool of verification threads', () => {
  const page = (n: number): ApplyItem[] =>
    Array.from({ length: 80 }, (_, i) => {
      const envelope = note(n * 100 + i);
      return { pos: i + 1, envelope, expectedHash: envelope.contentHash };
    });

  it('is one fewer than the cores, at least 1 and at most 4, by default', () => {
    expect([1, 2, 3, 4, 8, 64].map((cores) => defaultVerifyThreads(cores))).toEqual([1, 1, 2, 3, 4, 4]);
  });

  it('verifies pages that come together side by side, up to its size, with the verdicts of the event loop', async () => {
    await stopVerifyThreads();
    startVerifyThreads(3);
    const pages = [page(1), page(2), page(3), page(4)];
    (pages[2]![5]!.envelope as { payload: { subject: string } }).payload.subject = 'tampered';
    const verdicts = await Promise.all(pages.map((items) => verifyOffThread(items, keys)));
    expect(verifyThreadCount()).toBe(3);
    expect(verdicts).toEqual(pages.map((items) => verifyAll(items, (a) => keys.get(a) ?? [])));
    expect(verdicts.map((v) => v.filter((x) => !x.ok).length)).toEqual([0, 0, 1, 0]);
  });

  it('runs one thread while pages come one at a time, and ends threads beyond a smaller size once idle', async () => {
    await stopVerifyThreads();
    startVerifyThreads(3);
    for (const n of [1, 2, 3]) expect((await verifyOffThread(page(n), keys)).every((v) => v.ok)).toBe(true);
    expect(verifyThreadCount()).toBe(1);
    await Promise.all([page(4), page(5)].map((items) => verifyOffThread(items, keys)));
    expect(verifyThreadCount()).toBe(2);
    startVerifyThreads(1);
    expect(verifyThreadCount()).toBe(1);
    expect((await verifyOffThread(page(6), keys)).every((v) => v.ok)).toBe(true);
    // Made smaller while both threads are busy: the one beyond the size ends after its batch.
    startVerifyThreads(2);
    const inFlight = Promise.all([page(7), page(8)].map((items) => verifyOffThread(items, keys)));
    expect(verifyThreadCount()).toBe(2);
    startVerifyThreads(1);
    expect(verifyThreadCount()).toBe(2);
    expect((await inFlight).flat().every((v) => v.ok)).toBe(true);
    expect(verifyThreadCount()).toBe(1);
  });
});
