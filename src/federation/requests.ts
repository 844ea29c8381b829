import { randomBytes } from 'node:crypto';
import { canonicalJson, sha256Hex } from './canonical.js';
import { type Signer, verifySignature } from './crypto.js';
import { keyValidAt, type TrustedKey } from './trust.js';

// Signed, replay-protected requests between nodes. The signature covers the method, path with query, both agencies,
// the time, a fresh nonce and the hash of the body; the receiver accepts a timestamp within the window and each nonce
// once (the nonce store lives in the database, see feed routes).

export const REPLAY_WINDOW_MS = 5 * 60_000;

export const HEADERS = {
  from: 'liaison-agency',
  to: 'liaison-to',
  key: 'liaison-key',
  timestamp: 'liaison-timestamp',
  nonce: 'liaison-nonce',
  signature: 'liaison-signature',
} as const;

export interface RequestParts {
  method: string;
  /** Path and query exactly as sent, e.g. /api/v1/federation/feed?after=10&limit=500 */
  path: string;
  to: string;
  body: unknown;
}

export function bodyHash(body: unknown): string {
  return sha256Hex(canonicalJson(body ?? null));
}

function signedString(
  parts: RequestParts,
  from: string,
  key: string,
  timestamp: string,
  nonce: string,
): string {
  return canonicalJson({
    method: parts.method.toUpperCase(),
    path: parts.path,
    from,
    to: parts.to,
    key,
    timestamp,
    nonce,
    body: bodyHash(parts.body),
  });
}

export function newNonce(): string {
  return randomBytes(18).toString('base64url');
}

export function signRequest(
  signer: Signer,
  parts: RequestParts,
  now: Date,
  nonce = newNonce(),
): Record<string, string> {
  const timestamp = now.toISOString();
  return {
    [HEADERS.from]: signer.agency,
    [HEADERS.to]: parts.to,
    [HEADERS.key]: signer.fingerprint,
    [HEADERS.timestamp]: timestamp,
    [HEADERS.nonce]: nonce,
    [HEADERS.signature]: signer.sign(
      signedString(parts, signer.agency, signer.fingerprint, timestamp, nonce),
    ),
  };
}

export type RequestCheck =
  | { ok: true; from: string; nonce: string; key: string; expiresAt: Date }
  | {
      ok: false;
      code: 'unsigned' | 'wrong-recipient' | 'stale' | 'unknown-key' | 'key-retired' | 'bad-signature';
      reason: string;
    };

type HeaderBag = Record<string, string | string[] | undefined>;

const header = (headers: HeaderBag, name: string): string | undefined => {
  const value = headers[name];
  return typeof value === 'string' ? value : undefined;
};

/** The claimed sender of a request, before anything is checked (to look up its keys). */
export function claimedSender(headers: HeaderBag): string | undefined {
  return header(headers, HEADERS.from);
}

/**
 * Checks a signed request (pure, except for the clock passed in): addressed to this node, fresh, signed by a key of
 * the claimed sender valid at the request's time. The caller then records the nonce; a nonce seen before is a replay.
 */
export function checkRequest(
  headers: HeaderBag,
  parts: Omit<RequestParts, 'to'> & { self: string },
  keys: readonly TrustedKey[],
  now: Date,
  windowMs = REPLAY_WINDOW_MS,
): RequestCheck {
  const from = header(headers, HEADERS.from);
  const to = header(headers, HEADERS.to);
  const key = header(headers, HEADERS.key);
  const timestamp = header(headers, HEADERS.timestamp);
  const nonce = header(headers, HEADERS.nonce);
  const signature = header(headers, HEADERS.signature);
  if (!from || !to || !key || !timestamp || !nonce || !signature) {
    return { ok: false, code: 'unsigned', reason: 'the request is not signed by a partner node' };
  }
  if (to !== parts.self)
    return {
      ok: false,
      code: 'wrong-recipient',
      reason: `the request is addressed to ${to}, not ${parts.self}`,
    };
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(nonce))
    return { ok: false, code: 'unsigned', reason: 'the nonce is malformed' };
  const at = Date.parse(timestamp);
  if (Number.isNaN(at) || Math.abs(now.getTime() - at) > windowMs) {
    return {
      ok: false,
      code: 'stale',
      reason: `the request time ${timestamp} is outside the ${windowMs / 1000} s window`,
    };
  }
  const found = keyValidAt(keys, key, timestamp);
  if (!found.ok) return { ok: false, code: found.code, reason: found.reason };
  const signed = signedString({ ...parts, to }, from, key, timestamp, nonce);
  if (!verifySignature(found.key.publicKey, signed, signature)) {
    return { ok: false, code: 'bad-signature', reason: 'the request signature does not verify' };
  }
  return { ok: true, from, nonce, key, expiresAt: new Date(at + windowMs) };
}

/**
 * What a response signature covers: the request's nonce (so that it cannot answer another request), the time, and
 * the SHA-256 of the exact response text. The text is hashed as sent, not re-canonicalised: the receiver checks the
 * bytes it got before parsing them, and a 500-entry page is not walked twice on each side.
 */
export function responseString(requestNonce: string, timestamp: string, bodyText: string): string {
  return canonicalJson({ nonce: requestNonce, timestamp, body: sha256Hex(bodyText) });
}

export function signResponse(
  signer: Signer,
  requestNonce: string,
  bodyText: string,
  now: Date,
): Record<string, string> {
  const timestamp = now.toISOString();
  return {
    [HEADERS.from]: signer.agency,
    [HEADERS.key]: signer.fingerprint,
    [HEADERS.timestamp]: timestamp,
    [HEADERS.signature]: signer.sign(responseString(requestNonce, timestamp, bodyText)),
  };
}

/** Checks a signed response against the exact text received, before that text is trusted or parsed. */
export function checkResponse(
  headers: HeaderBag,
  requestNonce: string,
  bodyText: string,
  keys: readonly TrustedKey[],
): RequestCheck {
  const key = header(headers, HEADERS.key);
  const timestamp = header(headers, HEADERS.timestamp);
  const signature = header(headers, HEADERS.signature);
  const from = header(headers, HEADERS.from);
  if (!key || !timestamp || !signature || !from)
    return { ok: false, code: 'unsigned', reason: 'the response is not signed' };
  const found = keyValidAt(keys, key, timestamp);
  if (!found.ok) return { ok: false, code: found.code, reason: found.reason };
  if (!verifySignature(found.key.publicKey, responseString(requestNonce, timestamp, bodyText), signature)) {
    return { ok: false, code: 'bad-signature', reason: 'the response signature does not verify' };
  }
  return { ok: true, from, nonce: requestNonce, key, expiresAt: new Date(Date.parse(timestamp)) };
}
