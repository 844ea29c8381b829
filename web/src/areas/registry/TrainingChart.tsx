import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  type AriaComponentOption,
  GridComponent,
  type GridComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, type ECharts, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../api/types';
import { useApiData } from '../../api/useApiData';
import { countryName, formatNumber } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { LoadState } from '../../ui/LoadState';
import { REGISTRY_API, type TrainingTotals } from './model';

use([BarChart, GridComponent, TooltipComponent, AriaComponent, SVGRenderer]);

type ChartOption = ComposeOption<
  BarSeriesOption | GridComponentOption | TooltipComponentOption | AriaComponentOption
>;

export interface CountryTotal {
  countries: string;
  officers: number;
  isMinimum: boolean;
}

/** Officers trained by country (or group of countries given together) over all years, largest first. */
export function totalsByCountry(rows: TrainingTotals['rows']): CountryTotal[] {
  const by = new Map<string, CountryTotal>();
  for (const row of rows) {
    const total = by.get(row.countries) ?? { countries: row.countries, officers: 0, isMinimum: false };
    total.officers += row.officers;
    total.isMinimum ||= row.isMinimum;
    by.set(row.countries, total);
  }
  return [...by.values()].filter((r) => r.officers > 0).sort((a, b) => b.officers - a.officers);
}

export const countriesLabel = (countries: string, locale: Locale, unallocated: string) =>
  countries === 'unallocated'
    ? unallocated
    : countries
        .split('+')
        .map((c) => countryName(c, locale))
        .join(' + ');

/** A bar chart of officers trained by country, from training/totals, with the figures also as a table. */
export default function TrainingChart() {
  const { t } = useTranslation();
  const totals = useApiData<TrainingTotals>(`${REGISTRY_API}/training/totals`);
  return (
    <section className="card chart-card" aria-labelledby="training-chart-title">
      <h2 id="training-chart-title">{t('registry.chart.title')}</h2>
      <LoadState loadable={totals}>
        {(data) => {
          const rows = totalsByCountry(data.rows);
          return rows.length === 0 ? <p>{t('registry.chart.empty')}</p> : <Chart rows={rows} />;
        }}
      </LoadState>
    </section>
  );
}

function Chart({ rows }: { rows: CountryTotal[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const caption = t('registry.chart.caption');

  useEffect(() => {
    if (!container.current) return;
    chart.current ??= init(container.current, undefined, { renderer: 'svg' });
    const shown = [...rows].reverse();
    const option: ChartOption = {
      animation: false,
      aria: { enabled: true, label: { description: caption } },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item' },
      xAxis: { type: 'value' },
      yAxis: {
        type: 'category',
        data: shown.map((r) => countriesLabel(r.countries, locale, t('registry.chart.unallocated'))),
        axisLabel: { width: 140, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: t('registry.chart.officers'),
          data: shown.map((r) => r.officers),
          itemStyle: { color: '#0b5cad' },
        },
      ],
    };
    chart.current.setOption(option, true);
  }, [rows, locale, caption, t]);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const observer = new ResizeObserver(() => chart.current?.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  return (
    <figure>
      <div
        ref={container}
        className="registry-chart"
        style={{ height: `${Math.max(160, rows.length * 28 + 40)}px` }}
        data-testid="training-chart"
      />
      <figcaption>{caption}</figcaption>
      <details>
        <summary>{t('registry.chart.table')}</summary>
        <table className="chart-table">
          <thead>
            <tr>
              <th scope="col">{t('registry.chart.country')}</th>
              <th scope="col">{t('registry.chart.officers')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.countries}>
                <td>{countriesLabel(r.countries, locale, t('registry.chart.unallocated'))}</td>
                <td>
                  {r.isMinimum
                    ? t('registry.chart.atLeast', { value: formatNumber(r.officers, locale) })
                    : formatNumber(r.officers, locale)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
