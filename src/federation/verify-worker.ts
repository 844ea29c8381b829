import { parentPort } from 'node:worker_threads';
import { type ApplyItem, envelopesOf, itemsAt, verifyAll } from './apply.js';
import type { TrustedKey } from './trust.js';
import type { Verdict, VerifyJob } from './verify-pool.js';

// The verification thread: the same pure verifyAll as the event loop, with the signers' keys sent along. It answers
// verdicts only; the caller keeps its own copies of the envelopes.

/** The job's items: as sent, or read from the response the way the event loop read them. */
function itemsOf(job: VerifyJob): readonly ApplyItem[] {
  return 'items' in job ? job.items : itemsAt(job.wanted, envelopesOf(job.source));
}

parentPort?.on('message', (job: VerifyJob) => {
  const keys = new Map<string, readonly TrustedKey[]>(Object.entries(job.keys));
  const verdicts: Verdict[] = verifyAll(itemsOf(job), (agency) => keys.get(agency) ?? []).map((v) =>
    v.ok ? { ok: true } : { ok: false, code: v.code, reason: v.reason },
  );
  parentPort?.postMessage({ id: job.id, verdicts });
});
