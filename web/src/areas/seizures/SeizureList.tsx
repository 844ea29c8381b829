import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useApiData } from '../../api/useApiData';
import { countryName, formatDate, formatNumber } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { LoadState } from '../../ui/LoadState';
import { PageHeading } from '../../ui/PageHeading';
import type { Table } from './csv';
import { ExportButtons } from './ExportButtons';
import { formatKg } from './format';
import { ListFilterForm } from './ListFilterForm';
import { RULE_NAMES } from './labels';
import type { SeizurePage, SeizureSummary } from './model';
import { filtersFromParams, filtersToParams, type ListFilters, listPath } from './query';
import { codeName, useDrugReference } from './reference';
import { SeizuresNav } from './SeizuresNav';

export const PAGE_SIZE = 50;

/** Seizures newest first, filtered, a page at a time (keyset paging: the node hands out the next page's cursor). */
export default function SeizureList() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const title = t('seizures.list.title');
  return (
    <article className="area seizures" data-area="seizures">
      <PageHeading title={title}>{title}</PageHeading>
      <SeizuresNav />
      <ListFilterForm
        key={params.toString()}
        filters={filters}
        onApply={(f: ListFilters) => setParams(filtersToParams(f))}
      />
      {/* Keyed by the filters: new filters start again at the first page. */}
      <Pages key={params.toString()} filters={filters} />
    </article>
  );
}

function Pages({ filters }: { filters: ListFilters }) {
  const { t } = useTranslation();
  const locale = useLocale();
  // The cursors of the pages seen so far: "previous" goes back one cursor.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors.at(-1) ?? null;
  const page = useApiData<SeizurePage>(listPath(filters, after, PAGE_SIZE));
  const pageNo = cursors.length;
  return (
    <LoadState loadable={page}>
      {(data) => (
        <>
          <p role="status" className="list-range">
            {data.items.length === 0
              ? t('seizures.list.empty')
              : t('seizures.list.page', { page: formatNumber(pageNo, locale), count: data.items.length })}
          </p>
          {data.items.length > 0 && <SeizureTable items={data.items} />}
          {(pageNo > 1 || data.next) && (
            <nav className="pager" aria-label={t('seizures.list.pages')}>
              <button
                type="button"
                className="secondary"
                disabled={pageNo <= 1}
                onClick={() => setCursors((c) => c.slice(0, -1))}
              >
                {t('seizures.list.previous')}
              </button>
              <button
                type="button"
                disabled={!data.next}
                onClick={() => data.next && setCursors((c) => [...c, data.next])}
              >
                {t('seizures.list.next')}
              </button>
            </nav>
          )}
        </>
      )}
    </LoadState>
  );
}

function SeizureTable({ items }: { items: SeizureSummary[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { drugs } = useDrugReference();
  const dup = (s: SeizureSummary) =>
    s.duplicateOf ? t(RULE_NAMES[s.duplicateRule ?? ''] ?? 'seizures.rules.exact') : '';
  const table: Table = {
    name: 'seizures',
    columns: [
      t('seizures.fields.date'),
      t('seizures.fields.country'),
      t('seizures.fields.place'),
      t('seizures.fields.drug'),
      t('seizures.fields.quantity'),
      t('seizures.fields.unit'),
      t('seizures.columns.kg'),
      t('seizures.columns.duplicate'),
    ],
    rows: items.map((s) => [
      s.date,
      countryName(s.country, locale),
      s.place ?? '',
      codeName(s.drug, drugs, locale),
      s.quantity,
      s.unit,
      s.kg,
      dup(s),
    ]),
  };
  return (
    <div className="table-block">
      <div className="table-scroll">
        <table className="data-table" data-testid="seizure-table">
          <caption className="visually-hidden">{t('seizures.list.caption')}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.id} className={s.duplicateOf ? 'row-duplicate' : undefined}>
                <td>
                  <Link to={`/seizures/records/${s.id}`}>{formatDate(s.date, locale)}</Link>
                </td>
                <td>{countryName(s.country, locale)}</td>
                <td>{s.place ?? ''}</td>
                <td>{codeName(s.drug, drugs, locale)}</td>
                <td className="num">{formatNumber(s.quantity, locale)}</td>
                <td>{s.unit}</td>
                <td className="num">{s.kg === null ? '—' : formatKg(s.kg, locale)}</td>
                <td>{dup(s)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ExportButtons table={table} />
    </div>
  );
}
