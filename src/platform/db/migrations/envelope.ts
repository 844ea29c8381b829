/**
 * Columns every shared-record table carries from its first migration (ARCHITECTURE.md, "Every shared record is an
 * envelope"). The id is a UUIDv7 made by the application; local serial ids never go on the wire.
 */
export const ENVELOPE_COLUMNS = `
  id uuid primary key,
  origin text not null,
  version integer not null default 1 check (version >= 1),
  handling text not null default 'H2' check (handling in ('H0', 'H1', 'H2', 'H3')),
  handling_text text check (handling <> 'H3' or handling_text is not null),
  audience jsonb not null default '{"agencies": [], "mechanisms": [], "taskForces": []}'::jsonb,
  onward_sharing boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  retracted_at timestamptz`;

export const ENVELOPE_COLUMN_NAMES = [
  'id',
  'origin',
  'version',
  'handling',
  'handling_text',
  'audience',
  'onward_sharing',
  'created_at',
  'updated_at',
  'retracted_at',
] as const;
