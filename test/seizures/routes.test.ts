import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/http.js';
import { startTestNode, type TestNode } from '../support/node.js';
import { HAVE_DATA, idsSlice, removeDir, tempDir } from './support.js';

describe.skipIf(!HAVE_DATA)('seizure API', () => {
  let node: TestNode;
  let analyst: string;
  let viewer: string;
  let dir: string;
  let ids: Buffer;

  beforeAll(async () => {
    dir = tempDir();
    await idsSlice(path.join(dir, 'ids.csv'), 400);
    ids = readFileSync(path.join(dir, 'ids.csv'));
    node = await startTestNode({ LIAISON_DEMO_DATA: 'false' });
    analyst = await node.userWithRole('analyst');
    viewer = await node.userWithRole('viewer');
  }, 120_000);
  afterAll(async () => {
    await node?.close();
    removeDir(dir);
  });

  const upload = (name: string, body: Buffer, cookie = analyst, type = 'text/csv') =>
    node.app.inject({
      method: 'POST',
      url: `/api/v1/seizures/imports?name=${encodeURIComponent(name)}`,
      headers: { cookie, 'content-type': type },
      payload: body,
    });

  async function runToEnd(id: string) {
    const run = await call(node.app, 'POST', `/api/v1/seizures/imports/${id}/run`, analyst);
    expect(run.statusCode).toBe(202);
    for (let i = 0; i < 600; i++) {
      const res = await call(node.app, 'GET', `/api/v1/seizures/imports/${id}`, viewer);
      const body = res.json();
      if (body.status !== 'running') return body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('import did not finish');
  }

  let importId: string;
  it('uploads an IDS file, recognises it, previews, runs it in the background and reports every row', async () => {
    expect((await upload('ids.csv', ids, viewer)).statusCode).toBe(403);
    const res = await upload('ids.csv', ids);
    expect(res.statusCode).toBe(201);
    const { import: imp, detection } = res.json();
    importId = imp.id;
    expect(detection).toMatchObject({ layout: 'unodc-ids', problem: null });
    expect(imp).toMatchObject({
      status: 'uploaded',
      kind: 'seizures',
      fileName: 'ids.csv',
      fileSize: ids.length,
    });

    const preview = await call(
      node.app,
      'GET',
      `/api/v1/seizures/imports/${importId}/preview?limit=5`,
      analyst,
    );
    expect(preview.statusCode).toBe(200);
    expect(preview.json().rows).toHaveLength(5);
    expect(preview.json().rows[0]).toMatchObject({ row: 2, outcome: 'accepted', values: { country: 'MU' } });

    const done = await runToEnd(importId);
    expect(done).toMatchObject({ status: 'done', progress: { fraction: 1 } });
    const c = done.counts;
    expect(c.accepted + c.duplicates + c.rejected + c.alreadyImported).toBe(399);

    const report = await call(
      node.app,
      'GET',
      `/api/v1/seizures/imports/${importId}/report?limit=5000`,
      viewer,
    );
    expect(report.json().rows).toHaveLength(399);
    const dup = report.json().rows.find((r: { outcome: string }) => r.outcome === 'duplicate');
    expect(dup).toMatchObject({
      rule: expect.stringMatching(/exact|likely/),
      duplicateOf: expect.any(String),
    });

    const csv = await call(node.app, 'GET', `/api/v1/seizures/imports/${importId}/report.csv`, viewer);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.trim().split('\r\n')).toHaveLength(400);
    expect(await call(node.app, 'POST', `/api/v1/seizures/imports/${importId}/run`, analyst)).toMatchObject({
      statusCode: 409,
    });
  });

  it('lists seizures a page at a time and audits reads of a record with its route', async () => {
    const page1 = (
      await call(node.app, 'GET', '/api/v1/seizures?limit=10&duplicates=exclude', viewer)
    ).json();
    expect(page1.items).toHaveLength(10);
    expect(page1.items[0]).not.toHaveProperty('route');
    const page2 = (
      await call(node.app, 'GET', `/api/v1/seizures?limit=10&duplicates=exclude&after=${page1.next}`, viewer)
    ).json();
    expect(page2.items[0].id).not.toBe(page1.items[0].id);
    expect(page2.items[0].date <= page1.items[9].date).toBe(true);

    const record = await call(node.app, 'GET', `/api/v1/seizures/${page1.items[0].id}`, viewer);
    expect(record.statusCode).toBe(200);
    expect(record.json()).toMatchObject({
      origin: 'TEST-NNCB',
      handling: 'H2',
      route: { transitCountries: [] },
      sourceFile: 'ids.csv',
    });
    const { rows } = await node.ctx.db.query<{ n: number }>(
      "select count(*)::int as n from audit_log where action = 'record.read' and target = $1",
      [`seizures.seizure:${page1.items[0].id}`],
    );
    expect(rows[0]!.n).toBe(1);
    expect(
      (await call(node.app, 'GET', '/api/v1/seizures/00000000-0000-7000-8000-000000000000', viewer))
        .statusCode,
    ).toBe(404);
  });

  it('serves statistics, reconciliation and the home-page summary', async () => {
    const get = async (url: string) => {
      const res = await call(node.app, 'GET', url, viewer);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      return res.json();
    };
    const totals = await get('/api/v1/seizures/stats/totals?by=country,year');
    expect(totals.by).toEqual(['country', 'year']);
    expect(totals.rows[0]).toMatchObject({ keys: { country: expect.any(String), year: expect.any(Number) } });
    const all = await get('/api/v1/seizures/stats/totals');
    const summary = await get('/api/v1/seizures/summary');
    expect(all.rows[0].count).toBe(summary.seizures);
    const series = await get('/api/v1/seizures/stats/series?from=2011-01&to=2011-12&split=drugGroup');
    expect(series.months).toHaveLength(12);
    expect(series.series[0].kg).toHaveLength(12);
    expect(await get('/api/v1/seizures/stats/year-on-year?countries=MU')).toEqual(expect.any(Array));
    expect(await get('/api/v1/seizures/stats/share?countries=MU&wholeAreas=002')).toMatchObject({
      kgShare: expect.any(Number),
    });
    expect(await get('/api/v1/seizures/stats/routes?limit=5')).toEqual(expect.any(Array));
    expect(await get('/api/v1/seizures/stats/reconciliation?fromYear=2011&toYear=2011')).toEqual(
      expect.any(Array),
    );
    expect(await get('/api/v1/seizures/reported-totals')).toEqual([]);
    expect((await call(node.app, 'GET', '/api/v1/seizures/stats/totals?by=colour', viewer)).statusCode).toBe(
      400,
    );
  });

  it('maps an unknown layout once, saves the mapping by name and imports with it', async () => {
    const file = Buffer.from(
      'Datum;Land;Droge;Menge;Einheit\n02.05.2014;Germany;Heroin;1.234,5;g\n03.05.2014;Germany;Heroin;1,234;kg\n',
    );
    const res = await upload('de.csv', file);
    expect(res.statusCode).toBe(201);
    const { import: imp, detection } = res.json();
    expect(detection.layout).toBeNull();
    expect(detection.header).toEqual(['Datum', 'Land', 'Droge', 'Menge', 'Einheit']);
    const bad = await call(node.app, 'PUT', `/api/v1/seizures/imports/${imp.id}/mapping`, analyst, {
      mapping: { kind: 'seizures', columns: { date: 'Datum' }, numberFormat: 'comma', dateFormat: 'dmy' },
    });
    expect(bad.statusCode).toBe(400);
    const mapping = {
      kind: 'seizures',
      columns: { date: 'Datum', country: 'Land', drug: 'Droge', quantity: 'Menge', unit: 'Einheit' },
      numberFormat: 'comma',
      dateFormat: 'dmy',
    };
    const set = await call(node.app, 'PUT', `/api/v1/seizures/imports/${imp.id}/mapping`, analyst, {
      mapping,
      saveAs: 'german-customs',
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ mappingName: 'german-customs', mapping });
    const done = await runToEnd(imp.id);
    expect(done.counts).toMatchObject({ rowsRead: 2, accepted: 2, rejected: 0 });

    const saved = await call(node.app, 'GET', '/api/v1/seizures/mappings/german-customs', viewer);
    expect(saved.json()).toMatchObject({ name: 'german-customs', mapping });
    const again = await upload(
      'de-2.csv',
      Buffer.from('Datum;Land;Droge;Menge;Einheit\n04.05.2014;Germany;Heroin;1.234;kg\n'),
    );
    const second = await call(
      node.app,
      'PUT',
      `/api/v1/seizures/imports/${again.json().import.id}/mapping`,
      analyst,
      { mappingName: 'german-customs' },
    );
    expect(second.statusCode).toBe(200);
    const preview = await call(
      node.app,
      'GET',
      `/api/v1/seizures/imports/${again.json().import.id}/preview`,
      analyst,
    );
    expect(preview.json().rows[0]).toMatchObject({ outcome: 'accepted', values: { quantity: 1234 } });
    expect((await call(node.app, 'GET', '/api/v1/seizures/mappings', viewer)).json()).toHaveLength(1);
    expect(
      (await call(node.app, 'DELETE', '/api/v1/seizures/mappings/german-customs', analyst)).statusCode,
    ).toBe(204);
    expect(
      (await call(node.app, 'DELETE', '/api/v1/seizures/mappings/german-customs', analyst)).statusCode,
    ).toBe(404);
  });

  it('refuses empty uploads and JSON bodies', async () => {
    expect((await upload('empty.csv', Buffer.alloc(0))).statusCode).toBe(400);
    expect((await upload('x.json', Buffer.from('{}'), analyst, 'application/json')).statusCode).toBe(415);
  });
});
