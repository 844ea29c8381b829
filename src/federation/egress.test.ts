import { describe, expect, it } from 'vitest';
import type { HandlingCode, Tombstone } from '../platform/records.js';
import {
  type Decision,
  decide,
  type EgressRecord,
  inAudience,
  type Membership,
  membersOn,
  onwardAllowed,
  policyProblems,
  type Sent,
} from './egress.js';

// The egress filter, exhaustively: every handling code × audience kind × onward sharing × recipient relation ×
// what the recipient was sent × tombstone, for records of this node and for received records under re-share.

const SELF = 'CN';
const HANDLING: HandlingCode[] = ['H0', 'H1', 'H2', 'H3'];
const TOMBSTONES: (Tombstone | null)[] = [null, 'retracted', 'access-revoked', 'expired'];

/** How the audience names the recipient-to-be. */
type AudienceKind = 'agency' | 'mechanism' | 'task-force' | 'empty';
const AUDIENCE_KINDS: AudienceKind[] = ['agency', 'mechanism', 'task-force', 'empty'];

/** Who the recipient is relative to that audience. */
type Relation = 'in-audience' | 'outsider' | 'origin' | 'self';
const RELATIONS: Relation[] = ['in-audience', 'outsider', 'origin', 'self'];

type SentCase =
  | 'never'
  | 'older-content'
  | 'same-content'
  | 'same-revoked'
  | 'older-revoked'
  | 'older-retracted'
  | 'newer-content';
const SENT: Record<SentCase, Sent | null> = {
  never: null,
  'older-content': { version: 2, state: 'content' },
  'same-content': { version: 3, state: 'content' },
  'same-revoked': { version: 3, state: 'access-revoked' },
  'older-revoked': { version: 2, state: 'access-revoked' },
  'older-retracted': { version: 2, state: 'retracted' },
  'newer-content': { version: 4, state: 'content' },
};
const SENT_CASES = Object.keys(SENT) as SentCase[];

const MEMBERSHIP: Membership = {
  mechanisms: new Map([['GMS-MOU', new Set(['CN', 'MM', 'TH'])]]),
  taskForces: new Map([['TF-MEKONG', new Set(['CN', 'MM', 'LA'])]]),
};

function audienceFor(kind: AudienceKind) {
  return {
    agencies: kind === 'agency' ? ['MM'] : [],
    mechanisms: kind === 'mechanism' ? ['GMS-MOU'] : [],
    taskForces: kind === 'task-force' ? ['TF-MEKONG'] : [],
  };
}

/** The recipient agency for a relation: MM is in every non-empty audience above, KH in none. */
function recipientFor(relation: Relation, origin: string): string {
  return { 'in-audience': 'MM', outsider: 'KH', origin, self: SELF }[relation];
}

function record(
  origin: string,
  handling: HandlingCode,
  audience: AudienceKind,
  onwardSharing: boolean,
  tombstone: Tombstone | null,
): EgressRecord {
  return { origin, version: 3, handling, audience: audienceFor(audience), onwardSharing, tombstone };
}

const ENVELOPE: Decision = { release: 'envelope', reseal: false };
const RESEAL: Decision = { release: 'envelope', reseal: true };
const REVOKE: Decision = { release: 'revocation' };

/** What a recipient that may have the content gets, by what it was sent. */
const GRANT: Record<SentCase, Decision['release'] | 'reseal'> = {
  never: 'envelope',
  'older-content': 'envelope',
  'same-content': 'nothing',
  'same-revoked': 'reseal',
  'older-revoked': 'envelope',
  'older-retracted': 'envelope',
  'newer-content': 'nothing',
};
/** What a recipient that may not have the content gets: a revocation exactly when it holds content. */
const DENY: Record<SentCase, Decision['release']> = {
  never: 'nothing',
  'older-content': 'revocation',
  'same-content': 'revocation',
  'same-revoked': 'nothing',
  'older-revoked': 'nothing',
  'older-retracted': 'nothing',
  'newer-content': 'nothing',
};
/** A tombstone goes to whoever had an earlier version, whatever the audience says now. */
const TOMBSTONE: Record<SentCase, Decision['release']> = {
  never: 'nothing',
  'older-content': 'envelope',
  'same-content': 'nothing',
  'same-revoked': 'nothing',
  'older-revoked': 'envelope',
  'older-retracted': 'envelope',
  'newer-content': 'nothing',
};

const asRelease = (d: Decision): string => (d.release === 'envelope' && d.reseal ? 'reseal' : d.release);

describe('egress filter: records of this node', () => {
  const cases: [HandlingCode, AudienceKind, boolean, Relation, SentCase, Tombstone | null][] = [];
  for (const h of HANDLING)
    for (const a of AUDIENCE_KINDS)
      for (const onward of [false, true])
        for (const rel of RELATIONS)
          for (const s of SENT_CASES) for (const t of TOMBSTONES) cases.push([h, a, onward, rel, s, t]);

  it(`covers ${cases.length} combinations`, () => {
    expect(cases.length).toBe(4 * 4 * 2 * 4 * 7 * 4);
  });

  it.each(cases)(
    '%s, audience by %s, onward %s, recipient %s, sent %s, tombstone %s',
    (h, a, onward, rel, s, t) => {
      const rec = record(SELF, h, a, onward, t);
      const recipient = recipientFor(rel, SELF);
      const got = decide(rec, { self: SELF, recipient, membership: MEMBERSHIP, sent: SENT[s] });
      let expected: string;
      if (rel === 'origin' || rel === 'self') expected = 'nothing';
      else if (t) expected = TOMBSTONE[s];
      else if (rel === 'in-audience' && a !== 'empty') expected = GRANT[s];
      else expected = DENY[s];
      expect(asRelease(got)).toBe(expected);
    },
  );

  it("never depends on the handling code or onward sharing for the origin's own records", () => {
    for (const a of AUDIENCE_KINDS)
      for (const rel of RELATIONS)
        for (const s of SENT_CASES) {
          const results = new Set(
            HANDLING.flatMap((h) =>
              [false, true].map((o) =>
                asRelease(
                  decide(record(SELF, h, a, o, null), {
                    self: SELF,
                    recipient: recipientFor(rel, SELF),
                    membership: MEMBERSHIP,
                    sent: SENT[s],
                  }),
                ),
              ),
            ),
          );
          expect(results.size).toBe(1);
        }
  });

  it('gives the reason when nothing is released', () => {
    const d = decide(record(SELF, 'H1', 'agency', false, null), {
      self: SELF,
      recipient: 'TH',
      membership: MEMBERSHIP,
      sent: null,
    });
    expect(d).toEqual({ release: 'nothing', reason: 'TH is not in the audience' });
    expect(
      decide(record(SELF, 'H0', 'agency', false, 'retracted'), {
        self: SELF,
        recipient: 'MM',
        membership: MEMBERSHIP,
        sent: null,
      }),
    ).toEqual({
      release: 'nothing',
      reason: 'the recipient never had this record',
    });
  });
});

describe('egress filter: received records passed on (re-share)', () => {
  const ORIGIN = 'MM';
  const cases: [HandlingCode, boolean, boolean, SentCase, Tombstone | null][] = [];
  for (const h of HANDLING)
    for (const onward of [false, true])
      for (const granted of [false, true])
        for (const s of SENT_CASES) for (const t of TOMBSTONES) cases.push([h, onward, granted, s, t]);

  it.each(cases)('%s, onward %s, granted %s, sent %s, tombstone %s', (h, onward, granted, s, t) => {
    // TH is named in MM's audience here, and that must not matter: only the grant and the handling decide.
    const rec = {
      origin: ORIGIN,
      version: 3,
      handling: h,
      audience: { agencies: ['TH'], mechanisms: [], taskForces: [] },
      onwardSharing: onward,
      tombstone: t,
    };
    const got = decide(rec, {
      self: SELF,
      recipient: 'TH',
      membership: MEMBERSHIP,
      sent: SENT[s],
      reshareGranted: granted,
    });
    let expected: string;
    if (!granted) expected = 'nothing';
    else if (t) expected = TOMBSTONE[s];
    else if (onward && (h === 'H0' || h === 'H1')) expected = GRANT[s];
    else expected = DENY[s];
    expect(asRelease(got)).toBe(expected);
  });

  it("refuses an H2 record to anyone but its origin's audience, however the receiver asks", () => {
    const h2 = {
      origin: ORIGIN,
      version: 1,
      handling: 'H2' as const,
      audience: { agencies: ['CN'], mechanisms: [], taskForces: [] },
      onwardSharing: true,
      tombstone: null,
    };
    for (const recipient of ['TH', 'LA', 'KH']) {
      const d = decide(h2, {
        self: SELF,
        recipient,
        membership: MEMBERSHIP,
        sent: null,
        reshareGranted: true,
      });
      expect(d).toEqual({
        release: 'nothing',
        reason: "H2: not to be disseminated further without the provider's permission",
      });
    }
  });

  it('never sends a record back to its origin', () => {
    const rec = {
      origin: ORIGIN,
      version: 1,
      handling: 'H0' as const,
      audience: { agencies: [], mechanisms: [], taskForces: [] },
      onwardSharing: true,
      tombstone: null,
    };
    expect(
      decide(rec, { self: SELF, recipient: ORIGIN, membership: MEMBERSHIP, sent: null, reshareGranted: true })
        .release,
    ).toBe('nothing');
  });
});

describe('revocations follow exactly who lost access', () => {
  const partners = ['MM', 'TH', 'LA', 'KH'];
  const before: Membership = {
    mechanisms: new Map([['GMS-MOU', new Set(['CN', 'MM', 'TH', 'LA'])]]),
    taskForces: new Map(),
  };
  const after: Membership = {
    mechanisms: new Map([['GMS-MOU', new Set(['CN', 'MM', 'TH'])]]),
    taskForces: new Map(),
  };
  const rec: EgressRecord = {
    origin: SELF,
    version: 1,
    handling: 'H1',
    audience: { agencies: [], mechanisms: ['GMS-MOU'], taskForces: [] },
    onwardSharing: false,
    tombstone: null,
  };

  it('a member that leaves a mechanism is the only one revoked', () => {
    const sent = new Map<string, Sent | null>();
    for (const p of partners) {
      const d = decide(rec, { self: SELF, recipient: p, membership: before, sent: null });
      sent.set(p, d.release === 'envelope' ? { version: 1, state: 'content' } : null);
    }
    expect([...sent].filter(([, s]) => s).map(([p]) => p)).toEqual(['MM', 'TH', 'LA']);
    const now = partners.map((p) => [
      p,
      decide(rec, { self: SELF, recipient: p, membership: after, sent: sent.get(p) ?? null }).release,
    ]);
    expect(now).toEqual([
      ['MM', 'nothing'],
      ['TH', 'nothing'],
      ['LA', 'revocation'],
      ['KH', 'nothing'],
    ]);
  });

  it('a removed named agency is revoked with the new version; the others get the new version', () => {
    const v2: EgressRecord = {
      ...rec,
      version: 2,
      audience: { agencies: ['MM'], mechanisms: [], taskForces: [] },
    };
    const held: Sent = { version: 1, state: 'content' };
    expect(decide(v2, { self: SELF, recipient: 'MM', membership: NO, sent: held })).toEqual(ENVELOPE);
    expect(decide(v2, { self: SELF, recipient: 'TH', membership: NO, sent: held })).toEqual(REVOKE);
    expect(decide(v2, { self: SELF, recipient: 'KH', membership: NO, sent: null }).release).toBe('nothing');
  });

  it('access that comes back at the same version is the same version sealed again', () => {
    expect(
      decide(rec, {
        self: SELF,
        recipient: 'LA',
        membership: before,
        sent: { version: 1, state: 'access-revoked' },
      }),
    ).toEqual(RESEAL);
  });

  it('a lowered handling code revokes exactly the copies passed on under the old one', () => {
    const h0: EgressRecord = {
      origin: 'MM',
      version: 1,
      handling: 'H0',
      audience: { agencies: ['CN'], mechanisms: [], taskForces: [] },
      onwardSharing: true,
      tombstone: null,
    };
    const h2: EgressRecord = { ...h0, version: 2, handling: 'H2' };
    const ctx = { self: SELF, membership: NO, reshareGranted: true };
    expect(decide(h0, { ...ctx, recipient: 'TH', sent: null })).toEqual(ENVELOPE);
    expect(decide(h2, { ...ctx, recipient: 'TH', sent: { version: 1, state: 'content' } })).toEqual(REVOKE);
    expect(decide(h2, { ...ctx, recipient: 'LA', sent: null }).release).toBe('nothing');
  });
});

const NO: Membership = { mechanisms: new Map(), taskForces: new Map() };

describe("membership at the record's date", () => {
  const periods = [
    { agency: 'MM', joinedOn: '2020-01-01', leftOn: null },
    { agency: 'TH', joinedOn: '2024-06-01', leftOn: null },
    { agency: 'LA', joinedOn: '2020-01-01', leftOn: '2025-01-01' },
    { agency: 'KH', joinedOn: '2019-01-01', leftOn: '2021-01-01' },
    { agency: 'KH', joinedOn: '2023-01-01', leftOn: null },
  ];
  it.each([
    ['2019-12-31', ['KH']],
    ['2020-01-01', ['KH', 'LA', 'MM']],
    ['2020-12-31', ['KH', 'LA', 'MM']],
    ['2021-01-01', ['LA', 'MM']],
    ['2022-12-31', ['LA', 'MM']],
    ['2023-01-01', ['KH', 'LA', 'MM']],
    ['2024-05-31', ['KH', 'LA', 'MM']],
    ['2024-06-01', ['KH', 'LA', 'MM', 'TH']],
    ['2024-12-31', ['KH', 'LA', 'MM', 'TH']],
    ['2025-01-01', ['KH', 'MM', 'TH']],
  ])('on %s the members are %j (joined on the day: member; left on the day: not)', (date, expected) => {
    expect([...membersOn(periods, date)].sort()).toEqual(expected);
  });

  it.each([
    ['2024-12-31', 'LA', 'envelope'],
    ['2025-01-01', 'LA', 'nothing'],
    ['2024-05-31', 'TH', 'nothing'],
    ['2024-06-01', 'TH', 'envelope'],
  ])('a task-force record dated %s goes to %s: %s', (date, recipient, release) => {
    const rec: EgressRecord = {
      origin: SELF,
      version: 1,
      handling: 'H2',
      audience: { agencies: [], mechanisms: [], taskForces: ['TF'] },
      onwardSharing: false,
      tombstone: null,
    };
    const membership: Membership = {
      mechanisms: new Map(),
      taskForces: new Map([['TF', membersOn(periods, date)]]),
    };
    expect(decide(rec, { self: SELF, recipient, membership, sent: null }).release).toBe(release);
  });

  it('treats a mechanism or task force it has no members for as empty', () => {
    expect(inAudience({ agencies: [], mechanisms: ['ACCORD'], taskForces: ['TF-X'] }, 'MM', NO)).toBe(false);
  });
});

describe('sharing policy rules', () => {
  it.each([
    ['H0', true, true],
    ['H1', true, true],
    ['H2', true, false],
    ['H3', true, false],
    ['H0', false, false],
  ] as const)('onward sharing under %s (allowed by provider: %s): %s', (handling, onwardSharing, ok) => {
    expect(onwardAllowed({ handling, onwardSharing }).ok).toBe(ok);
  });

  it('refuses H3 without its text and onward sharing under H2 or H3', () => {
    const audience = { agencies: [], mechanisms: [], taskForces: [] };
    expect(policyProblems({ handling: 'H3', handlingText: null, onwardSharing: false, audience })).toEqual([
      'handling code H3 needs its restriction text',
    ]);
    expect(policyProblems({ handling: 'H2', handlingText: null, onwardSharing: true, audience })).toEqual([
      'onward sharing is not allowed under H2',
    ]);
    expect(
      policyProblems({ handling: 'H3', handlingText: 'no court use', onwardSharing: true, audience }),
    ).toEqual(['onward sharing is not allowed under H3']);
    expect(policyProblems({ handling: 'H1', handlingText: null, onwardSharing: true, audience })).toEqual([]);
  });
});
