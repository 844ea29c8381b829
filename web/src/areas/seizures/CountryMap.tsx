import { MapChart, type MapSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  type AriaComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
  VisualMapComponent,
  type VisualMapComponentOption,
} from 'echarts/components';
import { type ComposeOption, registerMap, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiData } from '../../api/useApiData';
import { alpha2Code, loadWorld, numericCode } from '../../home/worldGeo';
import { countryName } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { LoadState } from '../../ui/LoadState';
import { Notice } from '../../ui/Notice';
import { DataTable } from './DataTable';
import { topBy } from './dashboardModel';
import { formatKg } from './format';
import { SEIZURES_API, type StatsRow } from './model';
import { type StatsFilters, statsQuery } from './query';
import { useChart } from './useChart';

use([MapChart, TooltipComponent, AriaComponent, VisualMapComponent, SVGRenderer]);

type Option = ComposeOption<
  MapSeriesOption | TooltipComponentOption | AriaComponentOption | VisualMapComponentOption
>;

const MAP = 'seizures-world';
// The coarse world (Natural Earth 1:110m, shipped with the node), as on the home page; registered once.
let registered: Promise<void> | undefined;
function registerWorld(): Promise<void> {
  registered ??= loadWorld('coarse').then((world) => {
    registerMap(MAP, world as unknown as Parameters<typeof registerMap>[1]);
  });
  registered.catch(() => {
    registered = undefined;
  });
  return registered;
}

/** Kilogram equivalents by country of seizure, as a choropleth and as a table. */
export function CountryMap({ filters }: { filters: StatsFilters }) {
  const { t } = useTranslation();
  const id = useId();
  const totals = useApiData<{ rows: StatsRow[] }>(
    `${SEIZURES_API}/stats/totals?${statsQuery(filters, { by: 'country', limit: '300' })}`,
  );
  return (
    <section className="card chart-card wide" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('seizures.dashboard.map')}</h2>
      <LoadState loadable={totals}>{(data) => <MapView rows={data.rows} />}</LoadState>
    </section>
  );
}

function MapView({ rows }: { rows: StatsRow[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  useEffect(() => {
    registerWorld().then(
      () => setState('ready'),
      () => setState('failed'),
    );
  }, []);
  const top = useMemo(() => topBy(rows, 'country', 300), [rows]);
  const caption = t('seizures.dashboard.mapCaption');
  const option = useMemo<Option | null>(() => {
    if (state !== 'ready') return null;
    const max = Math.max(1, ...top.map((r) => r.kg));
    return {
      animation: false,
      aria: { enabled: true, label: { description: caption } },
      tooltip: {
        trigger: 'item',
        formatter: (p) => {
          if (Array.isArray(p)) return '';
          const alpha2 = alpha2Code(p.name);
          const value = typeof p.value === 'number' && !Number.isNaN(p.value) ? p.value : 0;
          return alpha2 ? `${countryName(alpha2, locale)}: ${formatKg(value, locale)} kg` : '';
        },
      },
      visualMap: {
        min: 0,
        max,
        calculable: false,
        left: 8,
        bottom: 8,
        text: [formatKg(max, locale), '0'],
        inRange: { color: ['#e6f0fa', '#0b5cad', '#0b2545'] },
      },
      series: [
        {
          type: 'map',
          map: MAP,
          roam: false,
          aspectScale: 0.85,
          top: 4,
          bottom: 4,
          left: 4,
          right: 4,
          selectedMode: false,
          itemStyle: { areaColor: '#dfe4ea', borderColor: '#ffffff', borderWidth: 0.5 },
          emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffbf47' } },
          data: top.flatMap((r) => {
            const numeric = numericCode(r.key);
            return numeric ? [{ name: numeric, value: r.kg }] : [];
          }),
        },
      ],
    };
  }, [state, top, caption, locale]);
  const ref = useChart(option);
  return (
    <figure>
      <div ref={ref} className="world-map seizure-map" data-state={state} data-testid="seizure-map" />
      {state === 'failed' && <Notice tone="error">{t('seizures.dashboard.mapFailed')}</Notice>}
      <figcaption>{caption}</figcaption>
      <details>
        <summary>{t('seizures.dashboard.asTable')}</summary>
        <DataTable
          caption={caption}
          table={{
            name: 'seizures-by-country',
            columns: [t('seizures.fields.country'), t('seizures.columns.kg'), t('seizures.columns.count')],
            rows: top.map((r) => [countryName(r.key, locale), r.kg, r.count]),
          }}
          render={(v, col) => (col === 1 && typeof v === 'number' ? formatKg(v, locale) : undefined)}
        />
      </details>
    </figure>
  );
}
