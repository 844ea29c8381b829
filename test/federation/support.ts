import { createServer, type Server } from 'node:http';
import { expect } from 'vitest';
import { api, type Node, ok } from './harness.js';

// What the multi-node tests share: the expected holdings of every node, reading the actual ones, syncing, notes.

export const audience = (...agencies: string[]) => ({
  agencies,
  mechanisms: [] as string[],
  taskForces: [] as string[],
});

interface ReceivedRow {
  origin: string;
  id: string;
  version: number;
  tombstone: string | null;
  placeholder: boolean;
  receivedFrom: string | null;
  contentHash: string | null;
  type: string | null;
}

/** Names of records for readable assertions: id → label. */
export const labels = new Map<string, string>();

const render = (r: ReceivedRow) =>
  `${r.origin}/${labels.get(r.id) ?? r.id}@${r.version}${r.placeholder ? ':placeholder' : r.tombstone ? `:${r.tombstone}` : ''}`;

export async function received(node: Node): Promise<ReceivedRow[]> {
  const rows: ReceivedRow[] = [];
  let after: string | undefined;
  for (let page = 0; page < 100; page++) {
    const batch = await ok<ReceivedRow[]>(
      node,
      'GET',
      `/api/v1/federation/received?limit=5000${after ? `&after=${after}` : ''}`,
      node.admin,
    );
    rows.push(...batch);
    if (batch.length < 5000) break;
    const last = batch.at(-1) as ReceivedRow;
    after = `${last.origin}/${last.id}`;
  }
  return rows;
}

/** Every record a node holds, as origin/label@version[:tombstone|:placeholder], sorted. */
export async function holdings(node: Node): Promise<string[]> {
  return (await received(node)).map(render).sort();
}

/** The model of what every node must hold, updated by the tests as they go. */
export class Expected {
  readonly byNode = new Map<string, Map<string, string>>();

  constructor(agencies: string[]) {
    for (const a of agencies) this.byNode.set(a, new Map());
  }

  /** Sets what `agency` holds of one record (label "CN/n1"), e.g. "@2" or "@2:retracted"; null: holds nothing. */
  set(agency: string, record: string, state: string | null): void {
    const map = this.byNode.get(agency) as Map<string, string>;
    if (state === null) map.delete(record);
    else map.set(record, `${record}${state}`);
  }

  of(agency: string): string[] {
    return [...(this.byNode.get(agency) as Map<string, string>).values()].sort();
  }

  async check(nodes: Node[]): Promise<void> {
    const actual = Object.fromEntries(
      await Promise.all(nodes.map(async (n) => [n.agency, await holdings(n)] as const)),
    );
    const expected = Object.fromEntries(nodes.map((n) => [n.agency, this.of(n.agency)]));
    expect(actual).toEqual(expected);
  }
}

/** Brings every node up to date: dispatch everywhere, then every node pulls every partner (twice, for relays). */
export async function syncAll(nodes: Node[], rounds = 2): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    await Promise.all(nodes.map((n) => ok(n, 'POST', '/api/v1/federation/dispatch', n.admin)));
    await Promise.all(
      nodes.map(async (n) => {
        for (const p of nodes)
          if (p !== n) await ok(n, 'POST', `/api/v1/federation/partners/${p.agency}/pull`, n.admin);
      }),
    );
  }
}

export interface NoteOptions {
  to?: string[];
  mechanisms?: string[];
  handling?: 'H0' | 'H1' | 'H2' | 'H3';
  onwardSharing?: boolean;
  recordDate?: string;
  refersTo?: { origin: string; id: string };
}

/** Writes an intel.note at a node (as its liaison officer); returns its id, remembered under `label`. */
export async function note(node: Node, label: string, options: NoteOptions = {}): Promise<string> {
  const policy = {
    audience: { agencies: options.to ?? [], mechanisms: options.mechanisms ?? [], taskForces: [] },
    handling: options.handling ?? 'H2',
    onwardSharing: options.onwardSharing ?? false,
  };
  const body = {
    subject: label,
    body: `text of ${label}`,
    policy,
    recordDate: options.recordDate,
    refersTo: options.refersTo,
  };
  const created = await ok<{ id: string }>(node, 'POST', '/api/v1/federation/notes', node.officer, body, 201);
  labels.set(created.id, label);
  return created.id;
}

export async function correct(node: Node, id: string, change: Record<string, unknown>): Promise<void> {
  await ok(node, 'PUT', `/api/v1/federation/notes/${id}`, node.officer, change);
}

export async function retract(node: Node, id: string): Promise<void> {
  await ok(node, 'POST', `/api/v1/federation/notes/${id}/retract`, node.officer);
}

export async function payloadAt(
  node: Node,
  origin: string,
  id: string,
): Promise<{ record: { tombstone: string | null; version: number }; payload: unknown }> {
  return ok(node, 'GET', `/api/v1/federation/received/${origin}/${id}`, node.officer);
}

/**
 * A man in the middle on loopback: forwards to `target`, and lets a test rewrite the JSON of envelope responses
 * (to tamper with envelopes in transit). Every request is logged as "METHOD url body".
 */
export function tamperingProxy(
  target: () => string,
  rewrite: (envelopes: { pos: number; envelope: Record<string, unknown> }[]) => void,
): Promise<{ url: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    requests.push(`${req.method} ${req.url} ${Buffer.concat(chunks).toString('utf8')}`.trim());
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (typeof v === 'string' && k !== 'host' && k !== 'content-length') headers[k] = v;
    const upstream = await fetch(`${target()}${req.url}`, {
      method: req.method,
      headers,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
      signal: AbortSignal.timeout(30_000),
    });
    let text = await upstream.text();
    // Envelopes travel in an envelopes response or on the lines after their index page (page-lines.ts); either way
    // outside the page signature.
    type Carried = { pos: number; envelope: Record<string, unknown> };
    if (upstream.status === 200 && req.url?.startsWith('/api/v1/federation/feed/envelopes')) {
      const body = JSON.parse(text) as { envelopes: Carried[] };
      rewrite(body.envelopes);
      text = JSON.stringify(body);
    }
    if (upstream.status === 200 && req.url?.startsWith('/api/v1/federation/feed/with-envelopes')) {
      const [index, ...lines] = text.split('\n').filter(Boolean);
      const envelopes = lines.map((line) => JSON.parse(line) as Carried);
      rewrite(envelopes);
      text = [index, ...envelopes.map((e) => JSON.stringify(e))].map((line) => `${line}\n`).join('');
    }
    const out: Record<string, string> = {};
    upstream.headers.forEach((v, k) => {
      if (k !== 'content-length' && k !== 'transfer-encoding' && k !== 'connection') out[k] = v;
    });
    res.writeHead(upstream.status, out);
    res.end(text);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as { port: number };
      resolve({
        url: `http://127.0.0.1:${address.port}`,
        requests,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

export { api };
