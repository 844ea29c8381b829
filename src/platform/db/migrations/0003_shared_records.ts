// The local outbox of shared-record changes. Every write to a shared record appends its full new state (or a
// tombstone) here in the same transaction; federation reads it in order, filters per partner and signs.
export const sql = `
create table record_changes (
  seq bigserial primary key,
  record_type text not null,
  record_id uuid not null,
  version integer not null check (version >= 1),
  origin text not null,
  handling text not null check (handling in ('H0', 'H1', 'H2', 'H3')),
  handling_text text,
  audience jsonb not null,
  onward_sharing boolean not null,
  record_date date,
  tombstone text check (tombstone in ('retracted', 'access-revoked', 'expired')),
  payload jsonb,
  created_at timestamptz not null default now(),
  unique (record_type, record_id, version),
  check ((tombstone is null) <> (payload is null))
);
create index record_changes_record on record_changes (record_id, version);
`;
