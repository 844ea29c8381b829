import { SankeyChart, type SankeySeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  type AriaComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { countryName } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { flowOf } from './dashboardModel';
import { formatKg } from './format';
import type { RouteRow } from './model';
import { useChart } from './useChart';

use([SankeyChart, TooltipComponent, AriaComponent, SVGRenderer]);

type Option = ComposeOption<SankeySeriesOption | TooltipComponentOption | AriaComponentOption>;

/** Routes as flows from departure countries (left) to destination countries (right), widths by kilograms. */
export function RouteFlow({ rows, caption }: { rows: RouteRow[]; caption: string }) {
  const locale = useLocale();
  const option = useMemo<Option>(() => {
    const flow = flowOf(rows);
    const label = (node: string) => countryName(node.slice(2), locale);
    return {
      animation: false,
      aria: { enabled: true, label: { description: caption } },
      tooltip: { trigger: 'item', valueFormatter: (v) => `${formatKg(Number(v), locale)} kg` },
      series: [
        {
          type: 'sankey',
          left: 8,
          right: 120,
          top: 8,
          bottom: 8,
          nodeGap: 6,
          data: flow.nodes.map((name) => ({ name, itemStyle: { color: '#0b5cad' } })),
          links: flow.links,
          label: { formatter: (p) => label(String(p.name)) },
          lineStyle: { color: 'source', opacity: 0.35 },
        },
      ],
    };
  }, [rows, caption, locale]);
  const ref = useChart(option);
  return <div ref={ref} className="seizure-chart route-flow" data-testid="routes-chart" />;
}
