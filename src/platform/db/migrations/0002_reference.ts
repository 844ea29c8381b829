// Reference data tables. Their rows are loaded (upserted) on start by src/reference/load.ts from data that ships
// with the code, so a correction to an alias or a synonym needs no migration.
export const sql = `
create table m49_areas (
  code text primary key,
  level text not null check (level in ('world', 'region', 'sub-region', 'intermediate-region')),
  parent_code text references m49_areas (code),
  name_en text not null,
  name_zh text not null,
  name_ru text not null
);

create table countries (
  alpha2 text primary key check (alpha2 ~ '^[A-Z]{2}$'),
  alpha3 text not null unique check (alpha3 ~ '^[A-Z]{3}$'),
  numeric_code text unique check (numeric_code ~ '^[0-9]{3}$'),
  m49_code text,
  region_code text references m49_areas (code),
  subregion_code text references m49_areas (code),
  intermediate_region_code text references m49_areas (code),
  name_en text not null,
  name_zh text not null,
  name_ru text not null,
  official_name_en text,
  official_name_zh text,
  official_name_ru text,
  independent boolean
);

-- Values that real files put in a country column but that are not one country.
create table non_country_values (
  code text primary key,
  name_en text not null,
  name_zh text not null,
  name_ru text not null
);

-- Names real files use, normalised (lower case, accents and punctuation folded) into alias_key.
create table country_aliases (
  alias_key text primary key,
  alias text not null,
  country_alpha2 text references countries (alpha2),
  non_country_code text references non_country_values (code),
  note text,
  check ((country_alpha2 is null) <> (non_country_code is null))
);

create table drug_groups (
  code text primary key,
  parent_code text references drug_groups (code),
  name_en text not null,
  name_zh text not null,
  name_ru text not null
);

create table drugs (
  code text primary key,
  group_code text not null references drug_groups (code),
  name_en text not null,
  name_zh text not null,
  name_ru text not null
);

create table drug_synonyms (
  synonym_key text primary key,
  synonym text not null,
  lang text not null,
  drug_code text not null references drugs (code)
);

create table units (
  code text primary key,
  dimension text not null check (dimension in ('mass', 'volume', 'count', 'area')),
  name_en text not null,
  name_zh text not null,
  name_ru text not null
);

create table unit_aliases (
  alias_key text primary key,
  alias text not null,
  unit_code text not null references units (code)
);

-- A named, versioned kg-equivalent table; a published version is never changed, a correction is a new version.
create table conversion_tables (
  version text primary key,
  name text not null,
  description text not null,
  published_on date not null,
  is_current boolean not null default false
);
create unique index conversion_tables_one_current on conversion_tables (is_current) where is_current;

create table unit_conversions (
  table_version text not null references conversion_tables (version),
  unit_code text not null references units (code),
  drug_code text not null default '' ,
  kg_equivalent numeric not null check (kg_equivalent > 0),
  basis text not null,
  primary key (table_version, unit_code, drug_code)
);

create table reference_data_state (
  singleton boolean primary key default true check (singleton),
  content_hash text not null,
  loaded_at timestamptz not null default now()
);
`;
