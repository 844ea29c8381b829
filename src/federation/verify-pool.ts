import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type ApplyItem, type EnvelopeSource, verifyAll } from './apply.js';
import type { Verification, VerifyFailure } from './envelope.js';
import type { Envelope } from './model.js';
import type { TrustedKey } from './trust.js';

// Verifying a page of envelopes (canonical JSON, SHA-256 and Ed25519 for each) on a pool of threads, so that a pull
// verifies the next pages while the event loop applies this one and serves requests; with more cores, the pages a
// pull fetches ahead are verified side by side. Small batches (a notice's few records) are verified in place: the
// hand-off would cost more than it saves. A thread that fails is replaced and its batches are verified in place, so
// verification never depends on it.

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

/** Batches verified on a thread, and those verified in place because the thread failed. */
export const verifyThreadStats = { batches: 0, fallbacks: 0 };

/** The default size of the pool: one fewer than the machine's cores (the event loop keeps one), 1 to 4. */
export const defaultVerifyThreads = (cores = availableParallelism()): number =>
  Math.min(4, Math.max(1, cores - 1));

interface VerifyThread {
  worker: Worker;
  waiting: Map<number, { resolve: (v: Verdict[]) => void; reject: (e: Error) => void }>;
}

let size = defaultVerifyThreads();
let threads: VerifyThread[] = [];
let nextId = 1;

function failAll(from: VerifyThread, error: Error): void {
  if (!threads.includes(from)) return;
  threads = threads.filter((t) => t !== from);
  for (const w of from.waiting.values()) w.reject(error);
  from.waiting.clear();
}

/** Ends an idle thread beyond the pool's size. */
function retire(thread: VerifyThread): void {
  threads = threads.filter((t) => t !== thread);
  void thread.worker.terminate();
}

function startThread(): VerifyThread {
  // Compiled: the .js beside this file. From source (tests, tsx) the thread registers tsx's loader itself, since a
  // worker does not inherit the loader hooks of the thread that starts it.
  const worker = import.meta.url.endsWith('.ts')
    ? new Worker(
        `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./verify-worker.ts', import.meta.url).href)}); })`,
        { eval: true },
      )
    : new Worker(new URL('./verify-worker.js', import.meta.url));
  worker.unref();
  const thread: VerifyThread = { worker, waiting: new Map() };
  worker.on('message', (m: { id: number; verdicts: Verdict[] }) => {
    thread.waiting.get(m.id)?.resolve(m.verdicts);
    thread.waiting.delete(m.id);
    if (!thread.waiting.size && threads.indexOf(thread) >= size) retire(thread);
  });
  worker.on('error', (e) => failAll(thread, e));
  worker.on('exit', (code) => failAll(thread, new Error(`the verification thread exited (${code})`)));
  threads.push(thread);
  return thread;
}

/**
 * The thread for the next batch: an idle one, else a new one while the pool is below its size, else the one with
 * the fewest batches waiting. Threads start only when every running one is busy, so a node that only ever gets a
 * few records at a time runs one.
 */
function thread(): VerifyThread {
  const idle = threads.find((t) => t.waiting.size === 0);
  if (idle) return idle;
  if (threads.length < size) return startThread();
  return threads.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
}

function inThread(
  items: readonly ApplyItem[],
  keys: Map<string, readonly TrustedKey[]>,
  source: EnvelopeSource | null,
) {
  return new Promise<Verdict[]>((resolve, reject) => {
    const id = nextId++;
    const batch = { id, keys: Object.fromEntries(keys) };
    const job: VerifyJob =
      source === null
        ? { ...batch, items }
        : { ...batch, source, wanted: items.map((i) => ({ pos: i.pos, expectedHash: i.expectedHash })) };
    const target = thread();
    target.waiting.set(id, { resolve, reject });
    target.worker.postMessage(job);
  });
}

/**
 * verifyAll, on a verification thread for a page, in place for a few items or when the thread fails. `source` is
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

/**
 * Sets how many threads verify (LIAISON_VERIFY_THREADS; undefined: the default) and starts the first ahead of the first
 * page (loading a thread takes a moment, longer from source). Threads beyond a smaller size end when idle.
 */
export function startVerifyThreads(count?: number): void {
  size = count ?? defaultVerifyThreads();
  for (const extra of threads.slice(size)) if (!extra.waiting.size) retire(extra);
  if (!threads.length) startThread();
}

/** The threads running now (for tests and the benchmark). */
export const verifyThreadCount = (): number => threads.length;

/** Ends the verification threads (tests, shutdown); the next page starts new ones. */
export async function stopVerifyThreads(): Promise<void> {
  const current = threads;
  for (const t of current) failAll(t, new Error('the verification thread was stopped'));
  await Promise.all(current.map((t) => t.worker.terminate()));
}
