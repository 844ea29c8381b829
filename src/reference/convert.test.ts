import { describe, expect, it } from 'vitest';
import { PARAMETER } from './content/conversions.js';
import {
  conversionParameter,
  convertUnit,
  currentKgTable,
  opiumAsHeroinKg,
  toKgEquivalent,
} from './convert.js';
import { referenceIndex } from './lookup.js';

const table = currentKgTable();
const units = referenceIndex().units;

describe('toKgEquivalent', () => {
  it('converts mass units exactly and litres as kilograms (UNODC convention)', () => {
    expect(toKgEquivalent(2, 'kg', 'heroin', table)).toMatchObject({
      ok: true,
      kg: 2,
      version: 'liaison-2026.1',
    });
    expect(toKgEquivalent(1500, 'g', 'heroin', table)).toMatchObject({ ok: true, kg: 1.5 });
    expect(toKgEquivalent(3, 'l', 'gbl', table)).toMatchObject({ ok: true, kg: 3 });
    expect(toKgEquivalent(250, 'ml', 'gbl', table)).toMatchObject({ ok: true, kg: 0.25 });
    expect(toKgEquivalent(1, 'viss', 'heroin', table)).toMatchObject({ ok: true, kg: 1.632932532 });
  });

  it('converts tablets with the per-drug weight, or the default, and names the basis', () => {
    const meth = toKgEquivalent(10_000, 'tablet', 'methamphetamine', table);
    expect(meth).toMatchObject({ ok: true, drugCode: 'methamphetamine' });
    expect(meth.ok && meth.kg).toBeCloseTo(1, 12);
    const ecstasy = toKgEquivalent(1000, 'tablet', 'ecstasy', table);
    expect(ecstasy.ok && ecstasy.kg).toBeCloseTo(0.3, 12);
    const other = toKgEquivalent(1000, 'tablet', 'diazepam', table);
    expect(other).toMatchObject({ ok: true, drugCode: '' });
    expect(other.ok && other.basis).toMatch(/UNODC/);
  });

  it('converts a multiple of a count unit through its base', () => {
    const r = toKgEquivalent(2, 'thousand-tablets', 'methamphetamine', table);
    expect(r.ok && r.kg).toBeCloseTo(0.2, 12);
  });

  it('reports plants, bushes, doses and areas as not convertible instead of guessing', () => {
    for (const unit of ['plant', 'bush', 'dose', 'blotter', 'unit', 'ha', 'mu', 'other']) {
      expect(toKgEquivalent(5, unit, 'opium-poppy', table)).toMatchObject({
        ok: false,
        reason: 'not-convertible',
      });
    }
    expect(toKgEquivalent(5, 'mu', null, table)).toMatchObject({ detail: expect.stringMatching(/area/) });
  });

  it('refuses unknown units and impossible quantities', () => {
    expect(toKgEquivalent(1, 'furlong', null, table)).toMatchObject({ ok: false, reason: 'unknown-unit' });
    expect(toKgEquivalent(-1, 'kg', null, table)).toMatchObject({ ok: false, reason: 'invalid-quantity' });
    expect(toKgEquivalent(Number.NaN, 'kg', null, table)).toMatchObject({
      ok: false,
      reason: 'invalid-quantity',
    });
    expect(toKgEquivalent(0, 'kg', null, table)).toMatchObject({ ok: true, kg: 0 });
  });
});

describe('convertUnit', () => {
  it('converts mu to hectares exactly (15 mu = 1 ha)', () => {
    expect(convertUnit(15, 'mu', 'ha', units)).toEqual({ ok: true, value: 1 });
    expect(convertUnit(1, 'ha', 'mu', units)).toEqual({ ok: true, value: 15 });
    expect(convertUnit(30_000, 'mu', 'ha', units)).toEqual({ ok: true, value: 2000 });
  });

  it('converts within a dimension and refuses across dimensions', () => {
    expect(convertUnit(1, 'acre', 'm2', units)).toMatchObject({
      ok: true,
      value: expect.closeTo(4046.8564224, 6),
    });
    expect(convertUnit(2, 'jin', 'kg', units)).toEqual({ ok: true, value: 1 });
    expect(convertUnit(3, 'thousand-tablets', 'tablet', units)).toEqual({ ok: true, value: 3000 });
    expect(convertUnit(1, 'kg', 'l', units)).toMatchObject({ ok: false, reason: 'not-convertible' });
    expect(convertUnit(1, 'mu', 'parsec', units)).toMatchObject({ ok: false, reason: 'unknown-unit' });
  });
});

describe('conversion parameters', () => {
  it('keeps the opium-to-heroin factor as a named parameter of the table version', () => {
    expect(conversionParameter(table, PARAMETER.opiumPerHeroinKg)).toBe(10);
    expect(opiumAsHeroinKg(600_000, table)).toBe(60_000);
    expect(() => conversionParameter(table, 'no-such-parameter')).toThrow(/no parameter/);
  });
});
