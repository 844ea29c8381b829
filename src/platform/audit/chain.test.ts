import { describe, expect, it } from 'vitest';
import { type AuditEntry, entryHash, GENESIS_HASH, verifyChain } from './chain.js';

/** A valid chain of `n` entries, built the way appendAudit builds it. */
function chain(n: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const entry = {
      seq,
      at: new Date(Date.UTC(2025, 0, 1, 0, 0, seq)).toISOString(),
      actor: seq % 2 ? 'user:admin' : 'system',
      action: 'user.created',
      target: `user:u${seq}`,
      detail: { role: 'viewer', n: seq },
      prevHash,
    };
    const hash = entryHash(entry);
    entries.push({ ...entry, hash });
    prevHash = hash;
  }
  return entries;
}

const headOf = (entries: AuditEntry[]) => {
  const last = entries.at(-1);
  return last ? { seq: last.seq, hash: last.hash } : null;
};

const problemSeqs = (entries: AuditEntry[], head = headOf(entries)) =>
  verifyChain(entries, head).problems.map((p) => p.seq);

describe('verifyChain (pure)', () => {
  it('accepts an intact chain and counts its entries', () => {
    const entries = chain(5);
    expect(verifyChain(entries, headOf(entries))).toEqual({ ok: true, entries: 5, problems: [] });
  });

  it('accepts an empty log without a head', () => {
    expect(verifyChain([], null)).toEqual({ ok: true, entries: 0, problems: [] });
  });

  it('hashes detail independently of key order, as the database may reorder JSON keys', () => {
    const [entry] = chain(1) as [AuditEntry];
    expect(entryHash({ ...entry, detail: { n: 1, role: 'viewer' } })).toBe(entry.hash);
  });

  it.each([
    ['actor', { actor: 'user:mallory' }],
    ['action', { action: 'user.deleted' }],
    ['target', { target: null }],
    ['time', { at: '2024-12-31T23:59:59.000Z' }],
    ['detail', { detail: { role: 'admin', n: 3 } }],
  ])('finds an edited %s and names the entry', (_field, change) => {
    const entries = chain(5);
    entries[2] = { ...(entries[2] as AuditEntry), ...change };
    const check = verifyChain(entries, headOf(entries));
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([{ seq: 3, problem: expect.stringMatching(/was edited/) }]);
  });

  it('finds an entry that was edited and re-hashed, because the next entry no longer links to it', () => {
    const entries = chain(5);
    const edited = { ...(entries[2] as AuditEntry), actor: 'user:mallory' };
    entries[2] = { ...edited, hash: entryHash(edited) };
    expect(problemSeqs(entries)).toEqual([4]);
  });

  it('finds a removed entry in the middle', () => {
    const entries = chain(5);
    entries.splice(2, 1);
    const check = verifyChain(entries, headOf(entries));
    expect(check.ok).toBe(false);
    expect(check.problems.map((p) => p.seq)).toEqual([4, 4]);
    expect(check.problems[0]?.problem).toMatch(/entries 3..3 are missing/);
  });

  it('finds a removed first entry', () => {
    const entries = chain(3).slice(1);
    expect(verifyChain(entries, headOf(entries)).ok).toBe(false);
  });

  it('finds removed entries at the end through the recorded head', () => {
    const entries = chain(5);
    const head = headOf(entries);
    const check = verifyChain(entries.slice(0, 4), head);
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([
      { seq: 5, problem: expect.stringMatching(/ends at entry 4 but its recorded head is entry 5/) },
    ]);
  });

  it('finds a log emptied while its head remains', () => {
    const entries = chain(3);
    expect(verifyChain([], headOf(entries)).ok).toBe(false);
  });

  it('finds a missing head', () => {
    const entries = chain(3);
    const check = verifyChain(entries, null);
    expect(check.ok).toBe(false);
    expect(check.problems[0]?.problem).toMatch(/head of the log is missing/);
  });

  it('finds a head that names the right entry but the wrong hash', () => {
    const entries = chain(3);
    expect(verifyChain(entries, { seq: 3, hash: GENESIS_HASH }).ok).toBe(false);
  });

  it('finds reordered entries', () => {
    const entries = chain(5);
    const [a, b] = [entries[1] as AuditEntry, entries[2] as AuditEntry];
    entries[1] = b;
    entries[2] = a;
    expect(verifyChain(entries, headOf(entries)).ok).toBe(false);
  });

  it('finds entries whose sequence numbers were swapped to hide a reordering', () => {
    const entries = chain(5);
    const [a, b] = [entries[1] as AuditEntry, entries[2] as AuditEntry];
    entries[1] = { ...b, seq: 2 };
    entries[2] = { ...a, seq: 3 };
    const seqs = problemSeqs(entries);
    expect(seqs).toEqual(expect.arrayContaining([2, 3]));
  });

  it('finds an entry inserted in the middle', () => {
    const entries = chain(5);
    const forged = { ...(entries[1] as AuditEntry), seq: 3, action: 'user.forged' };
    entries.splice(2, 0, { ...forged, hash: entryHash(forged) });
    expect(verifyChain(entries, headOf(entries)).ok).toBe(false);
  });
});
