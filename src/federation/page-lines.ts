// The wire form of a feed page that comes with its envelopes: newline-delimited JSON, the signed index text on the
// first line, then one `{"pos":…,"envelope":…}` line per envelope. Why lines and bytes: a page is ~450 KB, and V8
// gives every string above 128 KB a memory mapping of its own, freshly faulted in page by page (on a virtual machine
// each fault is expensive). Kept in one buffer and read line by line, a page never becomes one string on either side,
// and the verification thread gets a copy of the bytes instead of a serialised string. The lines split unambiguously:
// the index and the stored envelopes are JSON.stringify's output, which escapes every newline inside a string and
// puts none between tokens.

import { parsedOrNull } from '../platform/json/parse.js';

export const PAGE_LINES_TYPE = 'application/x-ndjson';

const NEWLINE = 0x0a;

/** An envelope line as parsed: any JSON value, of which only a `{pos, envelope}` object is used. */
type Line = { pos?: unknown; envelope?: unknown };

/** The page's bytes: the index text, then each envelope (stored JSON text, served as it is) on a line of its own. */
export function pageLines(
  indexText: string,
  envelopes: readonly { pos: number; envelope: string }[],
): Buffer {
  const lines = [indexText, ...envelopes.map((e) => `{"pos":${e.pos},"envelope":${e.envelope}}`)];
  const size = lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (const line of lines) {
    at += out.write(line, at);
    out[at++] = NEWLINE;
  }
  return out;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The index text of a page's bytes and the offset of its first envelope line. */
export function indexLine(bytes: Uint8Array): { text: string; envelopesFrom: number } {
  const end = bytes.indexOf(NEWLINE);
  if (end < 0) return { text: asBuffer(bytes).toString('utf8'), envelopesFrom: bytes.byteLength };
  return { text: asBuffer(bytes).toString('utf8', 0, end), envelopesFrom: end + 1 };
}

/**
 * The envelopes of a page's lines from `from` on, by feed position; the last one wins when a position repeats. A
 * line that is not a `{"pos":…,"envelope":…}` object is passed over, so its position has no envelope and is
 * quarantined as such. Shared by the event loop and the verification thread, which must read the same envelopes.
 */
export function envelopeLines(bytes: Uint8Array, from: number): Map<number, unknown> {
  const text = asBuffer(bytes);
  const byPos = new Map<number, unknown>();
  let start = from;
  while (start < text.byteLength) {
    const newline = text.indexOf(NEWLINE, start);
    const end = newline < 0 ? text.byteLength : newline;
    const line = parsedOrNull(text.toString('utf8', start, end)) as Line | null;
    if (line && Number.isSafeInteger(line.pos)) byPos.set(line.pos as number, line.envelope);
    start = end + 1;
  }
  return byPos;
}
