export const sql = `
create table node_identity (
  singleton boolean primary key default true check (singleton),
  agency_code text not null,
  agency_name text not null,
  country text,
  created_at timestamptz not null default now()
);

create table node_keys (
  id uuid primary key,
  algorithm text not null default 'ed25519' check (algorithm = 'ed25519'),
  public_key text not null,
  fingerprint text not null unique,
  created_at timestamptz not null default now(),
  retired_at timestamptz
);

create table users (
  id uuid primary key,
  username text not null,
  display_name text not null,
  role text not null check (role in ('admin', 'analyst', 'liaison_officer', 'case_officer', 'precursor_officer', 'viewer')),
  password_hash text not null,
  password_change_required boolean not null default false,
  locale text not null default 'en' check (locale in ('en', 'zh-CN', 'ru')),
  disabled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_username_key on users (lower(username));

create table login_failures (
  username_key text primary key,
  failures integer not null,
  last_failure_at timestamptz not null,
  locked_until timestamptz
);

create table sessions (
  id_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user on sessions (user_id);

create table api_tokens (
  id uuid primary key,
  user_id uuid not null references users (id) on delete cascade,
  name text not null,
  secret_hash text not null,
  scopes text[] not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz
);
create index api_tokens_user on api_tokens (user_id);

create table audit_log (
  seq bigint primary key,
  at timestamptz not null,
  actor text not null,
  action text not null,
  target text,
  detail jsonb not null default '{}'::jsonb,
  prev_hash text not null,
  hash text not null
);

-- The newest entry's sequence number and hash, so that removing entries from the end is detected too.
create table audit_head (
  singleton boolean primary key default true check (singleton),
  seq bigint not null,
  hash text not null
);
`;
