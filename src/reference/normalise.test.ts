import { describe, expect, it } from 'vitest';
import { findCountryByCode, normaliseKey, resolveCountry, resolveDrug, resolveUnit } from './normalise.js';

const countryOf = (text: string) => {
  const r = resolveCountry(text);
  return r.kind === 'country' ? r.country.alpha2 : r.kind === 'non-country' ? `!${r.value.code}` : undefined;
};
const drugOf = (text: string) => {
  const r = resolveDrug(text);
  return r.kind === 'drug' ? r.drug.code : undefined;
};
const unitOf = (text: string) => {
  const r = resolveUnit(text);
  return r.kind === 'unit' ? r.unit.code : undefined;
};

describe('normaliseKey', () => {
  it('folds case, accents, punctuation and whitespace', () => {
    expect(normaliseKey('  Côte d’Ivoire ')).toBe('cote divoire');
    expect(normaliseKey("Lao People's Democratic Republic")).toBe(
      normaliseKey('Lao Peoples Democratic Republic'),
    );
    expect(normaliseKey('Bolivia, Plurinational  State of')).toBe('bolivia plurinational state of');
    expect(normaliseKey('“Yaba”')).toBe('yaba');
  });

  it('keeps Chinese and Cyrillic letters and folds ё', () => {
    expect(normaliseKey('老挝')).toBe('老挝');
    expect(normaliseKey('Лаос')).toBe('лаос');
    expect(normaliseKey('Тёрнера')).toBe('тернера');
  });

  it('spells out Greek letters and unifies full-width forms', () => {
    expect(normaliseKey('α-PVP')).toBe(normaliseKey('alpha-PVP'));
    expect(normaliseKey('ＭＤＭＡ')).toBe('mdma');
  });

  it('makes a blank or punctuation-only value empty', () => {
    expect(normaliseKey('  ')).toBe('');
    expect(normaliseKey('--/--')).toBe('');
  });
});

describe('resolveCountry', () => {
  it('resolves ISO, UN and former names used by UNODC files', () => {
    expect(countryOf('Lao Peoples Democratic Republic')).toBe('LA');
    expect(countryOf('Swaziland')).toBe('SZ');
    expect(countryOf('Libyan Arab Jamahiriya')).toBe('LY');
    expect(countryOf('Czech Republic')).toBe('CZ');
    expect(countryOf('Bolivia (Plurinational State of)')).toBe('BO');
    expect(countryOf('Macau, SAR of China')).toBe('MO');
    expect(countryOf('China, Hong Kong SAR')).toBe('HK');
    expect(countryOf('Türkiye')).toBe('TR');
    expect(countryOf('Congo')).toBe('CG');
  });

  it('resolves Namibia, whose alpha-2 code NA a naive parser loses', () => {
    expect(countryOf('Namibia')).toBe('NA');
    expect(findCountryByCode('NA')?.alpha3).toBe('NAM');
    expect(findCountryByCode('nam')?.alpha2).toBe('NA');
  });

  it('knows Kosovo (XK, XKX, no numeric code) under its UN name', () => {
    expect(countryOf('Kosovo under UNSCR 1244')).toBe('XK');
    const kosovo = findCountryByCode('XKX');
    expect(kosovo).toMatchObject({ alpha2: 'XK', numericCode: null, independent: null });
  });

  it('maps parts of a country to the country and says so in a note', () => {
    const kurdistan = resolveCountry('Iraq (Kurdistan Region)');
    expect(kurdistan).toMatchObject({ kind: 'country', country: { alpha2: 'IQ' } });
    expect(kurdistan.kind === 'country' && kurdistan.note).toMatch(/Kurdistan/);
  });

  it('resolves Chinese and Russian names', () => {
    expect(countryOf('老挝')).toBe('LA');
    expect(countryOf('Лаос')).toBe('LA');
    expect(countryOf('缅甸')).toBe('MM');
    expect(countryOf('Киргизия')).toBe('KG');
    expect(countryOf('中国')).toBe('CN');
    expect(countryOf('Российская Федерация')).toBe('RU');
  });

  it('resolves explicit non-country values in en, zh and ru', () => {
    expect(countryOf('Unknown')).toBe('!UNKNOWN');
    expect(countryOf('Multiple Countries')).toBe('!MULTIPLE');
    expect(countryOf('Other')).toBe('!OTHER');
    expect(countryOf('未知')).toBe('!UNKNOWN');
    expect(countryOf('Несколько стран')).toBe('!MULTIPLE');
    expect(countryOf('Netherlands Antilles')).toBe('!ANHH');
  });

  it('never guesses: an unknown or blank string does not resolve, with the reason', () => {
    expect(resolveCountry('Atlantis')).toMatchObject({
      kind: 'not-found',
      reason: 'unknown',
      key: 'atlantis',
    });
    expect(resolveCountry('   ')).toMatchObject({ kind: 'not-found', reason: 'blank' });
    expect(resolveCountry('NA')).toMatchObject({ kind: 'not-found' });
    expect(resolveCountry('Korea')).toMatchObject({ kind: 'not-found' });
  });
});

describe('resolveDrug', () => {
  it('resolves Chinese and Russian names and slang', () => {
    expect(drugOf('海洛因')).toBe('heroin');
    expect(drugOf('героин')).toBe('heroin');
    expect(drugOf('冰毒')).toBe('methamphetamine');
    expect(drugOf('甲基苯丙胺')).toBe('methamphetamine');
    expect(drugOf('麻古')).toBe('methamphetamine-tablets');
    expect(drugOf('yaba')).toBe('methamphetamine-tablets');
    expect(drugOf('“Yaba”')).toBe('methamphetamine-tablets');
    expect(drugOf('摇头丸')).toBe('ecstasy');
    expect(drugOf('Мефедрон')).toBe('mephedrone');
  });

  it('gives the group and any note', () => {
    const r = resolveDrug('Heroin');
    expect(r).toMatchObject({ kind: 'drug', group: { code: 'opiates', parentCode: 'opioids' } });
    const aggregate = resolveDrug('Reported total hallucinogens');
    expect(aggregate.kind === 'drug' && aggregate.note).toMatch(/total/);
  });

  it('resolves explicit unknown, other and mixed values', () => {
    expect(drugOf('Unknown')).toBe('unknown-substance');
    expect(drugOf('Other')).toBe('other-drugs');
    expect(drugOf('Multiple drugs')).toBe('multiple-drugs');
  });

  it('does not resolve what it does not know', () => {
    expect(resolveDrug('Unobtainium')).toMatchObject({ kind: 'not-found', reason: 'unknown' });
    expect(resolveDrug('')).toMatchObject({ kind: 'not-found', reason: 'blank' });
  });
});

describe('resolveUnit', () => {
  it('resolves the units of the IDS file and common abbreviations', () => {
    expect(unitOf('Kilogram')).toBe('kg');
    expect(unitOf('Gram')).toBe('g');
    expect(unitOf('Cc')).toBe('ml');
    expect(unitOf('Thousand of tablets')).toBe('thousand-tablets');
    expect(unitOf('Viss')).toBe('viss');
    expect(unitOf('Gallons (US, liquid)')).toBe('gal-us');
    expect(unitOf('Plants')).toBe('plant');
    expect(unitOf('亩')).toBe('mu');
    expect(unitOf('公斤')).toBe('kg');
  });

  it('never resolves a blank unit', () => {
    expect(resolveUnit('')).toMatchObject({ kind: 'not-found', reason: 'blank' });
  });
});
