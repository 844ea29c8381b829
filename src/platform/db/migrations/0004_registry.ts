import { ENVELOPE_COLUMNS } from './envelope.js';

// The cooperation registry (src/registry). Every table but registry_files and exchange_rates holds shared records:
// envelope columns first, then the record's own fields. Columns common to the registry's records:
//   source          where a fact came from ({ "file": "<seed or document>", "quote": "..." }), null when entered
//   demo            true for the demonstration data set built from public reporting (src/registry/demo.ts)
//   date_precision  { "<field>": "month" | "year" } for dates known only to the month or year (stored as the 1st)
//   search_key      names in every language, NFKC + lower case, written by the application (search)
// Multilingual free text that is not a name is jsonb { "en": ..., "zh": ..., "ru": ... }.
const COMMON = `
  notes text,
  source jsonb,
  demo boolean not null default false,
  date_precision jsonb not null default '{}'::jsonb,
  search_key text not null default ''`;

const NAMES = `
  name_en text,
  name_zh text,
  name_ru text,
  check (coalesce(name_en, name_zh, name_ru) is not null)`;

export const sql = `
create table agencies (
  ${ENVELOPE_COLUMNS},
  code text not null unique check (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
  country_alpha2 text references countries (alpha2),
  kind text not null check (kind in ('national_bureau', 'law_enforcement', 'ministry', 'government',
    'regional_secretariat', 'international_body', 'other')),
  runs_node boolean not null default false,
  ${COMMON},
  ${NAMES}
);

create table mechanisms (
  ${ENVELOPE_COLUMNS},
  code text not null unique check (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
  kind text not null check (kind in ('multilateral', 'regional', 'bilateral')),
  established_on date,
  dissolved_on date,
  -- [{ "code", "names": {en, zh, ru}, "establishedOn" }]
  working_groups jsonb not null default '[]'::jsonb,
  -- [{ "level", "everyMonths", "since", "label": {en, zh, ru} }]
  cadences jsonb not null default '[]'::jsonb,
  ${COMMON},
  ${NAMES},
  check (dissolved_on is null or established_on is null or dissolved_on > established_on)
);

create table mechanism_memberships (
  ${ENVELOPE_COLUMNS},
  mechanism_id uuid not null references mechanisms (id),
  agency_id uuid not null references agencies (id),
  role text not null check (role in ('member', 'observer', 'dialogue_partner', 'secretariat')),
  joined_on date not null,
  left_on date,
  ${COMMON},
  check (left_on is null or left_on > joined_on)
);
create index mechanism_memberships_at on mechanism_memberships (mechanism_id, role, joined_on);
create index mechanism_memberships_agency on mechanism_memberships (agency_id);

create table agreements (
  ${ENVELOPE_COLUMNS},
  kind text not null check (kind in ('mou', 'memorandum_of_intent', 'agreement', 'protocol', 'convention',
    'action_plan', 'other')),
  mechanism_id uuid references mechanisms (id),
  -- [{ "agency": code } | { "country": alpha2 }, with "role" and optional "joinedOn"]
  parties jsonb not null default '[]'::jsonb,
  signed_on date,
  in_force_on date,
  ended_on date,
  status text not null check (status in ('negotiating', 'signed', 'in_force', 'suspended', 'terminated', 'superseded')),
  scope jsonb not null default '{}'::jsonb,
  place text,
  -- [{ "kind", "title": {en, zh, ru}, "file": sha256 | null, "lang" }]
  documents jsonb not null default '[]'::jsonb,
  ${COMMON},
  ${NAMES},
  check (in_force_on is null or signed_on is null or in_force_on >= signed_on),
  check (ended_on is null or signed_on is null or ended_on >= signed_on)
);

create table meetings (
  ${ENVELOPE_COLUMNS},
  mechanism_id uuid not null references mechanisms (id),
  working_group text,
  level text not null check (level in ('summit', 'ministerial', 'senior_officials', 'heads_of_agency', 'expert',
    'working_group', 'conference', 'other')),
  starts_on date not null,
  ends_on date,
  status text not null default 'held' check (status in ('planned', 'held', 'cancelled')),
  place text,
  country_alpha2 text references countries (alpha2),
  -- [{ "agency": code } | { "country": alpha2 }]
  participants jsonb not null default '[]'::jsonb,
  participant_count integer check (participant_count >= 0),
  documents jsonb not null default '[]'::jsonb,
  ${COMMON},
  ${NAMES},
  check (ends_on is null or ends_on >= starts_on)
);
create index meetings_mechanism on meetings (mechanism_id, level, starts_on);
create index meetings_starts on meetings (starts_on);

create table commitments (
  ${ENVELOPE_COLUMNS},
  meeting_id uuid references meetings (id),
  agreement_id uuid references agreements (id),
  -- agency codes
  owners jsonb not null default '[]'::jsonb,
  due_on date,
  status text not null check (status in ('open', 'in_progress', 'done', 'dropped')),
  -- [{ "status", "on", "by", "note", "evidence": [...] }], oldest first
  status_history jsonb not null default '[]'::jsonb,
  -- [{ "title", "file": sha256 | null, "url" }]
  evidence jsonb not null default '[]'::jsonb,
  ${COMMON},
  ${NAMES},
  check (meeting_id is not null or agreement_id is not null)
);
create index commitments_due on commitments (due_on) where status in ('open', 'in_progress') and retracted_at is null;

create table training_programmes (
  ${ENVELOPE_COLUMNS},
  -- agency codes
  hosts jsonb not null default '[]'::jsonb,
  mechanism_id uuid references mechanisms (id),
  agreement_id uuid references agreements (id),
  starts_on date,
  ends_on date,
  sessions_count integer check (sessions_count >= 0),
  -- [{ "startsOn", "endsOn", "place", "country" }]
  sessions jsonb not null default '[]'::jsonb,
  -- [{ "country": alpha2, "officers": integer | null }]
  participants jsonb not null default '[]'::jsonb,
  officers_total integer check (officers_total >= 0),
  officers_total_is_minimum boolean not null default false,
  ${COMMON},
  ${NAMES},
  check (ends_on is null or starts_on is null or ends_on >= starts_on)
);

create table ad_projects (
  ${ENVELOPE_COLUMNS},
  -- alpha2 codes, at least one; several when a source gives one figure for several countries
  countries jsonb not null,
  region jsonb not null default '{}'::jsonb,
  crops jsonb not null default '[]'::jsonb,
  area_value numeric check (area_value >= 0),
  area_unit text,
  area_as_of date,
  -- [{ "amount", "currency", "on", "donor", "note" }], amounts and currencies as given
  funding jsonb not null default '[]'::jsonb,
  implementers jsonb not null default '[]'::jsonb,
  starts_on date,
  ends_on date,
  -- [{ "label": {en, zh, ru}, "value", "unit", "asOf" }]
  outcomes jsonb not null default '[]'::jsonb,
  ${COMMON},
  ${NAMES},
  check ((area_value is null) = (area_unit is null)),
  check (ends_on is null or starts_on is null or ends_on >= starts_on)
);

-- Rates users enter; totals convert with the rate valid on a date (the latest on or before it). Local to the node.
create table exchange_rates (
  id uuid primary key,
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  to_currency text not null check (to_currency ~ '^[A-Z]{3}$'),
  rate numeric not null check (rate > 0),
  valid_on date not null,
  source text,
  entered_by text not null,
  entered_at timestamptz not null default now(),
  unique (currency, to_currency, valid_on),
  check (currency <> to_currency)
);

-- Uploaded documents, stored content-addressed under <LIAISON_DATA_DIR>/files/sha256/<aa>/<hash>.
create table registry_files (
  sha256 text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
  media_type text not null,
  size_bytes bigint not null check (size_bytes > 0),
  original_name text,
  uploaded_by text not null,
  uploaded_at timestamptz not null default now()
);
`;
