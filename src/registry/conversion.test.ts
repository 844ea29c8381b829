import { describe, expect, it } from 'vitest';
import {
  areaUnitCodes,
  checkCurrency,
  convertMoney,
  type ExchangeRate,
  rateOn,
  toHectares,
} from './conversion.js';

describe('area', () => {
  it('converts 15 mu to 1 hectare', () => {
    expect(toHectares(15, 'mu')).toEqual({ ok: true, hectares: 1 });
    const north = toHectares(550_000, 'mu');
    expect(north.ok && north.hectares).toBeCloseTo(36_666.667, 3);
  });
  it('keeps hectares and converts other area units from the reference data', () => {
    expect(toHectares(2.5, 'ha')).toEqual({ ok: true, hectares: 2.5 });
    expect(toHectares(10_000, 'm2')).toEqual({ ok: true, hectares: 1 });
    expect(areaUnitCodes()).toEqual(expect.arrayContaining(['ha', 'mu']));
  });
  it('refuses negative areas, unknown units and units that are not areas', () => {
    expect(toHectares(-5, 'mu')).toEqual({ ok: false, message: 'an area cannot be negative (-5)' });
    expect(toHectares(5, 'rai')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^"rai" is not an area unit; use one of .*mu/),
    });
    expect(toHectares(5, 'kg')).toMatchObject({
      ok: false,
      message: expect.stringContaining('"kg" is not an area unit'),
    });
  });
});

describe('currency codes', () => {
  it('accepts ISO 4217 codes and names the bad one', () => {
    expect(checkCurrency('CNY')).toBeNull();
    expect(checkCurrency('MYR')).toBeNull();
    expect(checkCurrency('XYZ')).toBe('"XYZ" is not a known ISO 4217 currency code');
    expect(checkCurrency('usd')).toMatch(/three capital letters/);
  });
});

describe('exchange rates valid on a date', () => {
  const rates: ExchangeRate[] = [
    { currency: 'USD', toCurrency: 'CNY', rate: 8.27, validOn: '2003-01-01' },
    { currency: 'USD', toCurrency: 'CNY', rate: 8.0, validOn: '2005-07-21' },
    { currency: 'EUR', toCurrency: 'CNY', rate: 10, validOn: '2005-01-01' },
  ];
  it('uses the latest rate on or before the date', () => {
    expect(rateOn(rates, 'USD', 'CNY', '2005-07-20')?.rate).toBe(8.27);
    expect(rateOn(rates, 'USD', 'CNY', '2005-07-21')?.rate).toBe(8.0);
    expect(rateOn(rates, 'USD', 'CNY', '2002-12-31')).toBeNull();
  });
  it('inverts a rate entered the other way round', () => {
    const r = rateOn(rates, 'CNY', 'EUR', '2006-01-01');
    expect(r?.inverted).toBe(true);
    expect(r?.rate).toBeCloseTo(0.1, 10);
  });
  it('converts amounts, keeps the same currency, and says why it cannot', () => {
    expect(convertMoney(1_000_000, 'USD', 'CNY', '2004-06-30', rates)).toMatchObject({
      ok: true,
      amount: 8_270_000,
    });
    expect(convertMoney(300_000, 'CNY', 'CNY', null, rates)).toMatchObject({ ok: true, amount: 300_000 });
    expect(convertMoney(5, 'MYR', 'CNY', '2004-01-01', rates)).toEqual({
      ok: false,
      message: 'no MYR→CNY exchange rate valid on 2004-01-01; enter one',
    });
    expect(convertMoney(5, 'USD', 'CNY', null, rates)).toMatchObject({
      ok: false,
      message: expect.stringContaining('no date'),
    });
  });
});
