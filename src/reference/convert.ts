import { type ReferenceIndex, referenceIndex } from './lookup.js';
import type { ConversionTable, ReferenceData, Unit, UnitConversion } from './model.js';

/** One version of the kg-equivalent table with the units it refers to, ready for conversions without I/O. */
export interface KgTable {
  table: ConversionTable;
  rows: ReadonlyMap<string, UnitConversion>;
  units: ReadonlyMap<string, Unit>;
  parameters: ReadonlyMap<string, number>;
}

export type ConversionFailure = 'invalid-quantity' | 'unknown-unit' | 'not-convertible';

export type KgResult =
  | { ok: true; kg: number; version: string; unitCode: string; drugCode: string; basis: string }
  | { ok: false; reason: ConversionFailure; detail: string };

export type UnitResult =
  | { ok: true; value: number }
  | { ok: false; reason: ConversionFailure; detail: string };

const rowKey = (unitCode: string, drugCode: string) => `${unitCode}\u0000${drugCode}`;

/** The table of `version`, or the current one. Throws for a version that does not exist. */
export function kgTable(data: ReferenceData, version?: string): KgTable {
  const table = data.conversionTables.find((t) => (version ? t.version === version : t.isCurrent));
  if (!table) throw new Error(version ? `no conversion table ${version}` : 'no current conversion table');
  const rows = data.unitConversions.filter((r) => r.tableVersion === table.version);
  const parameters = data.conversionParameters.filter((p) => p.tableVersion === table.version);
  return {
    table,
    rows: new Map(rows.map((r) => [rowKey(r.unitCode, r.drugCode), r])),
    units: new Map(data.units.map((u) => [u.code, u])),
    parameters: new Map(parameters.map((p) => [p.name, p.value])),
  };
}

let current: KgTable | undefined;

/** The current table of the reference data this version ships. */
export function currentKgTable(index: ReferenceIndex = referenceIndex()): KgTable {
  if (index === referenceIndex()) {
    current ??= kgTable(index.data);
    return current;
  }
  return kgTable(index.data);
}

function invalidQuantity(quantity: number): string | undefined {
  if (!Number.isFinite(quantity)) return `the quantity ${quantity} is not a finite number`;
  if (quantity < 0) return `the quantity ${quantity} is negative`;
  return undefined;
}

function notConvertible(unit: Unit, drugCode: string | null, version: string): string {
  if (unit.dimension === 'area') return `${unit.names.en} measures an area, not a quantity of a drug`;
  if (unit.dimension === 'unspecified') return 'the unit is not stated, so the quantity cannot be weighed';
  const drug = drugCode ? `"${drugCode}"` : 'a drug without its own row';
  return `conversion table ${version} has no kilogram equivalent for a ${unit.names.en.toLowerCase()} of ${drug}`;
}

/**
 * Kilogram equivalent of a reported quantity: the row for this unit and drug, else for this unit and any drug;
 * failing both, the unit's exact base (thousand tablets → 1000 tablets) is tried the same way. A unit with no row
 * on that path (plants, doses, areas) is not convertible: the caller keeps the reported quantity and says so.
 */
export function toKgEquivalent(
  quantity: number,
  unitCode: string,
  drugCode: string | null,
  table: KgTable,
): KgResult {
  const invalid = invalidQuantity(quantity);
  if (invalid) return { ok: false, reason: 'invalid-quantity', detail: invalid };
  const start = table.units.get(unitCode);
  if (!start) return { ok: false, reason: 'unknown-unit', detail: `no unit with code "${unitCode}"` };
  let unit: Unit | undefined = start;
  let amount = quantity;
  while (unit) {
    const row =
      (drugCode ? table.rows.get(rowKey(unit.code, drugCode)) : undefined) ??
      table.rows.get(rowKey(unit.code, ''));
    if (row) {
      const { version } = table.table;
      return {
        ok: true,
        kg: amount * row.kgEquivalent,
        version,
        unitCode: row.unitCode,
        drugCode: row.drugCode,
        basis: row.basis,
      };
    }
    if (!unit.baseUnit) break;
    amount = (amount * unit.baseNumerator!) / unit.baseDenominator!;
    unit = table.units.get(unit.baseUnit);
  }
  return {
    ok: false,
    reason: 'not-convertible',
    detail: notConvertible(start, drugCode, table.table.version),
  };
}

/** The chain from a unit to its base unit, as [base unit, amount in base units of one of this unit]. */
function toBase(unit: Unit, units: ReadonlyMap<string, Unit>, quantity: number): [Unit, number] {
  let current = unit;
  let amount = quantity;
  while (current.baseUnit) {
    amount = (amount * current.baseNumerator!) / current.baseDenominator!;
    current = units.get(current.baseUnit)!;
  }
  return [current, amount];
}

/** Exact conversion between two units that share a base (g → kg, mu → ha, thousand tablets → tablets). */
export function convertUnit(
  quantity: number,
  fromCode: string,
  toCode: string,
  units: ReadonlyMap<string, Unit>,
): UnitResult {
  const invalid = invalidQuantity(quantity);
  if (invalid) return { ok: false, reason: 'invalid-quantity', detail: invalid };
  const from = units.get(fromCode);
  const to = units.get(toCode);
  if (!from || !to)
    return { ok: false, reason: 'unknown-unit', detail: `no unit with code "${from ? toCode : fromCode}"` };
  const [fromBase, amount] = toBase(from, units, quantity);
  const [toBaseUnit, perTarget] = toBase(to, units, 1);
  if (fromBase.code !== toBaseUnit.code) {
    return {
      ok: false,
      reason: 'not-convertible',
      detail: `${from.names.en} and ${to.names.en} do not measure the same thing`,
    };
  }
  return { ok: true, value: amount / perTarget };
}

/** A named parameter of the table (e.g. PARAMETER.opiumPerHeroinKg); throws when the version lacks it. */
export function conversionParameter(table: KgTable, name: string): number {
  const value = table.parameters.get(name);
  if (value === undefined)
    throw new Error(`conversion table ${table.table.version} has no parameter "${name}"`);
  return value;
}

/** Kilograms of heroin that a quantity of opium stands for, by the table's opium-to-heroin parameter. */
export function opiumAsHeroinKg(opiumKg: number, table: KgTable): number {
  return opiumKg / conversionParameter(table, 'opium-kg-per-heroin-kg');
}
