// Bundle files as the pages handle them: the name the node gives a download, and what an exported file holds.

/** The file name from a Content-Disposition header (attachment; filename="…"), or the fallback. */
export function attachmentName(header: string | null, fallback: string): string {
  const match = header ? /filename="([^"]+)"/i.exec(header) : null;
  return match?.[1] ?? fallback;
}

export interface BundleFacts {
  encrypted: boolean;
  to: string;
  /** Feed positions after `after` up to `until`; `count` envelopes. */
  after: number | null;
  until: number | null;
  count: number | null;
}

/**
 * What an exported file holds, as the node's response headers say (null without them): the file itself is never
 * parsed to find out, since it may be hundreds of megabytes, or encrypted.
 */
export function exportedFacts(headers: Headers, to: string): BundleFacts | null {
  const encrypted = headers.get('liaison-bundle-encrypted');
  if (encrypted === null) return null;
  const number = (name: string): number | null => {
    const value = headers.get(name);
    return value !== null && /^\d+$/.test(value) ? Number(value) : null;
  };
  return {
    encrypted: encrypted === 'true',
    to,
    after: number('liaison-bundle-after'),
    until: number('liaison-bundle-until'),
    count: number('liaison-bundle-count'),
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
