import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  type AriaComponentOption,
  GridComponent,
  type GridComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiData } from '../../api/useApiData';
import { useLocale } from '../../i18n/useLocale';
import { LoadState } from '../../ui/LoadState';
import { DataTable } from './DataTable';
import { topBy } from './dashboardModel';
import { formatKg } from './format';
import { SEIZURES_API, type StatsRow } from './model';
import { type StatsFilters, statsQuery } from './query';
import { codeName, useDrugReference } from './reference';
import { useChart } from './useChart';

use([BarChart, GridComponent, TooltipComponent, AriaComponent, SVGRenderer]);

type Option = ComposeOption<
  BarSeriesOption | GridComponentOption | TooltipComponentOption | AriaComponentOption
>;

const TOP = 12;

/** The drugs with the most kilograms seized, as bars and as a table. */
export function TopDrugs({ filters }: { filters: StatsFilters }) {
  const { t } = useTranslation();
  const id = useId();
  const totals = useApiData<{ rows: StatsRow[] }>(
    `${SEIZURES_API}/stats/totals?${statsQuery(filters, { by: 'drug' })}`,
  );
  return (
    <section className="card chart-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('seizures.dashboard.topDrugs')}</h2>
      <LoadState loadable={totals}>
        {(data) =>
          data.rows.length === 0 ? <p>{t('seizures.dashboard.empty')}</p> : <DrugBars rows={data.rows} />
        }
      </LoadState>
    </section>
  );
}

function DrugBars({ rows }: { rows: StatsRow[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { drugs } = useDrugReference();
  const top = useMemo(() => topBy(rows, 'drug', TOP), [rows]);
  const names = useMemo(() => top.map((r) => codeName(r.key, drugs, locale)), [top, drugs, locale]);
  const caption = t('seizures.dashboard.topDrugsCaption');
  const option = useMemo<Option>(
    () => ({
      animation: false,
      aria: { enabled: true, label: { description: caption } },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item', valueFormatter: (v) => `${formatKg(Number(v), locale)} kg` },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatKg(v, locale) } },
      yAxis: {
        type: 'category',
        data: [...names].reverse(),
        axisLabel: { width: 140, overflow: 'truncate' },
      },
      series: [
        { type: 'bar', name: 'kg', data: top.map((r) => r.kg).reverse(), itemStyle: { color: '#0b5cad' } },
      ],
    }),
    [top, names, caption, locale],
  );
  const ref = useChart(option);
  return (
    <figure>
      <div
        ref={ref}
        className="seizure-chart"
        style={{ height: `${Math.max(160, top.length * 28 + 40)}px` }}
        data-testid="drugs-chart"
      />
      <figcaption>{caption}</figcaption>
      <DataTable
        caption={caption}
        table={{
          name: 'top-drugs',
          columns: [t('seizures.fields.drug'), t('seizures.columns.kg'), t('seizures.columns.count')],
          rows: top.map((r, i) => [names[i] ?? r.key, r.kg, r.count]),
        }}
        render={(v, col) => (col === 1 && typeof v === 'number' ? formatKg(v, locale) : undefined)}
      />
    </figure>
  );
}
