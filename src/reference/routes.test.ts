import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../../test/support/node.js';
import { referenceData } from './content/index.js';

let node: TestNode;
let cookie: string;
beforeAll(async () => {
  node = await startTestNode();
  cookie = await node.userWithRole('viewer');
});
afterAll(() => node.close());

const get = (url: string, headers: Record<string, string> = { cookie }) => node.app.inject({ url, headers });
const R = '/api/v1/reference';

describe('reference API: countries', () => {
  it('finds a country by alpha-2 or alpha-3 code, with its aliases', async () => {
    const res = await get(`${R}/countries/CN`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      alpha2: 'CN',
      alpha3: 'CHN',
      numericCode: '156',
      regionCode: '142',
      names: { zh: '中国' },
    });
    expect(res.json().aliases.length).toBeGreaterThan(2);
    expect((await get(`${R}/countries/nam`)).json()).toMatchObject({
      alpha2: 'NA',
      names: { en: 'Namibia' },
    });
    expect((await get(`${R}/countries/XK`)).json()).toMatchObject({ alpha3: 'XKX', numericCode: null });
  });

  it('answers 404 for an unknown code and 400 for a malformed one', async () => {
    const unknown = await get(`${R}/countries/QQ`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect((await get(`${R}/countries/C1`)).statusCode).toBe(400);
    expect((await get(`${R}/countries/${'A'.repeat(40)}`)).statusCode).toBe(400);
  });

  it('searches names and aliases in en, zh and ru, and filters by M49 area', async () => {
    const codes = async (url: string) => (await get(url)).json().map((c: { alpha2: string }) => c.alpha2);
    expect(await codes(`${R}/countries?q=${encodeURIComponent('老挝')}`)).toEqual(['LA']);
    expect(await codes(`${R}/countries?q=${encodeURIComponent('Лаос')}`)).toEqual(['LA']);
    expect(await codes(`${R}/countries?q=swaziland`)).toEqual(['SZ']);
    expect(await codes(`${R}/countries?q=${encodeURIComponent('!!!')}`)).toEqual([]);
    const southEastAsia = await codes(`${R}/countries?region=035`);
    expect(southEastAsia).toEqual(expect.arrayContaining(['MM', 'LA', 'TH', 'VN', 'KH']));
    expect(southEastAsia).not.toContain('CN');
    expect(await codes(`${R}/countries`)).toHaveLength(250);
  });

  it('resolves a file string to a country, a non-country value, or 404 with the reason', async () => {
    const lao = await get(
      `${R}/countries/resolve?name=${encodeURIComponent('Lao Peoples Democratic Republic')}`,
    );
    expect(lao.json()).toMatchObject({
      kind: 'country',
      country: { alpha2: 'LA' },
      key: 'lao peoples democratic republic',
    });
    const kurdistan = (
      await get(`${R}/countries/resolve?name=${encodeURIComponent('Iraq (Kurdistan Region)')}`)
    ).json();
    expect(kurdistan).toMatchObject({
      kind: 'country',
      country: { alpha2: 'IQ' },
      note: expect.stringMatching(/Kurdistan/),
    });
    const multiple = (await get(`${R}/countries/resolve?name=Multiple%20Countries`)).json();
    expect(multiple).toMatchObject({
      kind: 'non-country',
      nonCountry: { code: 'MULTIPLE', names: { zh: '多个国家' } },
    });
    const atlantis = await get(`${R}/countries/resolve?name=Atlantis`);
    expect(atlantis.statusCode).toBe(404);
    expect(atlantis.json().detail).toMatch(/not a known country/);
    expect((await get(`${R}/countries/resolve?name=%20-%20`)).json().detail).toMatch(/blank/);
  });

  it('lists the M49 areas with names in three languages', async () => {
    const areas = (await get(`${R}/m49`)).json();
    expect(areas[0]).toMatchObject({ code: '001', level: 'world', parentCode: null });
    expect(areas).toContainEqual({
      code: '035',
      level: 'sub-region',
      parentCode: '142',
      names: { en: 'South-eastern Asia', zh: '东南亚', ru: 'Юго-Восточная Азия' },
    });
  });
});

describe('reference API: drugs, units, conversion tables', () => {
  it('lists drug groups and drugs, by search and by group (sub-groups included)', async () => {
    expect((await get(`${R}/drug-groups`)).json()).toContainEqual(
      expect.objectContaining({ code: 'opiates', parentCode: 'opioids' }),
    );
    const heroin = (await get(`${R}/drugs?q=${encodeURIComponent('海洛因')}`)).json();
    expect(heroin.map((d: { code: string }) => d.code)).toEqual(['heroin']);
    const opioids = (await get(`${R}/drugs?group=opioids`)).json().map((d: { code: string }) => d.code);
    expect(opioids).toEqual(expect.arrayContaining(['heroin', 'opium', 'fentanyl', 'desomorphine']));
    expect(opioids).not.toContain('methamphetamine');
    expect((await get(`${R}/drugs`)).json()).toHaveLength(referenceData().drugs.length);
  });

  it('shows a drug with its synonyms and resolves file strings', async () => {
    const meth = (await get(`${R}/drugs/methamphetamine`)).json();
    expect(meth.synonyms.map((s: { synonym: string }) => s.synonym)).toContain('冰毒');
    expect((await get(`${R}/drugs/no-such-drug`)).statusCode).toBe(404);
    const yaba = (await get(`${R}/drugs/resolve?name=${encodeURIComponent('麻古')}`)).json();
    expect(yaba).toMatchObject({
      drug: { code: 'methamphetamine-tablets' },
      group: { code: 'methamphetamine' },
    });
    expect((await get(`${R}/drugs/resolve?name=Unobtainium`)).statusCode).toBe(404);
  });

  it('lists units with aliases and the conversion tables with their rows', async () => {
    const units = (await get(`${R}/units`)).json();
    expect(units).toContainEqual(
      expect.objectContaining({
        code: 'mu',
        dimension: 'area',
        baseUnit: 'ha',
        baseNumerator: 1,
        baseDenominator: 15,
      }),
    );
    expect(units.find((u: { code: string }) => u.code === 'ml').aliases).toContain('Cc');
    expect((await get(`${R}/conversion-tables`)).json()).toEqual([
      expect.objectContaining({ version: 'liaison-2026.1', isCurrent: true, publishedOn: '2026-11-23' }),
    ]);
    const table = (await get(`${R}/conversion-tables/liaison-2026.1`)).json();
    expect(table.conversions).toContainEqual(
      expect.objectContaining({ unitCode: 'g', drugCode: null, kgEquivalent: 0.001 }),
    );
    expect(table.conversions).toContainEqual(
      expect.objectContaining({ unitCode: 'tablet', drugCode: 'methamphetamine', kgEquivalent: 0.0001 }),
    );
    expect(table.parameters).toEqual([
      expect.objectContaining({ name: 'opium-kg-per-heroin-kg', value: 10 }),
    ]);
    expect((await get(`${R}/conversion-tables/none-such`)).statusCode).toBe(404);
  });

  it('summarises what the node holds', async () => {
    const data = referenceData();
    expect((await get(`${R}/summary`)).json()).toEqual({
      countries: 250,
      countryAliases: data.countryAliases.length,
      drugGroups: data.drugGroups.length,
      drugs: data.drugs.length,
      drugSynonyms: data.drugSynonyms.length,
      units: data.units.length,
      conversionTables: 1,
      currentConversionTable: 'liaison-2026.1',
    });
  });
});

describe('reference API: input and access', () => {
  it('rejects oversized, malformed, wrong-typed and unknown query parameters with field paths', async () => {
    const cases: [string, string][] = [
      [`${R}/countries?q=${'x'.repeat(101)}`, '/query/q'],
      [`${R}/countries?q=`, '/query/q'],
      [`${R}/countries?region=abc`, '/query/region'],
      [`${R}/countries?region=1234`, '/query/region'],
      [`${R}/countries?limit=5`, '/query/limit'],
      [`${R}/drugs?group=${encodeURIComponent('Opioids; drop table drugs')}`, '/query/group'],
      [`${R}/drugs/resolve`, '/query/name'],
      [`${R}/countries/resolve?name=${'y'.repeat(501)}`, '/query/name'],
      [`${R}/conversion-tables/${encodeURIComponent('a b')}`, '/path/version'],
    ];
    for (const [url, path] of cases) {
      const res = await get(url);
      expect({ url, status: res.statusCode }).toEqual({ url, status: 400 });
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
  });

  it('answers 401 without a session, on every route', async () => {
    for (const url of [
      'countries',
      'countries/CN',
      'countries/resolve?name=China',
      'm49',
      'drug-groups',
      'drugs',
      'drugs/resolve?name=Heroin',
      'units',
      'conversion-tables',
      'conversion-tables/liaison-2026.1',
      'summary',
    ]) {
      const res = await get(`${R}/${url}`, {});
      expect({ url, status: res.statusCode }).toEqual({ url, status: 401 });
    }
  });

  it('documents the routes in the OpenAPI document', async () => {
    const doc = (await node.app.inject('/api/v1/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([`${R}/countries`, `${R}/countries/{code}`, `${R}/summary`]),
    );
  });
});
