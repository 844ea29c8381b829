// Bundle files as the pages handle them: the name the node gives a download, and what a bundle says about itself.

/** The file name from a Content-Disposition header (attachment; filename="…"), or the fallback. */
export function attachmentName(header: string | null, fallback: string): string {
  const match = header ? /filename="([^"]+)"/i.exec(header) : null;
  return match?.[1] ?? fallback;
}

export interface BundleFacts {
  encrypted: boolean;
  from: string | null;
  to: string | null;
  /** Feed positions after `after` up to `until`; `count` envelopes. Unknown (null) when the file is encrypted. */
  after: number | null;
  until: number | null;
  count: number | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** What a bundle file says about itself: who to whom, and (unless encrypted) which positions of the feed it holds. */
export function bundleFacts(value: unknown): BundleFacts | null {
  if (value === null || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (v.kind === 'liaison-bundle-encrypted')
    return { encrypted: true, from: str(v.from), to: str(v.to), after: null, until: null, count: null };
  const header = v.header as Record<string, unknown> | undefined;
  if (header?.kind !== 'liaison-bundle') return null;
  return {
    encrypted: false,
    from: str(header.from),
    to: str(header.to),
    after: num(header.after),
    until: num(header.until),
    count: num(header.count),
  };
}

/** File sizes for people: bytes, KiB, MiB, GiB (one decimal above bytes), numbers written by `format`. */
export function fileSize(bytes: number, format: (n: number) => string): string {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${format(unit === 0 ? value : Math.round(value * 10) / 10)} ${units[unit]}`;
}
