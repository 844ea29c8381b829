import canonicalize from 'canonicalize';
import { configure } from 'safe-stable-stringify';

// RFC 8785 canonical JSON. For JSON values, safe-stable-stringify with sorted keys writes exactly what the reference
// implementation (`canonicalize`) writes — keys in UTF-16 code-unit order, strings and numbers as ECMAScript's
// JSON.stringify does — in about a third of the time; every received envelope is canonicalised to verify it.
// Strict mode refuses NaN, Infinity and functions. A lone surrogate is the one JSON value the two treat differently
// (escaped here, refused by RFC 8785), so output that may hold one is left to the reference implementation.

const stringify = configure({ deterministic: true, strict: true, bigint: false, circularValue: Error });

/** RFC 8785 canonical JSON of a value. Throws on values JSON cannot carry. */
export function canonicalJson(value: unknown): string {
  const text = stringify(value);
  if (text === undefined) throw new TypeError('value has no JSON form');
  // An escaped surrogate (`\udXXX`) appears only for a lone one; `\\ud…` (an escaped backslash) is rare enough to
  // take the slow path too.
  if (text.includes('\\ud')) return canonicalize(value) as string;
  return text;
}
