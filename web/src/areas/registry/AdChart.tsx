import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  type AriaComponentOption,
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, type ECharts, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiData } from '../../api/useApiData';
import { formatNumber } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { LoadState } from '../../ui/LoadState';
import { type AdTotals, byCountry, type CountryYears, mainCurrency } from './adTotals';
import { REGISTRY_API } from './model';
import { formatMoney } from './money';
import { countriesLabel } from './TrainingChart';

use([BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

type ChartOption = ComposeOption<
  BarSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | AriaComponentOption
>;

/** Alternative-development area (ha) and funding by country, from ad-projects/totals, with the figures as a table. */
export default function AdChart() {
  const { t } = useTranslation();
  const totals = useApiData<AdTotals>(`${REGISTRY_API}/ad-projects/totals`);
  return (
    <section className="card chart-card" aria-labelledby="ad-chart-title">
      <h2 id="ad-chart-title">{t('registry.adChart.title')}</h2>
      <LoadState loadable={totals}>
        {(data) => (data.rows.length === 0 ? <p>{t('registry.adChart.empty')}</p> : <Chart totals={data} />)}
      </LoadState>
    </section>
  );
}

function Chart({ totals }: { totals: AdTotals }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const countries = byCountry(totals.rows);
  const currency = mainCurrency(totals.rows);
  const caption = t('registry.adChart.caption');
  const label = (c: string) => countriesLabel(c, locale, t('registry.chart.unallocated'));

  useEffect(() => {
    if (!container.current) return;
    chart.current ??= init(container.current, undefined, { renderer: 'svg' });
    const shown = [...countries].reverse();
    const option: ChartOption = {
      animation: false,
      aria: { enabled: true, label: { description: caption } },
      legend: { top: 0 },
      grid: { left: 8, right: 40, top: 56, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item' },
      xAxis: [
        { type: 'value', name: t('registry.adChart.area'), position: 'bottom' },
        { type: 'value', name: currency ?? '', position: 'top', show: currency !== null },
      ],
      yAxis: {
        type: 'category',
        data: shown.map((c) => label(c.countries)),
        axisLabel: { width: 140, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: t('registry.adChart.area'),
          data: shown.map((c) => Math.round(c.hectares)),
          itemStyle: { color: '#2e7d32' },
        },
        ...(currency
          ? [
              {
                type: 'bar' as const,
                name: t('registry.adChart.fundingIn', { currency }),
                xAxisIndex: 1,
                data: shown.map((c) => c.funding[currency] ?? 0),
                itemStyle: { color: '#0b5cad' },
              },
            ]
          : []),
      ],
    };
    chart.current.setOption(option, true);
  });

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
        style={{ height: `${Math.max(180, countries.length * 48 + 60)}px` }}
        data-testid="ad-chart"
      />
      <figcaption>{caption}</figcaption>
      <details>
        <summary>{t('registry.adChart.table')}</summary>
        <AdTable countries={countries} />
      </details>
    </figure>
  );
}

function AdTable({ countries }: { countries: CountryYears[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = (funding: Record<string, number>, isMinimum: boolean) =>
    Object.entries(funding)
      .map(([currency, amount]) => {
        const text = formatMoney(amount, currency, locale);
        return isMinimum ? t('registry.chart.atLeast', { value: text }) : text;
      })
      .join(', ') || '—';
  return (
    <table className="chart-table">
      <thead>
        <tr>
          <th scope="col">{t('registry.chart.country')}</th>
          <th scope="col">{t('registry.adChart.year')}</th>
          <th scope="col">{t('registry.adChart.area')}</th>
          <th scope="col">{t('registry.adChart.funding')}</th>
        </tr>
      </thead>
      <tbody>
        {countries.flatMap((c) =>
          c.years.map((row) => (
            <tr key={`${c.countries}-${row.year}`}>
              <td>{countriesLabel(c.countries, locale, t('registry.chart.unallocated'))}</td>
              <td>{row.year === null ? t('registry.adChart.noYear') : row.year}</td>
              <td>{row.hectares ? formatNumber(Math.round(row.hectares * 100) / 100, locale) : '—'}</td>
              <td>{money(row.funding, row.isMinimum)}</td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}
