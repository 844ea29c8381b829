// Shapes of the federation API answers (src/federation/routes-schemas.ts and routes-*.ts on the server), and the
// small pure helpers the pages share.

export const FEDERATION_API = '/api/v1/federation';

export type Handling = 'H0' | 'H1' | 'H2' | 'H3';
export type Tombstone = 'retracted' | 'access-revoked' | 'expired';
export type PartnerState = 'pending' | 'active' | 'suspended';

export interface Audience {
  agencies: string[];
  mechanisms: string[];
  taskForces: string[];
}

export interface Status {
  agency: string;
  endpoint: string | null;
  pullIntervalSeconds: number;
  keys: { fingerprint: string; createdAt: string; retiredAt: string | null }[];
  encryptionKey: string;
  workers: boolean;
  pendingReevaluations: number;
}

export interface Partner {
  agency: string;
  name: string;
  country: string | null;
  endpoint: string | null;
  state: PartnerState;
  fingerprint: string;
  acceptedAt: string;
  acceptedBy: string;
  confirmedAt: string | null;
  confirmedBy: string | null;
  keys: { fingerprint: string; retiredAt: string | null; source: 'invitation' | 'rotation' }[];
}

export interface QuarantineEntry {
  id: string;
  receivedFrom: string;
  via: string;
  origin: string | null;
  recordId: string | null;
  version: number | null;
  feedPos: number | null;
  reason: string;
  createdAt: string;
  resolvedAt?: string | null;
}

export interface Sync {
  agency: string;
  state: string;
  endpoint: string | null;
  cursor: number;
  head: number;
  lagEntries: number;
  lagSeconds: number | null;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  failures: number;
  applied: number;
  skipped: number;
  quarantined: number;
  notices: number;
  lastNoticeAt: string | null;
  recordsHeld: number;
  recordsSent: number;
  recentQuarantine: QuarantineEntry[];
}

export interface PullReport {
  agency: string;
  applied: number;
  skipped: number;
  quarantined: number;
  cursor: number;
  head: number;
  more: boolean;
}

export interface Invitation {
  invitation: string;
  agency: string;
  fingerprint: string;
  expiresAt: string;
}

export interface ReceivedRecord {
  origin: string;
  id: string;
  type: string | null;
  version: number;
  handling: Handling | null;
  handlingText: string | null;
  audience: Audience | null;
  onwardSharing: boolean;
  recordDate: string | null;
  tombstone: Tombstone | null;
  placeholder: boolean;
  referencedBy: string[];
  receivedFrom: string | null;
  via: 'pull' | 'bundle' | null;
  receivedAt: string;
  contentHash: string | null;
}

export interface ReceivedWithPayload {
  record: ReceivedRecord;
  payload: Record<string, unknown> | null;
}

export interface SharedRow {
  at: string;
  partner: string;
  how: string;
  origin: string;
  type: string;
  id: string;
  version: number;
  kind: string;
  handling: string | null;
}

export interface Policy {
  handling: Handling;
  handlingText: string | null;
  audience: Audience;
  onwardSharing: boolean;
}

export interface TypePolicy {
  type: string;
  description: string;
  readPermission: string;
  declaredDefault: Policy;
  defaultPolicy: Policy;
  overridden: boolean;
}

export interface TaskForce {
  code: string;
  name: string;
  members: { agency: string; joinedOn: string; leftOn: string | null }[];
}

/** The agency key in use: the one not retired. */
export function activeFingerprint(status: Status): string | undefined {
  return status.keys.find((k) => k.retiredAt === null)?.fingerprint;
}

/**
 * A fingerprint as rows of four groups of four hex digits, for reading aloud one row at a time and comparing on
 * paper; whatever spacing or case it came with.
 */
export function fingerprintRows(fingerprint: string): string[] {
  const hex = fingerprint.replace(/[^0-9a-f]/gi, '').toUpperCase();
  const groups = hex.match(/.{1,4}/g) ?? [];
  const rows: string[] = [];
  for (let i = 0; i < groups.length; i += 4) rows.push(groups.slice(i, i + 4).join(' '));
  return rows;
}

/** What a received record is now: content, a tombstone, or a placeholder for a record referenced before it came. */
export function recordState(
  r: Pick<ReceivedRecord, 'placeholder' | 'tombstone'>,
): 'placeholder' | Tombstone | 'content' {
  if (r.placeholder) return 'placeholder';
  return r.tombstone ?? 'content';
}

/** A period chosen as dates (yyyy-mm-dd) turned into the report's instants: from the start of `since` to the end of `until`. */
export function periodQuery(partner: string, since: string, until: string): string {
  const q = new URLSearchParams();
  if (partner) q.set('partner', partner);
  if (since) q.set('since', `${since}T00:00:00.000Z`);
  if (until) {
    const end = new Date(`${until}T00:00:00.000Z`);
    end.setUTCDate(end.getUTCDate() + 1);
    q.set('until', end.toISOString());
  }
  q.set('limit', '10000');
  return q.toString();
}

const csvCell = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  // Quote always: agency names and reasons may hold commas; a leading = + - @ is defused for spreadsheets.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
};

/** The report as CSV (RFC 4180, CRLF), with the given header labels. */
export function sharedCsv(rows: readonly SharedRow[], header: readonly string[]): string {
  const lines = [header.map(csvCell).join(',')];
  for (const r of rows)
    lines.push(
      [r.at, r.partner, r.how, r.origin, r.type, r.id, r.version, r.kind, r.handling].map(csvCell).join(','),
    );
  return `${lines.join('\r\n')}\r\n`;
}

/** What importing a bundle did (ApplySummarySchema). */
export interface ImportSummary {
  from: string;
  count: number;
  applied: number;
  skipped: number;
  quarantined: number;
  placeholders: number;
  reasons: string[];
}
