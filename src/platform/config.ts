import path from 'node:path';

/** Node configuration, read once from the environment and validated before anything starts. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Unset means the embedded PGlite database in `<dataDir>/pgdata`. */
  databaseUrl: string | undefined;
  agencyCode: string;
  agencyName: string;
  agencyCountry: string | undefined;
  adminPassword: string | undefined;
  logLevel: LogLevel;
  bodyLimitBytes: number;
  sessionTtlMinutes: number;
  sessionIdleMinutes: number;
  loginMaxFailures: number;
  cookieSecure: boolean;
  /** Load the registry's demo data set (from public reporting) on a node whose registry is empty. */
  demoData: boolean;
  /** Threads that verify pulled envelopes; unset: one fewer than the machine's cores, 1 to 4. */
  verifyThreads: number | undefined;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

/** One documented variable: the README's configuration table is generated from this list (see docs test). */
export interface VariableDoc {
  name: string;
  default: string;
  description: string;
}

export const VARIABLES: VariableDoc[] = [
  { name: 'PORT', default: '8080', description: 'TCP port of the HTTP server (0 picks a free port).' },
  {
    name: 'HOST',
    default: '127.0.0.1',
    description: 'Address to listen on; 0.0.0.0 to serve other machines.',
  },
  {
    name: 'LIAISON_DATA_DIR',
    default: './data',
    description: 'Data folder: embedded database, agency key, uploaded files.',
  },
  {
    name: 'DATABASE_URL',
    default: '(unset)',
    description: 'PostgreSQL connection string; unset runs the embedded PGlite database in the data folder.',
  },
  {
    name: 'LIAISON_AGENCY_CODE',
    default: 'DEMO',
    description:
      'Code of the agency this node belongs to (A-Z, 0-9, hyphen; 2-32 characters). Fixed once the node is created.',
  },
  {
    name: 'LIAISON_AGENCY_NAME',
    default: 'Demonstration Narcotics Bureau',
    description: 'Name of the agency, shown to users and partners.',
  },
  {
    name: 'LIAISON_AGENCY_COUNTRY',
    default: '(unset)',
    description: "ISO 3166 alpha-2 code of the agency's country.",
  },
  {
    name: 'LIAISON_ADMIN_PASSWORD',
    default: '(unset)',
    description:
      'Password of the first administrator, set non-interactively (at least 12 characters). Unset: a one-time password is printed once.',
  },
  { name: 'LOG_LEVEL', default: 'info', description: `One of ${LOG_LEVELS.join(', ')}.` },
  { name: 'LIAISON_BODY_LIMIT', default: '1048576', description: 'Largest accepted request body, in bytes.' },
  {
    name: 'LIAISON_SESSION_TTL_MINUTES',
    default: '720',
    description: 'A browser session ends this long after sign-in.',
  },
  {
    name: 'LIAISON_SESSION_IDLE_MINUTES',
    default: '60',
    description: 'A browser session ends after this long without a request.',
  },
  {
    name: 'LIAISON_LOGIN_MAX_FAILURES',
    default: '5',
    description: 'Failed sign-ins for one user name before back-off starts.',
  },
  {
    name: 'LIAISON_COOKIE_SECURE',
    default: 'false',
    description: 'Mark session cookies Secure (set true behind HTTPS).',
  },
  {
    name: 'LIAISON_DEMO_DATA',
    default: 'true',
    description:
      'Load the registry demo data (facts from public reporting, marked as demo) on a node whose registry is empty; false to start empty.',
  },
  {
    name: 'LIAISON_VERIFY_THREADS',
    default: '(cores − 1, 1 to 4)',
    description:
      "Threads that verify the signatures of envelopes pulled from partners (1 to 16). A partner's backlog is verified a page per thread at a time.",
  },
];

type Env = Record<string, string | undefined>;

function read(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function integer<F extends number | undefined>(
  env: Env,
  name: string,
  fallback: F,
  min: number,
  max: number,
): number | F {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max)
    throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = read(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function databaseUrl(env: Env): string | undefined {
  const raw = read(env, 'DATABASE_URL');
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', 'is not a valid URL (expected postgres://user@host:5432/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(
      'DATABASE_URL',
      `must start with postgres:// or postgresql://, got "${url.protocol}//"`,
    );
  }
  return raw;
}

export const AGENCY_CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{1,31}$/;

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const agencyCode = read(env, 'LIAISON_AGENCY_CODE') ?? 'DEMO';
  if (!AGENCY_CODE_PATTERN.test(agencyCode)) {
    throw new ConfigError(
      'LIAISON_AGENCY_CODE',
      `must be 2-32 characters of A-Z, 0-9 and hyphen, got "${agencyCode}"`,
    );
  }
  const agencyCountry = read(env, 'LIAISON_AGENCY_COUNTRY')?.toUpperCase();
  if (agencyCountry !== undefined && !/^[A-Z]{2}$/.test(agencyCountry)) {
    throw new ConfigError(
      'LIAISON_AGENCY_COUNTRY',
      `must be an ISO 3166 alpha-2 code such as CN, got "${agencyCountry}"`,
    );
  }
  const adminPassword = env.LIAISON_ADMIN_PASSWORD === '' ? undefined : env.LIAISON_ADMIN_PASSWORD;
  if (adminPassword !== undefined && adminPassword.length < 12) {
    throw new ConfigError('LIAISON_ADMIN_PASSWORD', 'must be at least 12 characters long');
  }
  const logLevel = (read(env, 'LOG_LEVEL') ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  const host = read(env, 'HOST') ?? '127.0.0.1';
  const agencyName = read(env, 'LIAISON_AGENCY_NAME') ?? 'Demonstration Narcotics Bureau';
  if (agencyName.length > 200) throw new ConfigError('LIAISON_AGENCY_NAME', 'must be at most 200 characters');
  return {
    port: integer(env, 'PORT', 8080, 0, 65535),
    host,
    dataDir: path.resolve(cwd, read(env, 'LIAISON_DATA_DIR') ?? './data'),
    databaseUrl: databaseUrl(env),
    agencyCode,
    agencyName,
    agencyCountry,
    adminPassword,
    logLevel: logLevel as LogLevel,
    bodyLimitBytes: integer(env, 'LIAISON_BODY_LIMIT', 1_048_576, 1024, 1_073_741_824),
    sessionTtlMinutes: integer(env, 'LIAISON_SESSION_TTL_MINUTES', 720, 1, 43_200),
    sessionIdleMinutes: integer(env, 'LIAISON_SESSION_IDLE_MINUTES', 60, 1, 43_200),
    loginMaxFailures: integer(env, 'LIAISON_LOGIN_MAX_FAILURES', 5, 1, 100),
    cookieSecure: boolean(env, 'LIAISON_COOKIE_SECURE', false),
    demoData: boolean(env, 'LIAISON_DEMO_DATA', true),
    verifyThreads: integer(env, 'LIAISON_VERIFY_THREADS', undefined, 1, 16),
  };
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    // The PostgreSQL client also takes passwords as query parameters (?password=, ?sslpassword=).
    for (const name of [...parsed.searchParams.keys()]) {
      if (name.toLowerCase().includes('password')) parsed.searchParams.set(name, '***');
    }
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
