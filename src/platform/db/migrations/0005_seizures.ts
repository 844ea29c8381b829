import { ENVELOPE_COLUMNS } from './envelope.js';

// Seizures (src/seizures): individual seizures (shared records), reported totals, imports with their row outcomes,
// saved column mappings, and the rollups statistics read (kept current in the transaction of every write).
// Country columns hold ISO alpha-2 codes; drug and unit columns reference-data codes.
export const sql = `
create table seizure_imports (
  id uuid primary key,
  kind text not null check (kind in ('seizures', 'totals')),
  file_name text not null,
  -- where the file is read from: the upload under <LIAISON_DATA_DIR>/imports/, or the path given to the CLI
  file_path text not null,
  file_hash text not null check (file_hash ~ '^[0-9a-f]{64}$'),
  file_size bigint not null check (file_size >= 0),
  layout text,
  mapping_name text,
  mapping jsonb,
  status text not null check (status in ('uploaded', 'running', 'done', 'failed')),
  -- data rows read and committed: the resume cursor, updated in the transaction of each batch
  rows_read integer not null default 0,
  bytes_read bigint not null default 0,
  bytes_total bigint,
  accepted integer not null default 0,
  duplicates integer not null default 0,
  rejected integer not null default 0,
  already_imported integer not null default 0,
  warnings integer not null default 0,
  error text,
  created_by text not null,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  updated_at timestamptz not null default now()
);
create index seizure_imports_file on seizure_imports (file_hash);

-- Rows of an import that did not become a record of that import: rejected, or already imported before.
create table seizure_import_rows (
  import_id uuid not null references seizure_imports (id) on delete cascade,
  row_no integer not null,
  outcome text not null check (outcome in ('rejected', 'already-imported')),
  field text,
  reason text,
  content_hash text,
  record_id uuid,
  primary key (import_id, row_no)
);
create index seizure_import_rows_hash on seizure_import_rows (import_id, content_hash) where content_hash is not null;

create table seizure_mappings (
  name text primary key check (length(name) between 1 and 100),
  kind text not null check (kind in ('seizures', 'totals')),
  mapping jsonb not null,
  updated_by text not null,
  updated_at timestamptz not null default now()
);

create table seizures (
  ${ENVELOPE_COLUMNS},
  seizure_date date not null,
  country text not null references countries (alpha2),
  country_text text not null,
  admin_division text,
  place text,
  latitude double precision check (latitude between -90 and 90),
  longitude double precision check (longitude between -180 and 180),
  drug_code text not null references drugs (code),
  drug_text text not null,
  -- as reported
  quantity numeric not null check (quantity > 0),
  quantity_text text not null,
  unit_code text not null references units (code),
  unit_text text not null,
  -- derived with a named conversion table; null when the unit has no equivalent (kg_note says why)
  kg double precision,
  kg_table text not null references conversion_tables (version),
  kg_note text,
  concealment text,
  installation text,
  transport_mode text,
  routing text,
  -- restricted route fields (alpha-2 codes; the reported text in route_reported)
  producing_countries text[] not null default '{}',
  departure_country text,
  transit_countries text[] not null default '{}',
  destination_country text,
  trafficker_nationalities text[] not null default '{}',
  route_reported jsonb not null default '{}'::jsonb,
  reporting_agency text,
  warnings jsonb not null default '[]'::jsonb,
  -- source: which import, file and row
  import_id uuid references seizure_imports (id),
  source_file text,
  source_row integer,
  -- fingerprint: the n-th record with this content; a re-import finds it and writes nothing
  content_hash text not null,
  content_ordinal integer not null check (content_ordinal >= 1),
  likely_key text not null,
  duplicate_of uuid references seizures (id),
  duplicate_rule text check (duplicate_rule in ('exact', 'likely')),
  check ((duplicate_of is null) = (duplicate_rule is null)),
  unique (content_hash, content_ordinal)
);
create index seizures_likely on seizures (likely_key) where duplicate_of is null;
create index seizures_date on seizures (seizure_date, id);
create index seizures_country_date on seizures (country, seizure_date);
create index seizures_import on seizures (import_id, source_row);
-- Finds rows converted with an older kg table at start without reading the table.
create index seizures_kg_table on seizures (kg_table);

-- Reported totals (World Drug Report annex, annual returns): country, drug, year, as the source gives them.
create table reported_totals (
  id uuid primary key,
  country text not null references countries (alpha2),
  country_text text not null,
  drug_code text not null references drugs (code),
  drug_text text not null,
  year integer not null check (year between 1900 and 2100),
  quantity numeric not null check (quantity >= 0),
  quantity_text text not null,
  unit_code text not null references units (code),
  kg double precision,
  kg_table text not null references conversion_tables (version),
  kg_note text,
  source text not null,
  import_id uuid references seizure_imports (id),
  source_row integer,
  content_hash text not null,
  content_ordinal integer not null check (content_ordinal >= 1),
  duplicate_of uuid references reported_totals (id),
  duplicate_rule text check (duplicate_rule in ('exact')),
  created_at timestamptz not null default now(),
  unique (content_hash, content_ordinal)
);
create index reported_totals_key on reported_totals (country, drug_code, year);
create index reported_totals_import on reported_totals (import_id, source_row);

-- Rollups, written in the transaction of every batch: statistics never scan the seizures table.
-- duplicate = the seizures flagged as duplicates (exact or likely); statistics include or exclude them.
create table seizure_rollups (
  country text not null,
  drug_code text not null,
  month date not null,
  duplicate boolean not null,
  kg double precision not null default 0,
  n bigint not null default 0,
  n_kg bigint not null default 0,
  primary key (country, drug_code, month, duplicate)
);
create index seizure_rollups_month on seizure_rollups (month);
create index seizure_rollups_country_month on seizure_rollups (country, month);

-- Per year: what statistics over whole years read (a twelfth of the monthly rows).
create table seizure_yearly_rollups (
  country text not null,
  drug_code text not null,
  year integer not null,
  duplicate boolean not null,
  kg double precision not null default 0,
  n bigint not null default 0,
  n_kg bigint not null default 0,
  primary key (country, drug_code, year, duplicate)
);

-- Per drug and month, all countries together: time series without a country filter read a fraction of the rows.
create table seizure_drug_monthly_rollups (
  drug_code text not null,
  month date not null,
  duplicate boolean not null,
  kg double precision not null default 0,
  n bigint not null default 0,
  n_kg bigint not null default 0,
  primary key (month, drug_code, duplicate)
);

-- Per day, read only for the partial months at the ends of a mechanism membership.
create table seizure_daily_rollups (
  country text not null,
  drug_code text not null,
  day date not null,
  duplicate boolean not null,
  kg double precision not null default 0,
  n bigint not null default 0,
  n_kg bigint not null default 0,
  primary key (country, day, drug_code, duplicate)
);

-- Departure → destination, for seizures whose both ends are countries.
create table seizure_route_rollups (
  departure text not null,
  destination text not null,
  drug_code text not null,
  month date not null,
  duplicate boolean not null,
  kg double precision not null default 0,
  n bigint not null default 0,
  primary key (departure, destination, drug_code, month, duplicate)
);
`;
