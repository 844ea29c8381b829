import type { Signer } from './crypto.js';
import { newNonce, signRequest } from './requests.js';

// Signed HTTP requests to a partner node. Bounded in time; the response is returned with the request's nonce so
// that its signature can be checked against it.

export const REQUEST_TIMEOUT_MS = 15_000;

export class PartnerUnreachable extends Error {
  constructor(
    readonly agency: string,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'PartnerUnreachable';
  }
}

export interface PartnerResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  /** The body exactly as received (a signed response is checked against it). */
  text: string;
  nonce: string;
}

interface Sent {
  response: Response;
  nonce: string;
}

async function send(
  signer: Signer | null,
  partner: { agency: string; endpoint: string | null },
  method: 'GET' | 'POST',
  pathWithQuery: string,
  body: unknown,
  timeoutMs: number,
): Promise<Sent> {
  if (!partner.endpoint)
    throw new PartnerUnreachable(partner.agency, `${partner.agency} has no endpoint (bundles only)`);
  const url = new URL(
    pathWithQuery,
    partner.endpoint.endsWith('/') ? partner.endpoint : `${partner.endpoint}/`,
  );
  const nonce = newNonce();
  const headers: Record<string, string> = signer
    ? signRequest(
        signer,
        { method, path: `${url.pathname}${url.search}`, to: partner.agency, body: body ?? null },
        new Date(),
        nonce,
      )
    : {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  try {
    const response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { response, nonce };
  } catch (error) {
    const reason =
      error instanceof Error
        ? error.cause instanceof Error
          ? error.cause.message
          : error.message
        : String(error);
    throw new PartnerUnreachable(
      partner.agency,
      `${partner.agency} at ${partner.endpoint} did not answer: ${reason}`,
    );
  }
}

function headersOf(response: Response): Record<string, string> {
  const out: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

function parsed(agency: string, status: number, text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    throw new PartnerUnreachable(agency, `${agency} answered ${status} with a body that is not JSON`, status);
  }
}

export async function partnerRequest(
  signer: Signer | null,
  partner: { agency: string; endpoint: string | null },
  method: 'GET' | 'POST',
  pathWithQuery: string,
  body?: unknown,
  timeoutMs = REQUEST_TIMEOUT_MS,
): Promise<PartnerResponse> {
  const { response, nonce } = await send(signer, partner, method, pathWithQuery, body, timeoutMs);
  const text = await response.text();
  const out = { status: response.status, headers: headersOf(response), nonce };
  return { ...out, body: parsed(partner.agency, response.status, text), text };
}

/**
 * A GET whose successful answer is kept as bytes (a feed page's lines; see page-lines.ts); any other answer is read
 * as JSON, like partnerRequest's, for its problem detail.
 */
export async function partnerRequestBytes(
  signer: Signer,
  partner: { agency: string; endpoint: string | null },
  pathWithQuery: string,
): Promise<PartnerResponse & { bytes: Buffer | null }> {
  const { response, nonce } = await send(
    signer,
    partner,
    'GET',
    pathWithQuery,
    undefined,
    REQUEST_TIMEOUT_MS,
  );
  const out = { status: response.status, headers: headersOf(response), nonce };
  if (response.status !== 200) {
    const text = await response.text();
    return { ...out, body: parsed(partner.agency, response.status, text), text, bytes: null };
  }
  return { ...out, body: null, text: '', bytes: Buffer.from(await response.arrayBuffer()) };
}

export function problemDetail(body: unknown): string {
  if (typeof body === 'object' && body !== null && 'detail' in body)
    return String((body as { detail: unknown }).detail);
  if (typeof body === 'object' && body !== null && 'title' in body)
    return String((body as { title: unknown }).title);
  return 'no detail';
}
