import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/support/db.js';
import { packTexts, textArray, unpackTexts } from './packed.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t?.cleanup());

const roundTrip = async (values: (string | null)[]) =>
  (
    await t.db.query<{ v: string | null }>(
      `select v from unnest(${unpackTexts(1)}) with ordinality as x(v, n) order by n`,
      [packTexts(values)],
    )
  ).rows.map((r) => r.v);

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

  it('keeps a single null, a single empty text and an empty list', async () => {
    expect(await roundTrip([null])).toEqual([null]);
    expect(await roundTrip([''])).toEqual(['']);
    expect(await roundTrip([])).toEqual([]);
  });

  it('refuses a text containing a separator rather than splitting it', () => {
    expect(() => packTexts(['ok', 'bad\x1etext'])).toThrow(/text 2 contains a control character/);
  });
});

describe('many texts as one text[] parameter on this engine', () => {
  const roundTripOnEngine = async (values: (string | null)[]) => {
    const texts = textArray(t.db.engine, 1, values);
    const { rows } = await t.db.query<{ v: string | null }>(
      `select v from unnest(${texts.sql}) with ordinality as x(v, n) order by n`,
      [texts.param],
    );
    return rows.map((r) => r.v);
  };

  it('come back in order and intact: quotes, backslashes, other scripts, emoji, empty texts and nulls', async () => {
    const values = [
      JSON.stringify({ subject: 'a "quoted" \\ back\nslash', body: 'Шан, 掸邦 \u{1F600}' }),
      null,
      '',
      '{}',
      'x'.repeat(100_000),
      null,
    ];
    expect(await roundTripOnEngine(values)).toEqual(values);
  });

  it('keeps a single null, a single empty text and an empty list', async () => {
    expect(await roundTripOnEngine([null])).toEqual([null]);
    expect(await roundTripOnEngine([''])).toEqual(['']);
    expect(await roundTripOnEngine([])).toEqual([]);
  });
});
