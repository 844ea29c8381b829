/** Shapes and pure grouping of GET /api/v1/registry/ad-projects/totals (src/registry/totals.ts AdRow). */

export interface AdRow {
  /** An alpha-2 code, or several joined by "+" when the source gives one figure for them together. */
  countries: string;
  year: number | null;
  hectares: number;
  /** Funding in each original currency, as given. */
  funding: Record<string, number>;
  isMinimum: boolean;
  projects: number;
}

export interface AdTotals {
  currency: string | null;
  rows: AdRow[];
}

export interface CountryYears {
  countries: string;
  hectares: number;
  funding: Record<string, number>;
  years: AdRow[];
}

/** Rows gathered by country (over all years), largest area first, each with its rows by year. */
export function byCountry(rows: readonly AdRow[]): CountryYears[] {
  const by = new Map<string, CountryYears>();
  for (const row of rows) {
    const c = by.get(row.countries) ?? { countries: row.countries, hectares: 0, funding: {}, years: [] };
    c.hectares += row.hectares;
    for (const [currency, amount] of Object.entries(row.funding))
      c.funding[currency] = (c.funding[currency] ?? 0) + amount;
    c.years.push(row);
    by.set(row.countries, c);
  }
  return [...by.values()].sort((a, b) => b.hectares - a.hectares || a.countries.localeCompare(b.countries));
}

/**
 * The currency most of the funding is given in: the chart shows that one only, since amounts in different
 * currencies cannot share an axis without rates; the table lists them all as given.
 */
export function mainCurrency(rows: readonly AdRow[]): string | null {
  const count = new Map<string, number>();
  for (const row of rows)
    for (const currency of Object.keys(row.funding)) count.set(currency, (count.get(currency) ?? 0) + 1);
  return [...count.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}
