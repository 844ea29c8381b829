import { describe, expect, it } from 'vitest';
import { guessLang } from './content/aliases.js';
import { countryAliases } from './content/countries.js';
import { buildReferenceData } from './content/index.js';
import { normaliseKey } from './key.js';

const data = buildReferenceData();

describe('reference data', () => {
  it('names every M49 area, country, drug group, drug and unit in en, zh and ru', () => {
    const named = [
      ...data.m49Areas,
      ...data.countries,
      ...data.drugGroups,
      ...data.drugs,
      ...data.units,
      ...data.nonCountryValues,
    ];
    const missing = named.filter(
      (row) => !row.names.en.trim() || !row.names.zh.trim() || !row.names.ru.trim(),
    );
    expect(missing).toEqual([]);
  });

  it('has the 249 ISO countries of the CSV plus Kosovo, and the M49 regions they refer to', () => {
    expect(data.countries).toHaveLength(250);
    const areas = new Set(data.m49Areas.map((a) => a.code));
    for (const c of data.countries) {
      for (const code of [c.regionCode, c.subregionCode, c.intermediateRegionCode])
        if (code) expect(areas).toContain(code);
    }
    expect(data.m49Areas.filter((a) => a.level === 'region')).toHaveLength(5);
  });

  it('keeps every alias key normalised and pointing at a row that exists', () => {
    const countries = new Set(data.countries.map((c) => c.alpha2));
    const values = new Set(data.nonCountryValues.map((v) => v.code));
    for (const a of data.countryAliases) {
      expect(a.aliasKey).toBe(normaliseKey(a.alias));
      expect(a.countryAlpha2 ? countries.has(a.countryAlpha2) : values.has(a.nonCountryCode!)).toBe(true);
    }
    const drugs = new Set(data.drugs.map((d) => d.code));
    for (const s of data.drugSynonyms)
      expect(drugs.has(s.drugCode) && s.synonymKey === normaliseKey(s.synonym)).toBe(true);
    const units = new Set(data.units.map((u) => u.code));
    for (const a of data.unitAliases)
      expect(units.has(a.unitCode) && a.aliasKey === normaliseKey(a.alias)).toBe(true);
  });

  it('drops no country alias as ambiguous (a new i18n-iso-countries release could make one so)', () => {
    expect(countryAliases().ambiguous).toEqual([]);
  });

  it('lists drug groups parents first, and every drug in a group', () => {
    const seen = new Set<string>();
    for (const g of data.drugGroups) {
      if (g.parentCode) expect(seen).toContain(g.parentCode);
      seen.add(g.code);
    }
    for (const d of data.drugs) expect(seen).toContain(d.groupCode);
  });

  it('gives every unit an exact path to a base unit of the same dimension', () => {
    const units = new Map(data.units.map((u) => [u.code, u]));
    for (const unit of data.units) {
      if (!unit.baseUnit) continue;
      const base = units.get(unit.baseUnit);
      expect(base?.dimension).toBe(unit.dimension);
      expect(base?.baseUnit).toBeNull();
    }
  });

  it('has one current conversion table whose rows name real units and drugs and say their basis', () => {
    expect(data.conversionTables.filter((t) => t.isCurrent)).toHaveLength(1);
    const units = new Set(data.units.map((u) => u.code));
    const drugs = new Set(data.drugs.map((d) => d.code));
    for (const row of data.unitConversions) {
      expect(units.has(row.unitCode)).toBe(true);
      if (row.drugCode) expect(drugs.has(row.drugCode)).toBe(true);
      expect(row.kgEquivalent).toBeGreaterThan(0);
      expect(row.basis.length).toBeGreaterThan(5);
    }
    const countable = data.unitConversions.filter((r) => ['plant', 'bush', 'ha', 'mu'].includes(r.unitCode));
    expect(countable).toEqual([]);
  });

  it('detects the script of a synonym', () => {
    expect([guessLang('海洛因'), guessLang('героин'), guessLang('Heroin')]).toEqual(['zh', 'ru', 'en']);
  });
});
