import type { ParseKeys } from 'i18next';
import type { Locale, Problem } from '../../api/types';

// Shapes of the registry API (src/registry/kinds/*.ts and views-routes.ts on the server) that the pages read.

export const REGISTRY_API = '/api/v1/registry';

export interface Names {
  en: string | null;
  zh: string | null;
  ru: string | null;
}

/** Any registry record: the common fields, and the kind's own fields as they come. */
export interface RegistryRecord {
  id: string;
  version: number;
  names?: Names;
  code?: string;
  demo: boolean;
  source: { file: string; quote: string } | null;
  notes: string | null;
  [field: string]: unknown;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface Summary {
  on: string;
  counts: Record<string, { total: number; demo: number }>;
  demoData: boolean;
}

export interface SearchHit {
  kind: string;
  path: string;
  id: string;
  code: string | null;
  names: Names;
  demo: boolean;
}

export interface OverdueCommitment {
  id: string;
  names: Names;
  owners: string[];
  dueOn: string;
  status: string;
  daysOverdue: number;
  demo: boolean;
}

export interface UpcomingAnswer {
  from: string;
  to: string;
  recorded: {
    id: string;
    mechanism: string;
    level: string;
    on: string;
    endsOn: string | null;
    status: string;
    names: Names;
    place: string | null;
  }[];
  projected: { mechanism: string; level: string; on: string; workingGroup?: string | null }[];
}

export interface MembersAnswer {
  mechanism: string;
  at: string;
  members: string[];
  roles: { agency: string; role: string; joinedOn: string; leftOn: string | null }[];
}

export interface TimelineAnswer {
  mechanism: string;
  agencies: { agency: string; periods: { role: string; joinedOn: string; leftOn: string | null }[] }[];
  steps: { on: string; joined: string[]; left: string[]; members: string[] }[];
}

export interface TrainingTotals {
  rows: {
    countries: string;
    year: number | null;
    officers: number;
    isMinimum: boolean;
    programmes: number;
  }[];
}

export interface KindInfo {
  /** URL segment, the same on the server and in the app. */
  path: string;
  title: ParseKeys;
}

// Written out key by key so scripts/check-i18n.ts sees every key.
export const KINDS: readonly KindInfo[] = [
  { path: 'agencies', title: 'registry.kinds.agencies' },
  { path: 'mechanisms', title: 'registry.kinds.mechanisms' },
  { path: 'memberships', title: 'registry.kinds.memberships' },
  { path: 'agreements', title: 'registry.kinds.agreements' },
  { path: 'meetings', title: 'registry.kinds.meetings' },
  { path: 'commitments', title: 'registry.kinds.commitments' },
  { path: 'training', title: 'registry.kinds.training' },
  { path: 'ad-projects', title: 'registry.kinds.adProjects' },
];

export function kindByPath(path: string | undefined): KindInfo | undefined {
  return KINDS.find((k) => k.path === path);
}

export const MEETING_LEVELS = [
  'summit',
  'ministerial',
  'senior_officials',
  'heads_of_agency',
  'expert',
  'working_group',
  'conference',
  'other',
] as const;
export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export const COMMITMENT_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;

export const LEVEL_NAMES: Record<string, ParseKeys> = {
  summit: 'registry.levels.summit',
  ministerial: 'registry.levels.ministerial',
  senior_officials: 'registry.levels.senior_officials',
  heads_of_agency: 'registry.levels.heads_of_agency',
  expert: 'registry.levels.expert',
  working_group: 'registry.levels.working_group',
  conference: 'registry.levels.conference',
  other: 'registry.levels.other',
};
export const MEETING_STATUS_NAMES: Record<string, ParseKeys> = {
  planned: 'registry.meetingStatus.planned',
  held: 'registry.meetingStatus.held',
  cancelled: 'registry.meetingStatus.cancelled',
};
export const COMMITMENT_STATUS_NAMES: Record<string, ParseKeys> = {
  open: 'registry.commitmentStatus.open',
  in_progress: 'registry.commitmentStatus.in_progress',
  done: 'registry.commitmentStatus.done',
  dropped: 'registry.commitmentStatus.dropped',
};
export const ROLE_NAMES: Record<string, ParseKeys> = {
  member: 'registry.memberRoles.member',
  observer: 'registry.memberRoles.observer',
  dialogue_partner: 'registry.memberRoles.dialogue_partner',
  secretariat: 'registry.memberRoles.secretariat',
};

/** The record's name in the user's language, else in another, else its code. */
export function nameIn(names: Names | undefined | null, locale: Locale, fallback = ''): string {
  if (!names) return fallback;
  const own = locale === 'zh-CN' ? names.zh : locale === 'ru' ? names.ru : names.en;
  return own ?? names.en ?? names.zh ?? names.ru ?? fallback;
}

/** A record's title: its name in the user's language, or its code, or what it is between. */
export function recordTitle(record: RegistryRecord, locale: Locale): string {
  const name = nameIn(record.names, locale);
  if (name) return name;
  if (typeof record.code === 'string') return record.code;
  if (typeof record.agency === 'string' && typeof record.mechanism === 'string')
    return `${record.agency} · ${record.mechanism}`;
  return record.id;
}

/**
 * The node's field errors by field, as the form names its fields: "/body/startsOn" → "startsOn",
 * "/body/names/en" → "names/en". Errors without a field the form shows are returned under "".
 */
export function errorsByField(
  problem: Problem | undefined,
  fields: readonly string[],
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const error of problem?.errors ?? []) {
    const path = error.path.replace(/^\/body\/?/, '');
    const field = fields.find((f) => path === f || path.startsWith(`${f}/`)) ?? '';
    out[field] = [...(out[field] ?? []), error.message];
  }
  return out;
}

/** The page of a list as offsets: where it starts and ends (1-based) and whether there are pages before and after. */
export function pageWindow(total: number, limit: number, offset: number) {
  const from = total === 0 ? 0 : Math.min(offset + 1, total);
  const to = Math.min(offset + limit, total);
  return {
    from,
    to,
    previous: offset > 0 ? Math.max(0, offset - limit) : null,
    next: offset + limit < total ? offset + limit : null,
  };
}

/** Where a timeline bar starts and how wide it is, as percentages of [first, last]. */
export function timelineBar(
  joinedOn: string,
  leftOn: string | null,
  first: string,
  last: string,
): { left: number; width: number } {
  const t = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  const span = Math.max(1, t(last) - t(first));
  const start = Math.max(0, (t(joinedOn) - t(first)) / span);
  const end = Math.min(1, (t(leftOn ?? last) - t(first)) / span);
  return { left: start * 100, width: Math.max(0.5, (end - start) * 100) };
}

/** Today as YYYY-MM-DD (UTC, as the node counts days). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
