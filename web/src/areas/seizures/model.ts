// Shapes of the seizure API answers the pages read (src/seizures/schemas.ts and routes*.ts on the server).

export const SEIZURES_API = '/api/v1/seizures';

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

export interface SeizurePage {
  items: SeizureSummary[];
  next: string | null;
}

export type ImportKind = 'seizures' | 'totals';
export type NumberFormat = 'point' | 'comma' | 'auto';
export type DateFormat = 'iso' | 'dmy' | 'mdy';

export interface Mapping {
  kind: ImportKind;
  columns: Record<string, string>;
  constants?: Record<string, string>;
  numberFormat: NumberFormat;
  dateFormat: DateFormat;
  delimiter?: string;
  sheet?: string;
  headerRow?: number;
}

export interface SavedMapping {
  name: string;
  mapping: Mapping;
  updatedBy: string;
  updatedAt: string;
}

export interface ImportCounts {
  rowsRead: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  alreadyImported: number;
  warnings: number;
}

export interface SeizureImport {
  id: string;
  kind: string;
  fileName: string;
  fileSize: number;
  layout: string | null;
  mappingName: string | null;
  mapping: Mapping | null;
  status: 'uploaded' | 'running' | 'done' | 'failed';
  counts: ImportCounts;
  progress: { bytesRead: number; bytesTotal: number | null; fraction: number | null };
  error: string | null;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface Detection {
  layout: string | null;
  header: string[];
  suggested: Record<string, string>;
  problem: string | null;
}

export interface Uploaded {
  import: SeizureImport;
  detection: Detection;
}

export interface PreviewRow {
  row: number;
  outcome: 'accepted' | 'rejected';
  field: string | null;
  reason: string | null;
  warnings: string[];
  values: Record<string, unknown> | null;
}

export interface Preview {
  layout: string | null;
  header: string[];
  rows: PreviewRow[];
}

export interface ReportRow {
  row: number;
  outcome: string;
  rule: string | null;
  field: string | null;
  reason: string | null;
  recordId: string | null;
  duplicateOf: string | null;
}

export interface ImportReport {
  import: SeizureImport;
  rejections: { field: string; reason: string; count: number }[];
  rows: ReportRow[];
}

export interface SeriesAnswer {
  months: string[];
  series: { key: string | number | null; kg: number[]; count: number[] }[];
}

export interface StatsRow {
  keys: Record<string, string | number | null>;
  kg: number;
  count: number;
  converted: number;
}

export interface RouteRow {
  departure: string;
  destination: string;
  kg: number;
  count: number;
}

export interface ReconciliationRow {
  country: string;
  drug: string;
  year: number;
  reportedKg: number | null;
  reportedRows: number;
  recordedKg: number;
  recordedCount: number;
  difference: number | null;
  relative: number | null;
}

/** Fields a column can feed, in the order a person maps them (src/seizures/mapping.ts). */
export const SEIZURE_FIELDS = [
  'date',
  'country',
  'adminDivision',
  'place',
  'latitude',
  'longitude',
  'drug',
  'quantity',
  'unit',
  'concealment',
  'installation',
  'transportMode',
  'routing',
  'producingCountries',
  'departureCountry',
  'transitCountries',
  'destinationCountry',
  'traffickerNationalities',
  'reportingAgency',
] as const;
export const TOTAL_FIELDS = ['country', 'drug', 'year', 'quantity', 'unit'] as const;
export const REQUIRED: Record<ImportKind, readonly string[]> = {
  seizures: ['date', 'country', 'drug', 'quantity', 'unit'],
  totals: TOTAL_FIELDS,
};
export type MappableField = (typeof SEIZURE_FIELDS)[number] | (typeof TOTAL_FIELDS)[number];

/** What the node accepts as an upload body; any other type is sent as octet-stream (the node reads the content). */
export const UPLOAD_TYPES = [
  'text/csv',
  'text/plain',
  'application/zip',
  'application/x-zip-compressed',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

export function uploadType(fileType: string): string {
  return UPLOAD_TYPES.includes(fileType) ? fileType : 'application/octet-stream';
}

/** Every row read has exactly one outcome; the report shows that they add up. */
export function countsAddUp(c: ImportCounts): boolean {
  return c.accepted + c.duplicates + c.rejected + c.alreadyImported === c.rowsRead;
}
