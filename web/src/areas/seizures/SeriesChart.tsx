import { BarChart, type BarSeriesOption, LineChart, type LineSeriesOption } from 'echarts/charts';
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
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiData } from '../../api/useApiData';
import { useLocale } from '../../i18n/useLocale';
import { LoadState } from '../../ui/LoadState';
import { DataTable } from './DataTable';
import { type Grain, seriesPoints } from './dashboardModel';
import { formatKg, formatMonth } from './format';
import { SEIZURES_API, type SeriesAnswer } from './model';
import { type StatsFilters, statsQuery } from './query';
import { useChart } from './useChart';

use([LineChart, BarChart, GridComponent, TooltipComponent, AriaComponent, SVGRenderer]);

type Option = ComposeOption<
  LineSeriesOption | BarSeriesOption | GridComponentOption | TooltipComponentOption | AriaComponentOption
>;

/** Kilogram equivalents by month or by year over the period with seizures. */
export function SeriesChart({ filters }: { filters: StatsFilters }) {
  const { t } = useTranslation();
  const id = useId();
  const [grain, setGrain] = useState<Grain>('month');
  const series = useApiData<SeriesAnswer>(`${SEIZURES_API}/stats/series?${statsQuery(filters)}`);
  return (
    <section className="card chart-card wide" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('seizures.dashboard.series')}</h2>
      <fieldset className="grain-choice">
        <legend>{t('seizures.dashboard.grain')}</legend>
        {(['month', 'year'] as const).map((g) => (
          <label key={g}>
            <input type="radio" name={`${id}-grain`} checked={grain === g} onChange={() => setGrain(g)} />
            {g === 'month' ? t('seizures.dashboard.monthly') : t('seizures.dashboard.yearly')}
          </label>
        ))}
      </fieldset>
      <LoadState loadable={series}>
        {(data) =>
          data.months.length === 0 ? (
            <p>{t('seizures.dashboard.empty')}</p>
          ) : (
            <SeriesView data={data} grain={grain} />
          )
        }
      </LoadState>
    </section>
  );
}

function SeriesView({ data, grain }: { data: SeriesAnswer; grain: Grain }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const points = useMemo(() => seriesPoints(data, grain), [data, grain]);
  const label = (l: string) => (grain === 'month' ? formatMonth(l, locale) : l);
  const caption = t('seizures.dashboard.seriesCaption');
  const option = useMemo<Option>(
    () => ({
      animation: false,
      aria: { enabled: true, label: { description: caption } },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v) => `${formatKg(Number(v), locale)} kg` },
      xAxis: {
        type: 'category',
        data: points.labels.map((l) => (grain === 'month' ? formatMonth(l, locale) : l)),
      },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatKg(v, locale) } },
      series: [
        grain === 'month'
          ? { type: 'line', name: 'kg', data: points.kg, showSymbol: false, itemStyle: { color: '#0b5cad' } }
          : { type: 'bar', name: 'kg', data: points.kg, itemStyle: { color: '#0b5cad' } },
      ],
    }),
    [points, grain, locale, caption],
  );
  const ref = useChart(option);
  return (
    <figure>
      <div ref={ref} className="seizure-chart" data-testid="series-chart" />
      <figcaption>{caption}</figcaption>
      <details>
        <summary>{t('seizures.dashboard.asTable')}</summary>
        <DataTable
          caption={caption}
          table={{
            name: grain === 'month' ? 'seizures-by-month' : 'seizures-by-year',
            columns: [
              grain === 'month' ? t('seizures.dashboard.month') : t('seizures.fields.year'),
              t('seizures.columns.kg'),
            ],
            rows: points.labels.map((l, i) => [l, points.kg[i] ?? 0]),
          }}
          render={(v, col) => (col === 1 && typeof v === 'number' ? formatKg(v, locale) : label(String(v)))}
        />
      </details>
    </figure>
  );
}
