import { ENVELOPE_COLUMNS } from './envelope.js';

// Federation (src/federation, docs/federation.md): partners and their keys, this node's key-rotation statements,
// the sealed (signed) envelopes and the per-partner feed built from the outbox `record_changes`, what each partner
// was last sent (the basis of revocations), what this node received from others, quarantine, replay nonces, task
// forces, per-type default sharing policies, re-share grants, and the demonstration record type `intel.note`.
export const sql = `
-- The outbox is read in commit order. Every statement that appends to it first takes a shared advisory lock (held
-- to its commit); the dispatcher briefly takes the same lock exclusively to learn the highest sequence number whose
-- transaction is over, and reads only up to it, so a change committed late is never skipped by the cursor.
create function federation_outbox_fence() returns trigger language plpgsql as $$
begin
  perform pg_advisory_xact_lock_shared(4716007);
  return null;
end
$$;
create trigger record_changes_fence before insert on record_changes
  for each statement execute function federation_outbox_fence();
create index record_changes_audience on record_changes (record_id, version desc) include (audience);

create table federation_settings (
  singleton boolean primary key default true check (singleton),
  endpoint text,
  pull_interval_seconds integer not null default 300 check (pull_interval_seconds between 5 and 86400),
  dispatch_seq bigint not null default 0,
  updated_at timestamptz not null default now()
);
insert into federation_settings (singleton) values (true);

-- X25519 key for bundles encrypted to this node (the private half is in <dataDir>/keys/agency-x25519.pem).
create table federation_encryption_key (
  singleton boolean primary key default true check (singleton),
  public_key text not null,
  created_at timestamptz not null default now()
);

-- Statements "key A was replaced by key B at T", signed by both keys; served to partners so they follow rotations.
create table federation_key_statements (
  seq bigserial primary key,
  previous_fingerprint text not null unique,
  next_fingerprint text not null unique,
  statement jsonb not null,
  created_at timestamptz not null default now()
);

create table federation_partners (
  id uuid primary key,
  agency_code text not null unique check (agency_code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
  agency_name text not null,
  country text,
  endpoint text,
  encryption_key text,
  state text not null check (state in ('pending', 'active', 'suspended')),
  card_fingerprint text not null,
  accepted_at timestamptz not null default now(),
  accepted_by text not null,
  confirmed_at timestamptz,
  confirmed_by text,
  updated_at timestamptz not null default now()
);

create table federation_partner_keys (
  partner_id uuid not null references federation_partners (id) on delete cascade,
  fingerprint text not null,
  public_key text not null,
  valid_from timestamptz,
  retired_at timestamptz,
  source text not null check (source in ('invitation', 'rotation')),
  created_at timestamptz not null default now(),
  primary key (partner_id, fingerprint)
);

-- One sealed envelope: a local change (kind 'change', sealed once), the same version sealed again for a partner
-- whose access came back ('reissue'), a revocation for partners that lost access, or a received envelope this node
-- relays under a re-share grant. The signed envelope is kept as its JSON text, served as it is.
create table federation_envelopes (
  id bigserial primary key,
  kind text not null check (kind in ('change', 'reissue', 'revocation', 'relay')),
  change_seq bigint unique,
  origin text not null,
  record_type text not null,
  record_id uuid not null,
  version integer not null,
  tombstone text,
  handling text,
  audience jsonb,
  envelope text not null,
  content_hash text not null,
  created_at timestamptz not null default now()
);
create index federation_envelopes_record on federation_envelopes (origin, record_id, version);

-- The ordered feed of each partner: positions only grow; one writer (the dispatcher) appends under a lock.
create table federation_feed (
  pos bigserial primary key,
  partner_id uuid not null references federation_partners (id) on delete cascade,
  envelope_id bigint not null references federation_envelopes (id),
  created_at timestamptz not null default now()
);
create index federation_feed_partner on federation_feed (partner_id, pos);

-- What each partner was last sent of each record: the egress re-evaluation compares it with what it may have now.
create table federation_sent (
  partner_id uuid not null references federation_partners (id) on delete cascade,
  origin text not null,
  record_id uuid not null,
  version integer not null,
  state text not null check (state in ('content', 'access-revoked', 'retracted', 'expired')),
  updated_at timestamptz not null default now(),
  primary key (partner_id, origin, record_id)
);
create index federation_sent_record on federation_sent (record_id);

-- Re-evaluations the dispatcher owes: a partner became active, a mechanism's or task force's membership changed,
-- a re-share was granted or a re-shared record changed. Paged by record id so that a large backlog never needs
-- one huge transaction.
create table federation_reconcile (
  id bigserial primary key,
  scope jsonb not null,
  after_record uuid,
  created_at timestamptz not null default now()
);

create table federation_sync (
  partner_id uuid primary key references federation_partners (id) on delete cascade,
  cursor bigint not null default 0,
  head bigint not null default 0,
  last_attempt_at timestamptz,
  last_success_at timestamptz,
  last_error text,
  last_error_at timestamptz,
  failures integer not null default 0,
  applied bigint not null default 0,
  skipped bigint not null default 0,
  quarantined bigint not null default 0,
  notices bigint not null default 0,
  last_notice_at timestamptz
);

-- Records received from other nodes. version 0 is a placeholder: a record referenced before it arrived.
create table federation_received (
  origin text not null,
  record_id uuid not null,
  record_type text,
  version integer not null check (version >= 0),
  handling text,
  handling_text text,
  audience jsonb,
  onward_sharing boolean not null default false,
  record_date date,
  tombstone text check (tombstone in ('retracted', 'access-revoked', 'expired')),
  payload jsonb,
  -- The signed envelope as received (JSON text; for a tombstone, the tombstone: the content is gone).
  envelope text,
  issued_at text,
  content_hash text,
  received_from text,
  via text check (via in ('pull', 'bundle')),
  referenced_by jsonb not null default '[]'::jsonb,
  first_received_at timestamptz not null default now(),
  received_at timestamptz not null default now(),
  primary key (origin, record_id)
);
create index federation_received_type on federation_received (record_type, origin);
create index federation_received_record on federation_received (record_id);

create table federation_quarantine (
  id uuid primary key,
  received_from text not null,
  via text not null check (via in ('pull', 'bundle')),
  origin text,
  record_id text,
  version integer,
  feed_pos bigint,
  reason text not null,
  envelope jsonb,
  created_at timestamptz not null default now(),
  resolved_at timestamptz
);
create index federation_quarantine_from on federation_quarantine (received_from, created_at);

create table federation_nonces (
  agency_code text not null,
  nonce text not null,
  expires_at timestamptz not null,
  primary key (agency_code, nonce)
);
create index federation_nonces_expiry on federation_nonces (expires_at);

create table federation_task_forces (
  code text primary key check (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
  name text not null,
  created_at timestamptz not null default now()
);
create table federation_task_force_members (
  task_force_code text not null references federation_task_forces (code) on delete cascade,
  agency_code text not null,
  joined_on date not null,
  left_on date,
  primary key (task_force_code, agency_code, joined_on),
  check (left_on is null or left_on > joined_on)
);

create table federation_type_defaults (
  record_type text primary key,
  handling text not null check (handling in ('H0', 'H1', 'H2', 'H3')),
  handling_text text check (handling <> 'H3' or handling_text is not null),
  audience jsonb not null,
  onward_sharing boolean not null,
  updated_at timestamptz not null default now(),
  updated_by text not null
);

-- Grants to pass on a received record (allowed only when its origin allowed onward sharing under H0/H1).
create table federation_reshares (
  origin text not null,
  record_id uuid not null,
  to_agency text not null,
  created_at timestamptz not null default now(),
  created_by text not null,
  primary key (origin, record_id, to_agency)
);

-- The demonstration record type intel.note: a short message that may refer to another record.
create table federation_notes (
  ${ENVELOPE_COLUMNS},
  record_date date,
  subject text not null,
  body text not null,
  refers_to_origin text,
  refers_to_id uuid
);
`;
