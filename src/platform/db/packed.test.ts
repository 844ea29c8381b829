import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/support/db.js';
import { packTexts, textArray, unpackTexts } from './packed.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t?.cleanup());

type Encoding = (values: (string | null)[]) => { sql: string; param: unknown };
const packed: Encoding = (values) => ({ sql: unpackTexts(1), param: packTexts(values) });
const onThisEngine: Encoding = (values) => textArray(t.db.engine, 1, values);

/** The texts as the database reads them back from one parameter, in order. */
const roundTrip = async (values: (string | null)[], encode: Encoding = packed) => {
  const texts = encode(values);
  const { rows } = await t.db.query<{ v: string | null }>(
    `select v from unnest(${texts.sql}) with ordinality as x(v, n) order by n`,
    [texts.param],
  );
  return rows.map((r) => r.v);
};

describe('texts packed into one parameter', () => {
  it('come back in order, with quotes, backslashes, other scripts, empty texts and nulls intact', async () => {
    const values = [
      JSON.stringify({ subject: 'a "quoted" \\ back\nslash', body: 'Шан, 掸邦' }),
      null,
      '',
      '{}',
      null,
    ];
    expect(await roundTrip(values)).toEqual(values);
  });

  it('refuses a text containing a separator rather than splitting it', () => {
    expect(() => packTexts(['ok', 'bad\x1etext'])).toThrow(/text 2 contains a control character/);
  });
});

describe('many texts as one text[] parameter on this engine', () => {
  it('come back in order and intact: quotes, backslashes, other scripts, emoji, empty texts and nulls', async () => {
    const values = [
      JSON.stringify({ subject: 'a "quoted" \\ back\nslash', body: 'Шан, 掸邦 \u{1F600}' }),
      null,
      '',
      '{}',
      'x'.repeat(100_000),
      null,
    ];
    expect(await roundTrip(values, onThisEngine)).toEqual(values);
  });
});

describe.each([
  ['packed into one parameter', packed],
  ['as this engine’s text[] parameter', onThisEngine],
])('texts %s', (_, encode) => {
  it('keep a single null, a single empty text and an empty list', async () => {
    expect(await roundTrip([null], encode)).toEqual([null]);
    expect(await roundTrip([''], encode)).toEqual(['']);
    expect(await roundTrip([], encode)).toEqual([]);
  });
});
