import { SEIZURES_API } from './model';

export type DuplicateChoice = 'include' | 'exclude' | 'only';

/** The list's filters as the page keeps them in its address (so a filtered list can be bookmarked and shared). */
export interface ListFilters {
  country: string;
  drug: string;
  year: string;
  from: string;
  to: string;
  duplicates: DuplicateChoice;
  importId: string;
}

export const EMPTY_FILTERS: ListFilters = {
  country: '',
  drug: '',
  year: '',
  from: '',
  to: '',
  duplicates: 'include',
  importId: '',
};

const DUPLICATE_CHOICES: readonly string[] = ['include', 'exclude', 'only'];

export function filtersFromParams(params: URLSearchParams): ListFilters {
  const duplicates = params.get('duplicates') ?? 'include';
  return {
    country: params.get('country') ?? '',
    drug: params.get('drug') ?? '',
    year: params.get('year') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    duplicates: DUPLICATE_CHOICES.includes(duplicates) ? (duplicates as DuplicateChoice) : 'include',
    importId: params.get('importId') ?? '',
  };
}

/** The address parameters of the filters, leaving out what is at its default. */
export function filtersToParams(f: ListFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(f)) {
    if (value && value !== EMPTY_FILTERS[key as keyof ListFilters]) out[key] = value;
  }
  return out;
}

/** The period asked for: explicit dates win; a year alone stands for its whole calendar year. */
export function period(f: ListFilters): { from?: string; to?: string } {
  const year = /^\d{4}$/.test(f.year) ? f.year : '';
  const from = f.from || (year ? `${year}-01-01` : '');
  const to = f.to || (year ? `${year}-12-31` : '');
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** GET /api/v1/seizures for the filters and the keyset cursor of the page. */
export function listPath(f: ListFilters, after: string | null, limit: number): string {
  const q = new URLSearchParams({ limit: String(limit), duplicates: f.duplicates });
  const country = f.country.trim().toUpperCase();
  if (/^[A-Z]{2}$/.test(country)) q.set('countries', country);
  if (f.drug) q.set('drugs', f.drug);
  const { from, to } = period(f);
  if (from) q.set('from', from);
  if (to) q.set('to', to);
  if (f.importId) q.set('importId', f.importId);
  if (after) q.set('after', after);
  return `${SEIZURES_API}?${q}`;
}

/** Dashboard filters: the statistics endpoints take months and comma-separated codes. */
export interface StatsFilters {
  drugGroup: string;
  drug: string;
  year: string;
  duplicates: 'include' | 'exclude';
}

export const EMPTY_STATS: StatsFilters = { drugGroup: '', drug: '', year: '', duplicates: 'exclude' };

export function statsFromParams(params: URLSearchParams): StatsFilters {
  return {
    drugGroup: params.get('drugGroup') ?? '',
    drug: params.get('drug') ?? '',
    year: /^\d{4}$/.test(params.get('year') ?? '') ? (params.get('year') as string) : '',
    duplicates: params.get('duplicates') === 'include' ? 'include' : 'exclude',
  };
}

export function statsQuery(f: StatsFilters, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({ duplicates: f.duplicates });
  if (f.drugGroup) q.set('drugGroups', f.drugGroup);
  if (f.drug) q.set('drugs', f.drug);
  if (f.year) {
    q.set('from', `${f.year}-01`);
    q.set('to', `${f.year}-12`);
  }
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}

/** The reconciliation endpoint takes years and has no drug-group filter. */
export function reconciliationQuery(f: StatsFilters, limit: number): string {
  const q = new URLSearchParams({ duplicates: f.duplicates, limit: String(limit) });
  if (f.drug) q.set('drugs', f.drug);
  if (f.year) {
    q.set('fromYear', f.year);
    q.set('toYear', f.year);
  }
  return q.toString();
}
