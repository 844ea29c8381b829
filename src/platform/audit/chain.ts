import { createHash } from 'node:crypto';
import { canonicalJson } from '../json/canonical.js';

/** One audit entry as stored. `at` is an ISO timestamp with millisecond precision so it survives a round trip. */
export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const body = canonicalJson({
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    target: entry.target,
    detail: entry.detail,
  });
  return createHash('sha256').update(`${entry.prevHash}\n${body}`).digest('hex');
}

export interface ChainProblem {
  seq: number;
  problem: string;
}

export interface ChainCheck {
  ok: boolean;
  entries: number;
  problems: ChainProblem[];
}

/** Checks a hash chain entry by entry in sequence order (pure), so a log of any length verifies in constant memory. */
export class ChainVerifier {
  private prevHash = GENESIS_HASH;
  private expectedSeq = 1;
  private last: AuditEntry | undefined;
  private count = 0;
  readonly problems: ChainProblem[] = [];

  push(entry: AuditEntry): void {
    if (entry.seq !== this.expectedSeq) {
      this.problems.push({
        seq: entry.seq,
        problem: `expected entry ${this.expectedSeq} here; entries ${this.expectedSeq}..${entry.seq - 1} are missing`,
      });
    }
    if (entry.prevHash !== this.prevHash) {
      this.problems.push({
        seq: entry.seq,
        problem: 'does not link to the entry before it (an entry was removed or changed)',
      });
    }
    if (entryHash(entry) !== entry.hash) {
      this.problems.push({
        seq: entry.seq,
        problem: 'its content does not match its hash (the entry was edited)',
      });
    }
    this.prevHash = entry.hash;
    this.expectedSeq = entry.seq + 1;
    this.last = entry;
    this.count += 1;
  }

  /** `head` is the recorded newest entry, which makes removal of entries from the end visible. */
  finish(head: { seq: number; hash: string } | null): ChainCheck {
    const last = this.last;
    if (head === null && last)
      this.problems.push({ seq: last.seq, problem: 'the recorded head of the log is missing' });
    if (head !== null && (!last || last.seq !== head.seq || last.hash !== head.hash)) {
      this.problems.push({
        seq: head.seq,
        problem: `the log ends at entry ${last?.seq ?? 0} but its recorded head is entry ${head.seq} (entries were removed from the end or the head was changed)`,
      });
    }
    return { ok: this.problems.length === 0, entries: this.count, problems: this.problems };
  }
}

export function verifyChain(
  entries: readonly AuditEntry[],
  head: { seq: number; hash: string } | null,
): ChainCheck {
  const verifier = new ChainVerifier();
  for (const entry of entries) verifier.push(entry);
  return verifier.finish(head);
}
