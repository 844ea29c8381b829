import { describe, expect, it } from 'vitest';
import { arrayLiteral, textArrayLiteral } from './store.js';

describe('array parameters of a batch', () => {
  it('quotes text, escapes quotes and backslashes, and writes NULL for null', () => {
    expect(arrayLiteral(['a', 'say "hi"', 'back\\slash', '', 'NULL', null], 'text')).toBe(
      '{"a","say \\"hi\\"","back\\\\slash","","NULL",NULL}',
    );
  });

  it('writes numbers as JavaScript prints them', () => {
    expect(arrayLiteral([1.5, 0.00001, 1e21, null], 'double precision')).toBe('{1.5,0.00001,1e+21,NULL}');
  });

  it('nests text[] values as quoted array literals and jsonb values as quoted JSON', () => {
    expect(textArrayLiteral(['AF', 'P"K'])).toBe('{"AF","P\\"K"}');
    expect(arrayLiteral([['AF', 'PK'], []], 'text[]')).toBe('{"{\\"AF\\",\\"PK\\"}","{}"}');
    expect(arrayLiteral([{ departureCountry: 'Iran, "Islamic"' }, ['w']], 'jsonb')).toBe(
      '{"{\\"departureCountry\\":\\"Iran, \\\\\\"Islamic\\\\\\"\\"}","[\\"w\\"]"}',
    );
  });
});
