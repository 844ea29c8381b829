import { Worker } from 'node:worker_threads';
import { type ApplyItem, type EnvelopeSource, verifyAll } from './apply.js';
import type { Verification, VerifyFailure } from './envelope.js';
import type { Envelope } from './model.js';
import type { TrustedKey } from './trust.js';

// Verifying a page of envelopes (canonical JSON, SHA-256 and Ed25519 for each) on a thread of its own, so that a
// pull verifies the next page while the event loop applies this one and serves requests. Small batches (a notice's
// few records) are verified in place: the hand-off would cost more than it saves. A thread that fails is replaced
// and the batch is verified in place, so verification never depends on it.

export const IN_PLACE_BELOW = 64;

/**
 * A batch to verify: its items, or, when their envelopes came in a response, the items' positions and expected
 * hashes with that response. The thread then reads the envelopes itself: the text or bytes are copied to it in one
 * piece, where 500 envelopes as objects would be serialised on the event loop and rebuilt on the thread.
 */
export type VerifyJob = {
  id: number;
  keys: Record<string, readonly TrustedKey[]>;
} & (
  | { items: readonly ApplyItem[] }
  | { source: EnvelopeSource; wanted: readonly { pos: number | null; expectedHash?: string }[] }
);

export type Verdict = { ok: true } | { ok: false; code: VerifyFailure; reason: string };

/** Batches verified on the thread, and those verified in place because the thread failed. */
export const verifyThreadStats = { batches: 0, fallbacks: 0 };

let worker: Worker | undefined;
let nextId = 1;
const waiting = new Map<number, { resolve: (v: Verdict[]) => void; reject: (e: Error) => void }>();

function failAll(from: Worker, error: Error): void {
  if (worker !== from) return;
  worker = undefined;
  for (const w of waiting.values()) w.reject(error);
  waiting.clear();
}

function thread(): Worker {
  if (worker) return worker;
  // Compiled: the .js beside this file. From source (tests, tsx) the thread registers tsx's loader itself, since a
  // worker does not inherit the loader hooks of the thread that starts it.
  const created = import.meta.url.endsWith('.ts')
    ? new Worker(
        `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./verify-worker.ts', import.meta.url).href)}); })`,
        { eval: true },
      )
    : new Worker(new URL('./verify-worker.js', import.meta.url));
  created.unref();
  created.on('message', (m: { id: number; verdicts: Verdict[] }) => {
    waiting.get(m.id)?.resolve(m.verdicts);
    waiting.delete(m.id);
  });
  created.on('error', (e) => failAll(created, e));
  created.on('exit', (code) => failAll(created, new Error(`the verification thread exited (${code})`)));
  worker = created;
  return created;
}

function inThread(
  items: readonly ApplyItem[],
  keys: Map<string, readonly TrustedKey[]>,
  source: EnvelopeSource | null,
) {
  return new Promise<Verdict[]>((resolve, reject) => {
    const id = nextId++;
    waiting.set(id, { resolve, reject });
    const batch = { id, keys: Object.fromEntries(keys) };
    const job: VerifyJob =
      source === null
        ? { ...batch, items }
        : { ...batch, source, wanted: items.map((i) => ({ pos: i.pos, expectedHash: i.expectedHash })) };
    thread().postMessage(job);
  });
}

/**
 * verifyAll, on the verification thread for a page, in place for a few items or when the thread fails. `source` is
 * the response the items' envelopes were read from (by envelopesOf), when there is one.
 */
export async function verifyOffThread(
  items: readonly ApplyItem[],
  keys: Map<string, readonly TrustedKey[]>,
  source: EnvelopeSource | null = null,
): Promise<Verification[]> {
  const inPlace = () => verifyAll(items, (a) => keys.get(a) ?? []);
  if (items.length < IN_PLACE_BELOW) return inPlace();
  let verdicts: Verdict[];
  try {
    verdicts = await inThread(items, keys, source);
  } catch {
    verifyThreadStats.fallbacks++;
    return inPlace();
  }
  if (verdicts.length !== items.length) {
    verifyThreadStats.fallbacks++;
    return inPlace();
  }
  verifyThreadStats.batches++;
  return verdicts.map((v, i) =>
    v.ok
      ? { ok: true, envelope: items[i]?.envelope as Envelope }
      : { ok: false, code: v.code, reason: v.reason },
  );
}

/** Starts the verification thread ahead of the first page (loading it takes a moment, longer from source). */
export function warmVerifyThread(): void {
  thread();
}

/** Ends the verification thread (tests, shutdown); the next page starts a new one. */
export async function stopVerifyThread(): Promise<void> {
  const current = worker;
  if (!current) return;
  failAll(current, new Error('the verification thread was stopped'));
  await current.terminate();
}
