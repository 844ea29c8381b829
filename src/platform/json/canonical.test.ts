import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical.js';

// Signatures and content hashes are over this text on every node, so it must be RFC 8785 exactly and never change.

describe('RFC 8785 canonical JSON', () => {
  it('writes the example of RFC 8785 section 3.2.3 (literals, numbers, string escapes)', () => {
    const value = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    );
    expect(canonicalJson(value)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts properties by UTF-16 code units (RFC 8785 section 3.2.3)', () => {
    const value = JSON.parse(
      '{"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh",' +
        ' "1": "One", "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control",' +
        ' "\\u00f6": "Latin Small Letter O With Diaeresis"}',
    );
    expect(canonicalJson(value)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö":"Latin Small Letter O With Diaeresis",' +
        '"€":"Euro Sign","\u{1F600}":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('refuses what I-JSON cannot carry: NaN, Infinity, lone surrogates, undefined', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson({ a: Number.POSITIVE_INFINITY })).toThrow();
    expect(() => canonicalJson({ a: 'x\ud800y' })).toThrow();
    expect(() => canonicalJson(['\udc00'])).toThrow();
    expect(() => canonicalJson(undefined)).toThrow();
  });

  it('keeps text that merely looks like an escaped surrogate', () => {
    expect(canonicalJson({ a: '\\ud800', b: '\u{1F600}' })).toBe('{"a":"\\\\ud800","b":"\u{1F600}"}');
  });

  it('writes what the reference implementation writes, for a thousand generated JSON values', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const alphabet = [
      'a',
      'B',
      'é',
      '中',
      'к',
      '€',
      '\u{1F600}',
      '"',
      '\\',
      '\n',
      '\u0001',
      '\u2028',
      '1',
      ' ',
      '_',
    ];
    const text = () =>
      Array.from(
        { length: Math.floor(random() * 6) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
    const numbers = [
      0,
      -0,
      1,
      -1.5,
      0.1,
      1e21,
      1e-7,
      123456789.123,
      2 ** 53,
      -(2 ** 31),
      5e-324,
      1.7976931348623157e308,
    ];
    const value = (depth: number): unknown => {
      const kind = Math.floor(random() * (depth > 3 ? 4 : 6));
      if (kind === 0) return text();
      if (kind === 1) return numbers[Math.floor(random() * numbers.length)] ?? random() * 1e6;
      if (kind === 2) return random() < 0.5;
      if (kind === 3) return null;
      if (kind === 4) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      return Object.fromEntries(
        Array.from({ length: Math.floor(random() * 5) }, () => [text(), value(depth + 1)]),
      );
    };
    for (let i = 0; i < 1000; i++) {
      const v = JSON.parse(JSON.stringify(value(0)));
      expect(canonicalJson(v)).toBe(canonicalize(v));
    }
  });
});
