/**
 * Area and currency conversion for totals (pure). Records keep the value and unit, the amount and currency, as
 * given; only totals are converted.
 *
 * Area units come from the reference data (src/reference/data/units.ts): the hectare is the base of area, and
 * 1 mu (市亩) = 1/15 ha exactly, so 15 mu = 1 ha (DOMAIN.md: "China reports crop substitution in mu").
 */
import { convertUnit } from '../reference/convert.js';
import { referenceIndex } from '../reference/lookup.js';
import type { Unit } from '../reference/model.js';
import { isCurrencyCode } from './currencies.js';

function areaUnitMap(): ReadonlyMap<string, Unit> {
  return referenceIndex().units;
}

/** Codes of the units that measure an area (ha, mu, acre, m2, km2 ... as the reference data has them). */
export function areaUnitCodes(units: ReadonlyMap<string, Unit> = areaUnitMap()): string[] {
  return [...units.values()].filter((u) => u.dimension === 'area').map((u) => u.code);
}

export type AreaResult = { ok: true; hectares: number } | { ok: false; message: string };

/** An area in hectares. Negative values, unknown units and units that are not areas are refused with a reason. */
export function toHectares(
  value: number,
  unit: string,
  units: ReadonlyMap<string, Unit> = areaUnitMap(),
): AreaResult {
  if (!Number.isFinite(value)) return { ok: false, message: `${value} is not a number` };
  if (value < 0) return { ok: false, message: `an area cannot be negative (${value})` };
  const u = units.get(unit);
  if (u?.dimension !== 'area') {
    return {
      ok: false,
      message: `"${unit}" is not an area unit; use one of ${areaUnitCodes(units).join(', ')}`,
    };
  }
  const result = convertUnit(value, unit, 'ha', units);
  return result.ok ? { ok: true, hectares: result.value } : { ok: false, message: result.detail };
}

/** A currency code check with a message that names the code. */
export function checkCurrency(code: string): string | null {
  if (!/^[A-Z]{3}$/.test(code))
    return `"${code}" is not an ISO 4217 currency code (three capital letters, e.g. CNY, USD)`;
  if (!isCurrencyCode(code)) return `"${code}" is not a known ISO 4217 currency code`;
  return null;
}

/** A rate a user entered: one unit of `currency` is worth `rate` units of `toCurrency` from `validOn`. */
export interface ExchangeRate {
  currency: string;
  toCurrency: string;
  rate: number;
  validOn: string;
}

export interface AppliedRate {
  rate: number;
  validOn: string;
  /** true when the entered rate was for the opposite direction and was inverted. */
  inverted: boolean;
}

/**
 * The rate from one currency to another valid on `date`: the latest entered on or before the date, in either
 * direction (an inverse rate is used as 1/rate). The same currency converts at 1. Null when no rate is valid yet.
 */
export function rateOn(
  rates: readonly ExchangeRate[],
  from: string,
  to: string,
  date: string,
): AppliedRate | null {
  if (from === to) return { rate: 1, validOn: date, inverted: false };
  let best: AppliedRate | null = null;
  for (const r of rates) {
    if (r.validOn > date) continue;
    const direct = r.currency === from && r.toCurrency === to;
    const inverse = r.currency === to && r.toCurrency === from;
    if (!direct && !inverse) continue;
    // The most recent rate wins; on the same day a direct rate wins over an inverted one.
    if (
      best === null ||
      r.validOn > best.validOn ||
      (r.validOn === best.validOn && direct && best.inverted)
    ) {
      best = { rate: direct ? r.rate : 1 / r.rate, validOn: r.validOn, inverted: !direct };
    }
  }
  return best;
}

export type MoneyResult = { ok: true; amount: number; rate: AppliedRate } | { ok: false; message: string };

/** An amount converted to another currency with the rate valid on `date`. */
export function convertMoney(
  amount: number,
  currency: string,
  to: string,
  date: string | null,
  rates: readonly ExchangeRate[],
): MoneyResult {
  if (currency === to) return { ok: true, amount, rate: { rate: 1, validOn: date ?? '', inverted: false } };
  if (date === null)
    return { ok: false, message: `the amount has no date, so no ${currency}→${to} rate can be chosen` };
  const rate = rateOn(rates, currency, to, date);
  if (!rate) return { ok: false, message: `no ${currency}→${to} exchange rate valid on ${date}; enter one` };
  return { ok: true, amount: amount * rate.rate, rate };
}
