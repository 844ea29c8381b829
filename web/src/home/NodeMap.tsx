import { MapChart, type MapSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  type AriaComponentOption,
  MarkPointComponent,
  type MarkPointComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, type ECharts, init, registerMap, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../i18n/format';
import { useLocale } from '../i18n/useLocale';
import { Notice } from '../ui/Notice';
import {
  alpha2Code,
  type Detail,
  hasRegion,
  loadWorld,
  numericCode,
  pinForSmallRegion,
  type WorldMap,
} from './worldGeo';

use([MapChart, TooltipComponent, AriaComponent, MarkPointComponent, SVGRenderer]);

type MapOption = ComposeOption<
  MapSeriesOption | TooltipComponentOption | AriaComponentOption | MarkPointComponentOption
>;

const LAND = '#dfe4ea';
const BORDER = '#ffffff';
const HIGHLIGHT = '#0b5cad';

/** The coarse map, or the detailed one when the coarse one lacks this country; each registered with ECharts once. */
async function mapFor(numeric: string | undefined): Promise<{ detail: Detail; world: WorldMap }> {
  const coarse = await loadOnce('coarse');
  if (!numeric || hasRegion(coarse, numeric)) return { detail: 'coarse', world: coarse };
  return { detail: 'detailed', world: await loadOnce('detailed') };
}

const loaded = new Map<Detail, Promise<WorldMap>>();
function loadOnce(detail: Detail): Promise<WorldMap> {
  let map = loaded.get(detail);
  if (!map) {
    map = loadWorld(detail).then((world) => {
      // ECharts' GeoJSON type is its own copy of the standard's; the shapes are the same.
      registerMap(`world-${detail}`, world as unknown as Parameters<typeof registerMap>[1]);
      return world;
    });
    map.catch(() => loaded.delete(detail));
    loaded.set(detail, map);
  }
  return map;
}

/** A world map with this node's country filled in, drawn from map data that ships with the node. */
export default function NodeMap({ country }: { country: string | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const numeric = country ? numericCode(country) : undefined;
  const name = country ? countryName(country, locale) : undefined;
  const caption = name ? t('home.map.highlighted', { country: name }) : t('home.map.countryUnset');

  useEffect(() => {
    let cancelled = false;
    mapFor(numeric).then(
      ({ detail, world }) => {
        if (cancelled || !container.current) return;
        const pin = numeric ? pinForSmallRegion(world, numeric) : undefined;
        chart.current ??= init(container.current, undefined, { renderer: 'svg' });
        const option: MapOption = {
          // No animation: the map says where the node is; motion adds nothing and some users ask for none.
          animation: false,
          aria: { enabled: true, label: { description: caption } },
          tooltip: {
            trigger: 'item',
            formatter: (params) => {
              const region = Array.isArray(params) ? undefined : params.name;
              const alpha2 = region ? alpha2Code(region) : undefined;
              return alpha2 ? countryName(alpha2, locale) : '';
            },
          },
          series: [
            {
              type: 'map',
              map: `world-${detail}`,
              roam: false,
              // Fill the box: the box has the world's proportions, so little is left blank.
              top: 4,
              bottom: 4,
              left: 4,
              right: 4,
              selectedMode: false,
              aspectScale: 0.85,
              itemStyle: { areaColor: LAND, borderColor: BORDER, borderWidth: 0.5 },
              emphasis: { label: { show: false }, itemStyle: { areaColor: '#b8c4d1' } },
              data: numeric ? [{ name: numeric, itemStyle: { areaColor: HIGHLIGHT } }] : [],
              // A pin marks a country too small to see by its fill alone.
              markPoint:
                pin && numeric
                  ? {
                      symbol: 'pin',
                      symbolSize: 32,
                      silent: true,
                      itemStyle: { color: HIGHLIGHT },
                      data: [{ name: numeric, coord: pin }],
                    }
                  : undefined,
            },
          ],
        };
        chart.current.setOption(option, true);
        setState('ready');
      },
      () => !cancelled && setState('failed'),
    );
    return () => {
      cancelled = true;
    };
  }, [numeric, caption, locale]);

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
    <section className="card map-card" aria-labelledby="map-title">
      <h2 id="map-title">{t('home.map.title')}</h2>
      <figure>
        <div ref={container} className="world-map" data-state={state} data-testid="world-map" />
        {state === 'failed' && <Notice tone="error">{t('home.map.failed')}</Notice>}
        <figcaption>
          {caption} <span className="fact-note">{t('home.map.source')}</span>
        </figcaption>
      </figure>
    </section>
  );
}
