import { describe, expect, it } from 'vitest';
import { generateAgencyKeyPair } from '../platform/identity/keys.js';
import { signerFromPem } from './crypto.js';
import { admit, shouldApply } from './ingress.js';
import { CARD_PREFIX, makeCard, readCard, sameFingerprint } from './invitation.js';
import type { Envelope } from './model.js';
import { advanceCursor, clampLimit, entriesToFetch, lag, nextPullDelay } from './schedule.js';

const envelope = (over: Partial<Envelope>): Envelope =>
  ({
    format: 1,
    id: '01890a5d-ac96-7000-8000-000000000001',
    origin: 'CN',
    type: 'intel.note',
    version: 2,
    handling: 'H1',
    handlingText: null,
    audience: { agencies: ['MM'], mechanisms: [], taskForces: [] },
    onwardSharing: false,
    recordDate: '2025-01-01',
    tombstone: null,
    payload: {},
    issuedAt: '2025-01-01T00:00:00.000Z',
    signer: 'CN',
    key: 'K',
    contentHash: 'sha256:a',
    signature: 's',
    ...over,
  }) as Envelope;

describe('applying is idempotent on (origin, id, version)', () => {
  const held = { version: 2, issuedAt: '2025-01-01T00:00:00.000Z', contentHash: 'sha256:a' };
  it.each([
    ['nothing held', null, {}, true],
    ['a placeholder', { version: 0, issuedAt: null, contentHash: null }, {}, true],
    ['a lower version', held, { version: 3 }, true],
    ['the same envelope again (replay)', held, {}, false],
    ['an older version', held, { version: 1 }, false],
    [
      'the same version issued later (revocation)',
      held,
      { contentHash: 'sha256:b', issuedAt: '2025-01-02T00:00:00.000Z' },
      true,
    ],
    [
      'the same version issued earlier (stale replay)',
      held,
      { contentHash: 'sha256:b', issuedAt: '2024-12-31T00:00:00.000Z' },
      false,
    ],
  ])('over %s: applies %s', (_what, h, over, expected) => {
    expect(shouldApply(envelope(over), h)).toBe(expected);
  });
});

describe('the receiver admits', () => {
  it.each([
    ["the origin's own record addressed to it", {}, 'CN', true],
    [
      'a record addressed to a mechanism (resolved by the origin)',
      { audience: { agencies: [], mechanisms: ['GMS-MOU'], taskForces: [] } },
      'CN',
      true,
    ],
    [
      'a record addressed to others only',
      { audience: { agencies: ['TH'], mechanisms: [], taskForces: [] } },
      'CN',
      false,
    ],
    ['its own record coming back', { origin: 'MM', signer: 'MM' }, 'CN', false],
    [
      'a relayed H0 record with onward sharing',
      { handling: 'H0', onwardSharing: true, audience: { agencies: ['TH'], mechanisms: [], taskForces: [] } },
      'TH',
      true,
    ],
    ['a relayed H2 record', { handling: 'H2', onwardSharing: true }, 'TH', false],
    ['a relayed H1 record without onward sharing', { handling: 'H1' }, 'TH', false],
    [
      "a relayer's revocation of its relayed copy",
      { tombstone: 'access-revoked', payload: null, signer: 'TH' },
      'TH',
      true,
    ],
    [
      'a revocation signed by a third agency',
      { tombstone: 'access-revoked', payload: null, signer: 'LA' },
      'TH',
      false,
    ],
  ] as const)('%s: %s', (_what, over, from, ok) => {
    expect(admit(envelope(over as Partial<Envelope>), 'MM', from).ok).toBe(ok);
  });
});

describe('invitations', () => {
  const cn = generateAgencyKeyPair();
  const signer = signerFromPem('CN', cn.privateKeyPem);
  const now = new Date('2025-01-01T00:00:00.000Z');
  const card = (over: { for?: string | null; expiresAt?: string } = {}) =>
    makeCard(signer, {
      agency: 'CN',
      name: 'China National Narcotics Control Commission',
      country: 'CN',
      endpoint: 'http://127.0.0.1:9999',
      publicKey: cn.publicKey,
      encryptionKey: Buffer.alloc(32, 1).toString('base64'),
      for: over.for ?? null,
      issuedAt: now.toISOString(),
      expiresAt: over.expiresAt ?? '2025-01-08T00:00:00.000Z',
    });

  it('carry the key and its fingerprint, self-signed', () => {
    const read = readCard(card(), 'MM', now);
    expect(read.ok && read.card).toMatchObject({
      agency: 'CN',
      fingerprint: cn.fingerprint,
      endpoint: 'http://127.0.0.1:9999',
    });
  });

  it.each([
    ['expired', () => card({ expiresAt: '2024-12-31T00:00:00.000Z' }), 'MM', /expired/],
    ['for another agency', () => card({ for: 'TH' }), 'MM', /for TH/],
    ['its own', () => card(), 'CN', /this node itself/],
    ['damaged', () => `${card().slice(0, -10)}AAAAAAAAAA`, 'MM', /damaged|signature/],
    ['not an invitation', () => 'hello', 'MM', new RegExp(CARD_PREFIX)],
  ])('are refused when %s', (_what, token, self, reason) => {
    const read = readCard(token(), self, now);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toMatch(reason);
  });

  it('match fingerprints however they were typed', () => {
    expect(sameFingerprint(cn.fingerprint.toLowerCase().replaceAll(' ', ''), cn.fingerprint)).toBe(true);
    expect(sameFingerprint(cn.fingerprint.slice(0, 20), cn.fingerprint.slice(0, 20))).toBe(false);
  });
});

describe('pull arithmetic', () => {
  it('backs off exponentially from one second with jitter, capped by the interval and 15 minutes', () => {
    expect(nextPullDelay(0, 60_000, 0.3)).toBe(60_000);
    expect(nextPullDelay(1, 60_000, 1)).toBe(1000);
    expect(nextPullDelay(1, 60_000, 0)).toBe(500);
    expect(nextPullDelay(4, 60_000, 1)).toBe(8000);
    expect(nextPullDelay(20, 60_000, 1)).toBe(60_000);
    expect(nextPullDelay(40, 3_600_000, 1)).toBe(900_000);
  });

  it('fetches only what it lacks and never moves the cursor back', () => {
    const entries = [
      { pos: 11, origin: 'CN', id: 'a', version: 1, contentHash: 'h1' },
      { pos: 12, origin: 'CN', id: 'b', version: 2, contentHash: 'h2' },
      { pos: 13, origin: 'CN', id: 'c', version: 2, contentHash: 'h3' },
      { pos: 14, origin: 'CN', id: 'd', version: 1, contentHash: 'h4' },
    ];
    const held = new Map([
      ['CN/a', { version: 1, contentHash: 'h1' }],
      ['CN/b', { version: 1, contentHash: 'x' }],
      ['CN/c', { version: 2, contentHash: 'other' }],
      ['CN/d', { version: 3, contentHash: 'y' }],
    ]);
    const { fetch, skipped } = entriesToFetch(entries, held);
    expect(fetch.map((e) => e.pos)).toEqual([12, 13]);
    expect(skipped).toBe(2);
    expect(advanceCursor(10, entries)).toBe(14);
    expect(advanceCursor(20, entries)).toBe(20);
    expect(lag(14, 20)).toBe(6);
    expect(lag(20, 14)).toBe(0);
    expect([clampLimit(undefined), clampLimit(0), clampLimit(5000)]).toEqual([500, 1, 1000]);
  });
});
