import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../test/support/http.js';
import { startTestNode, type TestNode } from '../../test/support/node.js';
import { membersAt } from './membership.js';

const R = '/api/v1/registry';
let node: TestNode;
let writer: string;
let reader: string;

const agency = (code: string, country = 'CN') => ({
  code,
  kind: 'national_bureau',
  country,
  names: { en: `${code} bureau` },
});

beforeAll(async () => {
  node = await startTestNode({ LIAISON_DEMO_DATA: 'false', LIAISON_AGENCY_CODE: 'CN-NNCC' });
  writer = await node.userWithRole('liaison_officer');
  reader = await node.userWithRole('viewer');
  for (const [code, country] of [
    ['CN-NNCC', 'CN'],
    ['MM-CCDAC', 'MM'],
    ['TH-ONCB', 'TH'],
    ['LA-LCDC', 'LA'],
  ] as const) {
    const res = await call(node.app, 'POST', `${R}/agencies`, writer, agency(code, country));
    expect(res.statusCode, res.body).toBe(201);
  }
  const mech = await call(node.app, 'POST', `${R}/mechanisms`, writer, {
    code: 'GMS-MOU',
    kind: 'regional',
    names: { en: 'Greater Mekong Subregion MOU on Drug Control', zh: '大湄公河次区域禁毒合作谅解备忘录机制' },
    establishedOn: '1993-10-01',
    cadences: [{ level: 'ministerial', everyMonths: 24 }],
  });
  expect(mech.statusCode, mech.body).toBe(201);
});

afterAll(async () => {
  await node?.close();
});

describe('access', () => {
  it('needs a sign-in to read and registry:write to change', async () => {
    expect((await call(node.app, 'GET', `${R}/agencies`)).statusCode).toBe(401);
    expect((await call(node.app, 'GET', `${R}/summary`)).statusCode).toBe(401);
    expect((await call(node.app, 'GET', `${R}/agencies`, reader)).statusCode).toBe(200);
    const res = await call(node.app, 'POST', `${R}/agencies`, reader, agency('VN-GOV', 'VN'));
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toContain('registry:write');
    expect((await call(node.app, 'POST', `${R}/files`, reader)).statusCode).toBe(403);
  });
});

describe('agencies and mechanisms', () => {
  it('creates a shared record: version 1, H0, empty audience, onward sharing, in the outbox and the audit log', async () => {
    const res = await call(node.app, 'GET', `${R}/agencies/MM-CCDAC`, reader);
    expect(res.statusCode).toBe(200);
    const a = res.json();
    expect(a).toMatchObject({
      code: 'MM-CCDAC',
      origin: 'CN-NNCC',
      version: 1,
      handling: 'H0',
      onwardSharing: true,
      demo: false,
    });
    expect(a.audience).toEqual({ agencies: [], mechanisms: [], taskForces: [] });
    const { rows } = await node.ctx.db.query<{
      record_type: string;
      version: number;
      payload: Record<string, unknown>;
    }>('select record_type, version, payload from record_changes where record_id = $1', [a.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      record_type: 'registry.agency',
      version: 1,
      payload: { code: 'MM-CCDAC', country: 'MM' },
    });
    const audit = await node.ctx.db.query('select action from audit_log where target = $1', [
      `registry.agency:${a.id}`,
    ]);
    expect(audit.rows).toEqual([{ action: 'registry.agency.created' }]);
  });

  it('refuses a duplicate code with 409, unknown fields and unknown countries with 400', async () => {
    expect((await call(node.app, 'POST', `${R}/agencies`, writer, agency('MM-CCDAC', 'MM'))).statusCode).toBe(
      409,
    );
    const unknown = await call(node.app, 'POST', `${R}/agencies`, writer, {
      ...agency('XX-ONE'),
      colour: 'red',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toContainEqual({ path: '/body/colour', message: 'is not a known field' });
    const country = await call(node.app, 'POST', `${R}/agencies`, writer, agency('XX-TWO', 'ZZ'));
    expect(country.statusCode).toBe(400);
    expect(country.json().errors).toContainEqual({
      path: '/body/country',
      message: '"ZZ" is not an ISO 3166 country code',
    });
  });

  it('changes a record: version + 1 with the full state in the outbox; a stale expectedVersion is a 409', async () => {
    const before = (await call(node.app, 'GET', `${R}/agencies/TH-ONCB`, reader)).json();
    const res = await call(node.app, 'PATCH', `${R}/agencies/${before.id}`, writer, {
      names: { zh: '泰国肃毒委员会办公室', ru: 'Управление Совета по контролю над наркотиками' },
      handling: 'H1',
      expectedVersion: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      version: 2,
      handling: 'H1',
      names: { en: 'TH-ONCB bureau', zh: '泰国肃毒委员会办公室' },
    });
    const change = await node.ctx.db.query<{ payload: { names: unknown }; handling: string }>(
      'select payload, handling from record_changes where record_id = $1 and version = 2',
      [before.id],
    );
    expect(change.rows[0]?.handling).toBe('H1');
    expect(change.rows[0]?.payload.names).toMatchObject({
      en: 'TH-ONCB bureau',
      ru: 'Управление Совета по контролю над наркотиками',
    });
    const stale = await call(node.app, 'PATCH', `${R}/agencies/${before.id}`, writer, {
      runsNode: true,
      expectedVersion: 1,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('H3 needs its restriction in words', async () => {
    const res = await call(node.app, 'POST', `${R}/agencies`, writer, { ...agency('XX-H3'), handling: 'H3' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual({
      path: '/body/handlingText',
      message: 'is required with handling H3 (say what the restriction is)',
    });
  });

  it('finds names in any language, whatever the case or width', async () => {
    for (const q of ['大湄公河', 'greater mekong', 'ＧＲＥＡＴＥＲ　ＭＥＫＯＮＧ', 'GMS-MOU']) {
      const res = await call(node.app, 'GET', `${R}/mechanisms?q=${encodeURIComponent(q)}`, reader);
      expect(
        res.json().items.map((m: { code: string }) => m.code),
        q,
      ).toEqual(['GMS-MOU']);
      const all = await call(node.app, 'GET', `${R}/search?q=${encodeURIComponent(q)}`, reader);
      expect(all.json().hits.map((h: { code: string }) => h.code)).toContain('GMS-MOU');
    }
    expect(
      (
        await call(node.app, 'GET', `${R}/mechanisms?q=${encodeURIComponent('湄公河 greater')}`, reader)
      ).json().items,
    ).toEqual([]);
  });
});

describe('memberships', () => {
  const join = (agency: string, joinedOn: string, leftOn: string | null = null) =>
    call(node.app, 'POST', `${R}/memberships`, writer, {
      mechanism: 'GMS-MOU',
      agency,
      role: 'member',
      joinedOn,
      leftOn,
    });

  it('records members with dates; membership at any date is queryable', async () => {
    for (const a of ['CN-NNCC', 'MM-CCDAC', 'TH-ONCB', 'LA-LCDC'])
      expect((await join(a, '1993-10-01')).statusCode).toBe(201);
    const members = await call(node.app, 'GET', `${R}/mechanisms/GMS-MOU/members?at=1993-10-01`, reader);
    expect(members.json().members).toEqual(['CN-NNCC', 'LA-LCDC', 'MM-CCDAC', 'TH-ONCB']);
    expect(
      (await call(node.app, 'GET', `${R}/mechanisms/GMS-MOU/members?at=1993-09-30`, reader)).json().members,
    ).toEqual([]);
    expect(await membersAt(node.ctx.db, 'GMS-MOU', '2000-01-01')).toEqual([
      'CN-NNCC',
      'LA-LCDC',
      'MM-CCDAC',
      'TH-ONCB',
    ]);
    expect(await membersAt(node.ctx.db, 'NO-SUCH', '2000-01-01')).toEqual([]);
  });

  it('publishes the membership with its date as the record date', async () => {
    const { rows } = await node.ctx.db.query<{ record_date: string }>(
      "select record_date::text from record_changes where record_type = 'registry.membership' order by seq limit 1",
    );
    expect(rows[0]?.record_date).toBe('1993-10-01');
  });

  it('refuses a leave date before the join date', async () => {
    const res = await join('TH-ONCB', '2001-08-01', '2001-07-01');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual({
      path: '/body/leftOn',
      message: 'leave date 2001-07-01 is not after the join date 2001-08-01',
    });
  });

  it('refuses a member that is not an agency', async () => {
    const res = await join('XX-NOBODY', '1995-05-01');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual({
      path: '/body/agency',
      message: '"XX-NOBODY" is not an agency in the registry',
    });
    expect(res.json().detail).toContain('/body/agency "XX-NOBODY" is not an agency in the registry');
  });

  it('refuses joining before the mechanism exists and overlapping the same role', async () => {
    const early = await join('MM-CCDAC', '1990-01-01', '1991-01-01');
    expect(early.json().errors).toContainEqual({
      path: '/body/joinedOn',
      message: '1990-01-01 is before mechanism GMS-MOU was established (1993-10-01)',
    });
    const twice = await join('MM-CCDAC', '1999-01-01');
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors[0].message).toBe('MM-CCDAC is already member of GMS-MOU from 1993-10-01');
  });

  it('ends a membership by a leave date; the timeline shows each change', async () => {
    const list = (
      await call(node.app, 'GET', `${R}/memberships?mechanism=GMS-MOU&agency=LA-LCDC`, reader)
    ).json();
    expect(list.total).toBe(1);
    const res = await call(node.app, 'PATCH', `${R}/memberships/${list.items[0].id}`, writer, {
      leftOn: '2010-01-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await membersAt(node.ctx.db, 'GMS-MOU', '2009-12-31')).toContain('LA-LCDC');
    expect(await membersAt(node.ctx.db, 'GMS-MOU', '2010-01-01')).not.toContain('LA-LCDC');
    const timeline = (await call(node.app, 'GET', `${R}/mechanisms/GMS-MOU/timeline`, reader)).json();
    expect(timeline.steps.map((s: { on: string }) => s.on)).toEqual(['1993-10-01', '2010-01-01']);
    expect(timeline.steps[1]).toMatchObject({
      left: ['LA-LCDC'],
      members: ['CN-NNCC', 'MM-CCDAC', 'TH-ONCB'],
    });
    const at = (
      await call(node.app, 'GET', `${R}/memberships?mechanism=GMS-MOU&at=2012-01-01`, reader)
    ).json();
    expect(at.total).toBe(3);
  });

  it('retracts with a tombstone; a retracted membership counts for no date', async () => {
    const list = (await call(node.app, 'GET', `${R}/memberships?agency=TH-ONCB`, reader)).json();
    const id = list.items[0].id;
    const res = await call(node.app, 'DELETE', `${R}/memberships/${id}`, writer);
    expect(res.statusCode).toBe(200);
    expect(res.json().retractedAt).not.toBeNull();
    expect(await membersAt(node.ctx.db, 'GMS-MOU', '2000-01-01')).not.toContain('TH-ONCB');
    const { rows } = await node.ctx.db.query(
      'select version, tombstone, payload from record_changes where record_id = $1 order by version',
      [id],
    );
    expect(rows.at(-1)).toMatchObject({ version: 2, tombstone: 'retracted', payload: null });
    expect(
      (await call(node.app, 'PATCH', `${R}/memberships/${id}`, writer, { leftOn: '2020-01-01' })).statusCode,
    ).toBe(409);
    expect((await call(node.app, 'GET', `${R}/memberships/${id}`, reader)).json().retractedAt).not.toBeNull();
  });

  it('will not retract an agency that is still a member', async () => {
    const mm = (await call(node.app, 'GET', `${R}/agencies/MM-CCDAC`, reader)).json();
    const res = await call(node.app, 'DELETE', `${R}/agencies/${mm.id}`, writer);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('membership(s) in mechanisms still name it');
  });
});

describe('meetings and commitments', () => {
  let meetingId: string;

  it("refuses a meeting outside its mechanism's life", async () => {
    const res = await call(node.app, 'POST', `${R}/meetings`, writer, {
      mechanism: 'GMS-MOU',
      level: 'ministerial',
      names: { en: 'Too early' },
      startsOn: '1992-05-01',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual({
      path: '/body/startsOn',
      message: '1992-05-01 is before mechanism GMS-MOU was established (1993-10-01)',
    });
  });

  it('records a meeting with outcome documents; upcoming meetings come from the cadence', async () => {
    const res = await call(node.app, 'POST', `${R}/meetings`, writer, {
      mechanism: 'GMS-MOU',
      level: 'ministerial',
      names: { en: 'First MOU Ministerial Meeting', zh: '第一届MOU部长级会议' },
      startsOn: '1995-05-01',
      place: 'Beijing',
      country: 'CN',
      documents: [{ kind: 'action_plan', title: { en: 'Subregional Action Plan', zh: '次区域行动计划' } }],
      datePrecision: { startsOn: 'month' },
    });
    expect(res.statusCode, res.body).toBe(201);
    meetingId = res.json().id;
    const up = (
      await call(node.app, 'GET', `${R}/meetings/upcoming?from=2024-01-01&to=2027-12-31`, reader)
    ).json();
    expect(up.projected.map((p: { on: string }) => p.on)).toEqual(['2025-05-01', '2027-05-01']);
  });

  it("will not move a mechanism's life away from its recorded meetings", async () => {
    const gms = (await call(node.app, 'GET', `${R}/mechanisms/GMS-MOU`, reader)).json();
    const res = await call(node.app, 'PATCH', `${R}/mechanisms/${gms.id}`, writer, {
      establishedOn: '1996-01-01',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual({
      path: '/body/establishedOn',
      message:
        "a recorded meeting would fall outside the mechanism's life: 1995-05-01 is before mechanism GMS-MOU was established (1996-01-01)",
    });
    const dissolved = await call(node.app, 'PATCH', `${R}/mechanisms/${gms.id}`, writer, {
      dissolvedOn: '1995-05-01',
    });
    expect(dissolved.json().errors[0].path).toBe('/body/dissolvedOn');
  });

  it('needs a meeting or an agreement that exists', async () => {
    const none = await call(node.app, 'POST', `${R}/commitments`, writer, { names: { en: 'x' } });
    expect(none.json().errors).toContainEqual({
      path: '/body/meeting',
      message: 'a commitment comes from a meeting or an agreement; give one of meeting, agreement',
    });
    const missing = await call(node.app, 'POST', `${R}/commitments`, writer, {
      names: { en: 'x' },
      meeting: '01900000-0000-7000-8000-000000000000',
    });
    expect(missing.json().errors[0].message).toContain('is not a meeting in the registry');
  });

  it('keeps a status history; overdue commitments surface in the summary', async () => {
    const res = await call(node.app, 'POST', `${R}/commitments`, writer, {
      names: { en: 'Revise the Subregional Action Plan' },
      meeting: meetingId,
      owners: ['CN-NNCC', 'MM-CCDAC'],
      dueOn: '2000-01-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c.status).toBe('open');
    expect(c.statusHistory).toHaveLength(1);
    const summary = (await call(node.app, 'GET', `${R}/summary?on=2024-01-01`, reader)).json();
    expect(summary.overdue.total).toBe(1);
    expect(summary.overdue.items[0]).toMatchObject({ id: c.id, daysOverdue: 8766 });
    expect(summary.counts.commitments).toEqual({ total: 1, demo: 0 });
    const moved = await call(node.app, 'POST', `${R}/commitments/${c.id}/status`, writer, {
      status: 'done',
      note: 'Revised at the 1997 meeting',
      evidence: [{ title: 'Revised plan', url: 'https://example.org/plan' }],
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().statusHistory.map((h: { status: string }) => h.status)).toEqual(['open', 'done']);
    expect(moved.json().statusHistory[1]).toMatchObject({
      note: 'Revised at the 1997 meeting',
      by: expect.stringMatching(/^user:/),
    });
    expect((await call(node.app, 'GET', `${R}/commitments/overdue?on=2024-01-01`, reader)).json().total).toBe(
      0,
    );
    const again = await call(node.app, 'PATCH', `${R}/commitments/${c.id}`, writer, {
      status: 'in_progress',
    });
    expect(again.json().statusHistory.map((h: { status: string }) => h.status)).toEqual([
      'open',
      'done',
      'in_progress',
    ]);
  });

  it('refuses owners that are not agencies', async () => {
    const res = await call(node.app, 'POST', `${R}/commitments`, writer, {
      names: { en: 'y' },
      meeting: meetingId,
      owners: ['NOPE'],
    });
    expect(res.json().errors).toContainEqual({
      path: '/body/owners/0',
      message: '"NOPE" is not an agency in the registry',
    });
  });
});

describe('training and alternative development', () => {
  it('refuses negative areas and unknown currencies, naming the field', async () => {
    const negative = await call(node.app, 'POST', `${R}/ad-projects`, writer, {
      names: { en: 'Bad area' },
      countries: ['MM'],
      areaValue: -550000,
      areaUnit: 'mu',
    });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().errors).toContainEqual({
      path: '/body/areaValue',
      message: 'an area cannot be negative (-550000)',
    });
    const currency = await call(node.app, 'POST', `${R}/ad-projects`, writer, {
      names: { en: 'Bad currency' },
      countries: ['MM'],
      funding: [{ amount: 300000, currency: 'RMB' }],
    });
    expect(currency.statusCode).toBe(400);
    expect(currency.json().errors).toContainEqual({
      path: '/body/funding/0/currency',
      message: '"RMB" is not a known ISO 4217 currency code',
    });
    const unit = await call(node.app, 'POST', `${R}/ad-projects`, writer, {
      names: { en: 'x' },
      countries: ['MM'],
      areaValue: 5,
      areaUnit: 'kg',
    });
    expect(unit.json().errors[0]).toMatchObject({
      path: '/body/areaUnit',
      message: expect.stringContaining('"kg" is not an area unit'),
    });
  });

  it('lists projects and mechanisms whose crops or working groups are named in one language only', async () => {
    const project = await call(node.app, 'POST', `${R}/ad-projects`, writer, {
      names: { en: 'Tea in Phongsaly' },
      countries: ['LA'],
      crops: [{ en: 'Tea' }, { zh: '咖啡' }],
    });
    expect(project.statusCode, project.body).toBe(201);
    const list = await call(node.app, 'GET', `${R}/ad-projects`, reader);
    expect(list.statusCode, list.body).toBe(200);
    const listed = list.json().items.find((p: { id: string }) => p.id === project.json().id);
    expect(listed.crops).toEqual([{ en: 'Tea' }, { zh: '咖啡' }]);
    const mechanism = await call(node.app, 'POST', `${R}/mechanisms`, writer, {
      code: 'ONE-LANG',
      names: { en: 'One language' },
      kind: 'regional',
      workingGroups: [{ code: 'precursors', names: { ru: 'Прекурсоры' } }],
    });
    expect(mechanism.statusCode, mechanism.body).toBe(201);
    const one = await call(node.app, 'GET', `${R}/mechanisms/ONE-LANG`, reader);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json().workingGroups[0].names).toEqual({ ru: 'Прекурсоры' });
  });

  it('totals areas in hectares and converts funding with the rate valid on its date', async () => {
    for (const body of [
      {
        names: { zh: '缅北替代种植' },
        countries: ['MM'],
        areaValue: 550000,
        areaUnit: 'mu',
        areaAsOf: '2003-12-31',
      },
      {
        names: { en: 'Wanhong' },
        countries: ['MM'],
        funding: [
          { amount: 500000, currency: 'CNY', on: '2003-01-01' },
          { amount: 1000, currency: 'USD', on: '2003-06-01' },
        ],
      },
    ]) {
      const res = await call(node.app, 'POST', `${R}/ad-projects`, writer, body);
      expect(res.statusCode, res.body).toBe(201);
    }
    const rate = await call(node.app, 'POST', `${R}/exchange-rates`, writer, {
      currency: 'USD',
      toCurrency: 'CNY',
      rate: 8.27,
      validOn: '2003-01-01',
    });
    expect(rate.statusCode, rate.body).toBe(201);
    const bad = await call(node.app, 'POST', `${R}/exchange-rates`, writer, {
      currency: 'XYZ',
      toCurrency: 'CNY',
      rate: 1,
      validOn: '2003-01-01',
    });
    expect(bad.json().errors).toContainEqual({
      path: '/body/currency',
      message: '"XYZ" is not a known ISO 4217 currency code',
    });
    const totals = (await call(node.app, 'GET', `${R}/ad-projects/totals?currency=CNY`, reader)).json();
    const mm = totals.rows.find(
      (r: { countries: string; year: number }) => r.countries === 'MM' && r.year === 2003,
    );
    expect(mm.hectares).toBeCloseTo(36666.667, 3);
    expect(mm.funding).toEqual({ CNY: 500000, USD: 1000 });
    expect(mm.converted).toBeCloseTo(508270, 6);
    const badQuery = await call(node.app, 'GET', `${R}/ad-projects/totals?currency=ABC`, reader);
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().errors).toContainEqual({
      path: '/query/currency',
      message: '"ABC" is not a known ISO 4217 currency code',
    });
    // Without a currency nothing is converted; every row keeps the typed shape the web chart reads.
    const plain = (await call(node.app, 'GET', `${R}/ad-projects/totals`, reader)).json();
    expect(plain.currency).toBeNull();
    expect(
      plain.rows.find((r: { countries: string; year: number }) => r.countries === 'MM' && r.year === 2003),
    ).toEqual({
      countries: 'MM',
      year: 2003,
      hectares: expect.closeTo(36666.667, 3),
      funding: { CNY: 500000, USD: 1000 },
      converted: null,
      currency: null,
      unconverted: [],
      isMinimum: false,
      projects: 2,
    });
  });

  it('counts officers trained by country and refuses counts that cannot be right', async () => {
    const ok = await call(node.app, 'POST', `${R}/training`, writer, {
      names: { en: 'Training for Myanmar and Lao officials' },
      hosts: ['CN-NNCC'],
      startsOn: '2002-01-01',
      sessionsCount: 3,
      participants: [{ country: 'MM', officers: 100 }, { country: 'LA' }],
      officersTotal: 175,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const totals = (await call(node.app, 'GET', `${R}/training/totals`, reader)).json();
    expect(totals.rows).toEqual([
      { countries: 'LA', year: 2002, officers: 75, isMinimum: false, programmes: 1 },
      { countries: 'MM', year: 2002, officers: 100, isMinimum: false, programmes: 1 },
    ]);
    const bad = await call(node.app, 'POST', `${R}/training`, writer, {
      names: { en: 'Bad counts' },
      participants: [
        { country: 'MM', officers: -3 },
        { country: 'LA', officers: 10 },
      ],
      officersTotal: 5,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual(
      expect.arrayContaining([
        { path: '/body/participants/0/officers', message: 'cannot be negative (-3)' },
        { path: '/body/officersTotal', message: '5 is less than the 10 officers counted by country' },
      ]),
    );
  });
});

describe('OpenAPI', () => {
  it('documents every registry route', async () => {
    const doc = (await node.app.inject('/api/v1/openapi.json')).json();
    const paths = Object.keys(doc.paths).filter((p) => p.startsWith(R));
    expect(paths).toEqual(
      expect.arrayContaining([
        `${R}/summary`,
        `${R}/search`,
        `${R}/agencies`,
        `${R}/agencies/{id}`,
        `${R}/mechanisms/{code}/members`,
        `${R}/mechanisms/{code}/timeline`,
        `${R}/memberships`,
        `${R}/agreements`,
        `${R}/meetings/upcoming`,
        `${R}/commitments/{id}/status`,
        `${R}/training/totals`,
        `${R}/ad-projects/totals`,
        `${R}/exchange-rates`,
        `${R}/files`,
        `${R}/files/{sha256}`,
        `${R}/vocabulary`,
      ]),
    );
  });
});
