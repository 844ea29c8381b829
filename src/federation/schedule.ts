// Cursor and back-off arithmetic of the pull workers (pure).

export const PAGE_SIZE = 500;
export const MAX_PAGE_SIZE = 1000;
/** A pull wakes for at most this many pages before yielding (it is scheduled again at once when more remain). */
export const MAX_PAGES_PER_PULL = 40;
/** Pages requested ahead of the one being verified and applied (bounded memory: a page is about 0.6 MB). */
export const PAGES_AHEAD = 3;
export const FIRST_RETRY_MS = 1000;
export const MAX_RETRY_MS = 15 * 60_000;

/**
 * Delay before the next pull of a partner: the regular interval after a success, otherwise exponential back-off
 * from one second, capped, with jitter in [50 %, 100 %] so that many nodes do not retry in step.
 */
export function nextPullDelay(
  failures: number,
  intervalMs: number,
  random: number,
  maxMs = MAX_RETRY_MS,
): number {
  if (failures <= 0) return intervalMs;
  const exponent = Math.min(failures - 1, 30);
  const capped = Math.min(maxMs, intervalMs, FIRST_RETRY_MS * 2 ** exponent);
  return Math.round(capped * (0.5 + Math.min(Math.max(random, 0), 1) / 2));
}

export interface Holding {
  version: number;
  contentHash: string | null;
}

/** The entries of an index page this node lacks, by position; the rest are skipped (already held). */
export function entriesToFetch<
  E extends { pos: number; origin: string; id: string; version: number; contentHash: string },
>(entries: readonly E[], held: ReadonlyMap<string, Holding>): { fetch: E[]; skipped: number } {
  const fetch: E[] = [];
  for (const entry of entries) {
    const have = held.get(`${entry.origin}/${entry.id}`);
    if (
      have &&
      (have.version > entry.version ||
        (have.version === entry.version && have.contentHash === entry.contentHash))
    )
      continue;
    fetch.push(entry);
  }
  return { fetch, skipped: entries.length - fetch.length };
}

/** The cursor after a page: the last position listed, never going back. */
export function advanceCursor(cursor: number, entries: readonly { pos: number }[]): number {
  return entries.reduce((max, e) => Math.max(max, e.pos), cursor);
}

/** Entries still to pull. */
export function lag(cursor: number, head: number): number {
  return Math.max(0, head - cursor);
}

export function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(limit)));
}
