import type { SeriesAnswer, StatsRow } from './model';

export type Grain = 'month' | 'year';

/** One time series of kilograms: the months as the node gives them, or summed into calendar years. */
export function seriesPoints(answer: SeriesAnswer, grain: Grain): { labels: string[]; kg: number[] } {
  const kg = answer.months.map((_, i) => answer.series.reduce((sum, s) => sum + (s.kg[i] ?? 0), 0));
  if (grain === 'month') return { labels: answer.months, kg };
  const years = new Map<string, number>();
  answer.months.forEach((month, i) => {
    const year = month.slice(0, 4);
    years.set(year, (years.get(year) ?? 0) + (kg[i] ?? 0));
  });
  return { labels: [...years.keys()], kg: [...years.values()] };
}

/** The rows with the most kilograms, largest first, keyed by one dimension. */
export function topBy(
  rows: readonly StatsRow[],
  key: string,
  n: number,
): { key: string; kg: number; count: number }[] {
  return rows
    .map((r) => ({ key: String(r.keys[key] ?? ''), kg: r.kg, count: r.count }))
    .filter((r) => r.key !== '')
    .sort((a, b) => b.kg - a.kg || b.count - a.count)
    .slice(0, n);
}

/** Whether a drug belongs to a group, directly or through a sub-group. */
export function inGroup(
  drugGroup: string,
  group: string,
  groups: readonly { code: string; parentCode: string | null }[],
): boolean {
  if (drugGroup === group) return true;
  const parent = groups.find((g) => g.code === drugGroup)?.parentCode;
  return parent ? inGroup(parent, group, groups) : false;
}

/**
 * Routes as a two-column flow: departures on the left (`d:XX`), destinations on the right (`t:XX`). Keeping a
 * country's two roles apart keeps the graph acyclic (A → B and B → A are both common), which a Sankey needs.
 */
export function flowOf(rows: readonly { departure: string; destination: string; kg: number }[]): {
  nodes: string[];
  links: { source: string; target: string; value: number }[];
} {
  const links = rows
    .filter((r) => r.kg > 0)
    .map((r) => ({ source: `d:${r.departure}`, target: `t:${r.destination}`, value: r.kg }));
  const nodes = [...new Set(links.flatMap((l) => [l.source, l.target]))];
  return { nodes, links };
}
