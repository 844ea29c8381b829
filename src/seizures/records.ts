import type { Queryable } from '../platform/db/db.js';

// Reads of individual seizures. The list leaves out the restricted route fields; the record has them (and its
// route is audited by the route handler).

export interface SeizureSummary {
  id: string;
  date: string;
  country: string;
  place: string | null;
  adminDivision: string | null;
  drug: string;
  quantity: number;
  unit: string;
  kg: number | null;
  transportMode: string | null;
  duplicateOf: string | null;
  duplicateRule: string | null;
  importId: string | null;
  sourceRow: number | null;
}

export interface SeizureRecord extends SeizureSummary {
  origin: string;
  version: number;
  handling: string;
  countryReported: string;
  drugReported: string;
  quantityReported: string;
  unitReported: string;
  kgTable: string;
  kgNote: string | null;
  latitude: number | null;
  longitude: number | null;
  concealment: string | null;
  installation: string | null;
  routing: string | null;
  reportingAgency: string | null;
  sourceFile: string | null;
  warnings: string[];
  route: {
    producingCountries: string[];
    departureCountry: string | null;
    transitCountries: string[];
    destinationCountry: string | null;
    traffickerNationalities: string[];
    reported: Record<string, string>;
  };
  createdAt: string;
}

const SUMMARY_COLUMNS = `id, to_char(seizure_date, 'YYYY-MM-DD') as date, country, place, admin_division, drug_code, quantity::float8 as quantity,
  unit_code, kg, transport_mode, duplicate_of, duplicate_rule, import_id, source_row`;

type Row = Record<string, unknown>;

function toSummary(r: Row): SeizureSummary {
  return {
    id: r.id as string,
    date: r.date as string,
    country: r.country as string,
    place: (r.place as string | null) ?? null,
    adminDivision: (r.admin_division as string | null) ?? null,
    drug: r.drug_code as string,
    quantity: Number(r.quantity),
    unit: r.unit_code as string,
    kg: r.kg === null ? null : Number(r.kg),
    transportMode: (r.transport_mode as string | null) ?? null,
    duplicateOf: (r.duplicate_of as string | null) ?? null,
    duplicateRule: (r.duplicate_rule as string | null) ?? null,
    importId: (r.import_id as string | null) ?? null,
    sourceRow: (r.source_row as number | null) ?? null,
  };
}

export interface ListFilter {
  countries?: string[];
  drugs?: string[];
  from?: string;
  to?: string;
  duplicates?: 'exclude' | 'include' | 'only';
  importId?: string;
  /** Keyset cursor: the date and id of the last row of the page before. */
  after?: { date: string; id: string };
  limit: number;
}

/** Seizures newest first, a page at a time (keyset paging: as fast on page 1,000 as on page 1). */
export async function listSeizures(
  db: Queryable,
  f: ListFilter,
): Promise<{ items: SeizureSummary[]; next: string | null }> {
  const params: unknown[] = [];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where: string[] = ['retracted_at is null'];
  if (f.countries?.length) where.push(`country = any(${add(f.countries)}::text[])`);
  if (f.drugs?.length) where.push(`drug_code = any(${add(f.drugs)}::text[])`);
  if (f.from) where.push(`seizure_date >= ${add(f.from)}::date`);
  if (f.to) where.push(`seizure_date <= ${add(f.to)}::date`);
  if (f.importId) where.push(`import_id = ${add(f.importId)}::uuid`);
  if ((f.duplicates ?? 'include') === 'exclude') where.push('duplicate_of is null');
  if (f.duplicates === 'only') where.push('duplicate_of is not null');
  if (f.after) where.push(`(seizure_date, id) < (${add(f.after.date)}::date, ${add(f.after.id)}::uuid)`);
  const { rows } = await db.query<Row>(
    `select ${SUMMARY_COLUMNS} from seizures where ${where.join(' and ')} order by seizure_date desc, id desc limit ${add(f.limit + 1)}`,
    params,
  );
  const items = rows.slice(0, f.limit).map(toSummary);
  const last = items.at(-1);
  return { items, next: rows.length > f.limit && last ? encodeCursor(last.date, last.id) : null };
}

export const encodeCursor = (date: string, id: string) => Buffer.from(`${date}|${id}`).toString('base64url');

export function decodeCursor(cursor: string): { date: string; id: string } | undefined {
  const [date, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!date || !id || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return { date, id };
}

export async function getSeizure(db: Queryable, id: string): Promise<SeizureRecord | undefined> {
  const { rows } = await db.query<Row>(
    `select ${SUMMARY_COLUMNS}, origin, version, handling, country_text, drug_text, quantity_text, unit_text, kg_table, kg_note,
            latitude, longitude, concealment, installation, routing, reporting_agency, source_file, warnings,
            producing_countries, departure_country, transit_countries, destination_country, trafficker_nationalities,
            route_reported, created_at
       from seizures where id = $1 and retracted_at is null`,
    [id],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    ...toSummary(r),
    origin: r.origin as string,
    version: Number(r.version),
    handling: r.handling as string,
    countryReported: r.country_text as string,
    drugReported: r.drug_text as string,
    quantityReported: r.quantity_text as string,
    unitReported: r.unit_text as string,
    kgTable: r.kg_table as string,
    kgNote: (r.kg_note as string | null) ?? null,
    latitude: (r.latitude as number | null) ?? null,
    longitude: (r.longitude as number | null) ?? null,
    concealment: (r.concealment as string | null) ?? null,
    installation: (r.installation as string | null) ?? null,
    routing: (r.routing as string | null) ?? null,
    reportingAgency: (r.reporting_agency as string | null) ?? null,
    sourceFile: (r.source_file as string | null) ?? null,
    warnings: (r.warnings as string[]) ?? [],
    route: {
      producingCountries: (r.producing_countries as string[]) ?? [],
      departureCountry: (r.departure_country as string | null) ?? null,
      transitCountries: (r.transit_countries as string[]) ?? [],
      destinationCountry: (r.destination_country as string | null) ?? null,
      traffickerNationalities: (r.trafficker_nationalities as string[]) ?? [],
      reported: (r.route_reported as Record<string, string>) ?? {},
    },
    createdAt: (r.created_at as Date).toISOString(),
  };
}
