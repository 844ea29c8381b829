import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../test/support/http.js';
import { startTestNode, type TestNode } from '../../test/support/node.js';
import { loadConfig } from '../platform/config.js';
import { SEEDS } from './demo/sources.js';
import { demoCounts, loadDemoRegistry } from './demo.js';
import { KINDS } from './kinds/index.js';
import { membersAt } from './membership.js';
import { exportRegistry } from './transfer.js';
import { registryCounts } from './views.js';

// The seed articles live beside the design documents (../shared/seeds from the repository), not in it.
const SEED_DIR = path.resolve(import.meta.dirname, '../../../shared/seeds');
const R = '/api/v1/registry';

describe('demo data', () => {
  let node: TestNode;
  let reader: string;

  beforeAll(async () => {
    node = await startTestNode({ LIAISON_DEMO_DATA: 'true', LIAISON_AGENCY_CODE: 'MM-CCDAC' });
    reader = await node.userWithRole('viewer');
  });
  afterAll(async () => {
    await node?.close();
  });

  it('is loaded on an empty node, every record flagged demo', async () => {
    const counts = await registryCounts(node.ctx.db);
    for (const [kind, n] of Object.entries(demoCounts()))
      expect(counts[kind], kind).toEqual({ total: n, demo: n });
    const summary = (await call(node.app, 'GET', `${R}/summary?on=2024-01-01`, reader)).json();
    expect(summary.demoData).toBe(true);
  });

  it('is loaded once: a node whose registry has records is left alone', async () => {
    expect(await loadDemoRegistry(node.ctx.db, 'MM-CCDAC')).toBe(false);
    expect((await registryCounts(node.ctx.db)).agencies?.total).toBe(demoCounts().agencies);
  });

  it("is the node's own: origin is this agency, and its agency runs a node", async () => {
    const { rows } = await node.ctx.db.query<{ origin: string }>('select distinct origin from meetings');
    expect(rows).toEqual([{ origin: 'MM-CCDAC' }]);
    const running = (await call(node.app, 'GET', `${R}/agencies?runsNode=true`, reader)).json();
    expect(running.items.map((a: { code: string }) => a.code)).toEqual(['MM-CCDAC']);
    const changes = await node.ctx.db.query<{ n: number }>(
      "select count(*)::int as n from record_changes where record_type like 'registry.%'",
    );
    const total = Object.values(demoCounts()).reduce((a, b) => a + b, 0);
    expect(changes.rows[0]?.n).toBe(total);
  });

  it('holds the Greater Mekong MOU membership and its 1995 enlargement', async () => {
    expect(await membersAt(node.ctx.db, 'GMS-MOU', '1993-09-30')).toEqual([]);
    expect(await membersAt(node.ctx.db, 'GMS-MOU', '1994-06-01')).toEqual([
      'CN-NNCC',
      'LA-LCDC',
      'MM-CCDAC',
      'TH-ONCB',
      'UNODC',
    ]);
    expect(await membersAt(node.ctx.db, 'GMS-MOU', '1995-05-01')).toEqual([
      'CN-NNCC',
      'KH-GOV',
      'LA-LCDC',
      'MM-CCDAC',
      'TH-ONCB',
      'UNODC',
      'VN-GOV',
    ]);
    expect(await membersAt(node.ctx.db, 'CLMT', '2001-08-01')).toEqual([
      'CN-NNCC',
      'LA-LCDC',
      'MM-CCDAC',
      'TH-ONCB',
    ]);
    expect(await membersAt(node.ctx.db, 'CLMTI', '2003-07-01')).toEqual([
      'CN-NNCC',
      'IN-GOV',
      'LA-LCDC',
      'MM-CCDAC',
      'TH-ONCB',
    ]);
    expect(await membersAt(node.ctx.db, 'ACCORD', '2000-10-01')).toEqual(['ASEAN', 'CN-NNCC']);
  });

  it("gives the seeds' figures: 175 officers, 620,000 mu, SCO working groups, cadences", async () => {
    const training = (await call(node.app, 'GET', `${R}/training/totals`, reader)).json();
    expect(training.rows).toContainEqual({
      countries: 'LA+MM',
      year: 2002,
      officers: 175,
      isMinimum: false,
      programmes: 1,
    });
    const ad = (await call(node.app, 'GET', `${R}/ad-projects/totals?currency=CNY`, reader)).json();
    const hectares = ad.rows.reduce((n: number, r: { hectares: number }) => n + r.hectares, 0);
    expect(hectares * 15).toBeCloseTo(620_000, 6);
    const sco = (await call(node.app, 'GET', `${R}/mechanisms/SCO`, reader)).json();
    expect(sco.workingGroups.map((g: { code: string }) => g.code)).toEqual([
      'legal-basis',
      'law-enforcement',
      'precursor-control',
      'demand-reduction',
    ]);
    const gms = (await call(node.app, 'GET', `${R}/mechanisms/GMS-MOU`, reader)).json();
    expect(gms.cadences).toEqual([
      { level: 'ministerial', everyMonths: 24 },
      { level: 'senior_officials', everyMonths: 12 },
    ]);
    const overdue = (await call(node.app, 'GET', `${R}/commitments/overdue?on=2024-01-01`, reader)).json();
    expect(overdue.items.map((c: { names: { en: string } }) => c.names.en)).toEqual([
      'Host the second ACCORD International Congress in Beijing in October 2005',
    ]);
  });

  it('cites a seed article on every record', async () => {
    const files = new Set<string>(Object.values(SEEDS));
    for (const kind of KINDS) {
      const { rows } = await node.ctx.db.query<{ source: { file: string; quote: string } | null }>(
        `select source from ${kind.table}`,
      );
      for (const r of rows) {
        expect(files.has(String(r.source?.file)), `${kind.name}: ${JSON.stringify(r.source)}`).toBe(true);
        expect(r.source?.quote.length).toBeGreaterThan(5);
      }
    }
  });

  it.skipIf(!existsSync(SEED_DIR))('quotes the seed articles word for word (… marks a cut)', async () => {
    const norm = (t: string) => t.normalize('NFKC').replace(/\s+/g, '');
    const texts = new Map(
      readdirSync(SEED_DIR).map((f) => [f, norm(readFileSync(path.join(SEED_DIR, f), 'utf8'))]),
    );
    const data = await exportRegistry(node.ctx.db);
    const missing: string[] = [];
    for (const r of data.records) {
      const source = r.source as { file: string; quote: string };
      const text = texts.get(source.file) ?? '';
      for (const part of source.quote.split('…').map(norm).filter(Boolean)) {
        if (!text.includes(part)) missing.push(`${r.type} ${r.ref}: "${part}" not in ${source.file}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('LIAISON_DEMO_DATA', () => {
  it('defaults to true and false turns it off', () => {
    expect(loadConfig({}).demoData).toBe(true);
    expect(loadConfig({ LIAISON_DEMO_DATA: 'false' }).demoData).toBe(false);
    expect(() => loadConfig({ LIAISON_DEMO_DATA: 'maybe' })).toThrow(
      /LIAISON_DEMO_DATA: must be true or false/,
    );
  });
});
