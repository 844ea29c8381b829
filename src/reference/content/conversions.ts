import type { ConversionParameter, ConversionTable, Unit, UnitConversion } from '../model.js';

/**
 * The kg-equivalent tables. A published version is never changed (the loader refuses to): a correction is a new
 * version with its own date, made current here, and seizures keep the version they were converted with.
 */
export const CONVERSION_TABLES: ConversionTable[] = [
  {
    version: 'liaison-2026.1',
    name: 'Liaison kilogram-equivalent table 2026.1',
    description:
      'Kilogram equivalents after the UNODC conventions: mass units exactly, 1 litre = 1 kg, tablets with a per-drug ' +
      'bulk weight where one is known and a default otherwise. Plants, bushes, doses, blotters and other counts have ' +
      'no equivalent and are reported as not convertible.',
    publishedOn: '2026-11-23',
    isCurrent: true,
  },
];

const V1 = 'liaison-2026.1';

const UNODC_TABLET_RANGE =
  'UNODC converts tablets of amphetamine-type stimulants at assumed bulk weights of 90-300 mg each, by region and drug ' +
  '(UNODC Data Portal, notes to "Global seizures of drugs")';

/** Per-drug tablet weights, in kg a tablet; each with the basis a reviewer can check. */
const TABLET_ROWS: Omit<UnitConversion, 'tableVersion' | 'unitCode'>[] = [
  {
    drugCode: '',
    kgEquivalent: 0.0001,
    basis: `${UNODC_TABLET_RANGE}; 100 mg, the lower end of that range, for a tablet of any drug without a row of its own`,
  },
  {
    drugCode: 'methamphetamine',
    kgEquivalent: 0.0001,
    basis: `${UNODC_TABLET_RANGE}; methamphetamine ("yaba") tablets are small pressed tablets of about 100 mg`,
  },
  {
    drugCode: 'methamphetamine-tablets',
    kgEquivalent: 0.0001,
    basis: `${UNODC_TABLET_RANGE}; methamphetamine ("yaba") tablets are small pressed tablets of about 100 mg`,
  },
  ...['ecstasy', 'mdma', 'mda', 'mdea'].map((drugCode) => ({
    drugCode,
    kgEquivalent: 0.0003,
    basis:
      `${UNODC_TABLET_RANGE}; 300 mg, the top of the range, for "ecstasy"-type tablets, the heaviest ATS tablets ` +
      '(the US Sentencing Guidelines take 250 mg as the typical weight of an MDMA unit)',
  })),
];

function ratio(unit: Unit): number {
  return (unit.baseNumerator ?? 1) / (unit.baseDenominator ?? 1);
}

/** Mass units convert exactly; volume units by the UNODC convention that one litre counts as one kilogram. */
function physicalRows(units: readonly Unit[]): UnitConversion[] {
  const rows: UnitConversion[] = [];
  for (const unit of units) {
    if (unit.dimension !== 'mass' && unit.dimension !== 'volume') continue;
    const kg = unit.baseUnit ? ratio(unit) : 1;
    const basis =
      unit.dimension === 'mass'
        ? unit.baseUnit
          ? `exact: 1 ${unit.names.en.toLowerCase()} = ${kg} kg`
          : 'definition'
        : `UNODC convention: 1 litre counts as 1 kg (UNODC Data Portal, notes to "Global seizures of drugs"); 1 ${unit.names.en.toLowerCase()} = ${kg} l`;
    rows.push({ tableVersion: V1, unitCode: unit.code, drugCode: '', kgEquivalent: kg, basis });
  }
  return rows;
}

export function unitConversions(units: readonly Unit[]): UnitConversion[] {
  return [
    ...physicalRows(units),
    ...TABLET_ROWS.map((row) => ({ ...row, tableVersion: V1, unitCode: 'tablet' })),
  ];
}

/** Names of the parameters that code reads; the values live in the table version. */
export const PARAMETER = { opiumPerHeroinKg: 'opium-kg-per-heroin-kg' } as const;

export const CONVERSION_PARAMETERS: ConversionParameter[] = [
  {
    tableVersion: V1,
    name: PARAMETER.opiumPerHeroinKg,
    value: 10,
    basis:
      'about 10 kg of opium make 1 kg of heroin: the ratio UNODC uses to express opium as heroin, and the one the ' +
      'cooperation articles use (600 t of opium for 60 t of heroin)',
  },
];
