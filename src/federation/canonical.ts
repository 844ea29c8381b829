import { createHash } from 'node:crypto';
import { canonicalJson } from '../platform/json/canonical.js';

export { canonicalJson };

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The content hash of a JSON value: `sha256:` + hex SHA-256 of its canonical form. */
export function contentHash(value: unknown): string {
  return `sha256:${sha256Hex(canonicalJson(value))}`;
}
