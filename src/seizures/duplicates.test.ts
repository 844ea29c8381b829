import { describe, expect, it } from 'vitest';
import {
  type Candidate,
  contentHash,
  decide,
  type Known,
  likelyKey,
  placeKey,
  quantityKey,
} from './duplicates.js';

const known = (): Known => ({ records: new Map(), seenInImport: new Map(), originals: new Map() });
let n = 0;
const ids = () => `id${++n}`;

describe('fingerprints', () => {
  it('hashes every cell in order, telling blanks from missing separators', () => {
    expect(contentHash(['a', 'b'])).toBe(contentHash(['a', 'b']));
    expect(contentHash(['a', 'b'])).not.toBe(contentHash(['ab', '']));
    expect(contentHash(['a', null])).toBe(contentHash(['a', '']));
    expect(contentHash(['1'])).toBe(contentHash([1]));
  });

  it('compares places ignoring case and spacing', () => {
    expect(placeKey('GRAND PORT')).toBe(placeKey('Grand  port'));
    expect(placeKey('Grand Port')).toBe(placeKey('grandport'));
    expect(placeKey(null)).toBe('');
  });

  it('compares quantities after conversion: 2786 g is 2.786 kg', () => {
    expect(quantityKey(2786 * 0.001, 2786, 'g')).toBe(quantityKey(2.786, 2.786, 'kg'));
    expect(quantityKey(null, 35, 'plant')).toBe('35plant');
    const a = { country: 'MU', date: '2011-06-29', drugCode: 'heroin', place: 'GRAND PORT' };
    expect(likelyKey({ ...a, kg: 2.786, quantity: 2786, unitCode: 'g' })).toBe(
      likelyKey({ ...a, place: 'Grand Port', kg: 2.786, quantity: 2.786, unitCode: 'kg' }),
    );
    expect(likelyKey({ ...a, kg: 2.786, quantity: 2.786, unitCode: 'kg' })).not.toBe(
      likelyKey({ ...a, drugCode: 'cocaine', kg: 2.786, quantity: 2.786, unitCode: 'kg' }),
    );
  });
});

describe('decide', () => {
  const c = (contentHash: string, likely: string | null = contentHash): Candidate => ({
    contentHash,
    likelyKey: likely,
  });

  it('writes originals, exact duplicates of the first copy and likely duplicates of the first original', () => {
    const k = known();
    const d = decide([c('a', 'K'), c('a', 'K'), c('b', 'K'), c('x', 'L')], k, ids);
    expect(d[0]).toMatchObject({ kind: 'insert', ordinal: 1, duplicateOf: null, rule: null });
    const first = d[0]!.kind === 'insert' ? d[0]!.id : '';
    expect(d[1]).toMatchObject({ kind: 'insert', ordinal: 2, duplicateOf: first, rule: 'exact' });
    expect(d[2]).toMatchObject({ kind: 'insert', ordinal: 1, duplicateOf: first, rule: 'likely' });
    expect(d[3]).toMatchObject({ kind: 'insert', duplicateOf: null });
  });

  it('finds rows already imported, copy by copy (re-import and overlapping files)', () => {
    const k = known();
    k.records.set('a', ['r1', 'r2']);
    k.originals.set('K', 'r1');
    const d = decide([c('a', 'K'), c('a', 'K'), c('a', 'K')], k, ids);
    expect(d[0]).toEqual({ kind: 'already', recordId: 'r1' });
    expect(d[1]).toEqual({ kind: 'already', recordId: 'r2' });
    expect(d[2]).toMatchObject({ kind: 'insert', ordinal: 3, duplicateOf: 'r1', rule: 'exact' });
  });

  it('counts the copies seen in earlier batches of the same import', () => {
    const k = known();
    k.records.set('a', ['r1']);
    k.seenInImport.set('a', 1);
    expect(decide([c('a')], k, ids)[0]).toMatchObject({
      kind: 'insert',
      ordinal: 2,
      duplicateOf: 'r1',
      rule: 'exact',
    });
  });

  it('leaves rows without a likely key to the exact rule', () => {
    const k = known();
    const d = decide([c('a', null), c('b', null)], k, ids);
    expect(d.every((x) => x.kind === 'insert' && x.duplicateOf === null)).toBe(true);
  });
});
