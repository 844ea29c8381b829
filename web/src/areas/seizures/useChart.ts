import { type ECharts, type EChartsCoreOption, init } from 'echarts/core';
import { useEffect, useRef } from 'react';

/**
 * An ECharts instance on a div: drawn as SVG (sharp at any zoom, readable by screen readers through the aria
 * description), resized with its box, disposed with the component. `option` is set whole on each change.
 */
export function useChart(option: EChartsCoreOption | null) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  useEffect(() => {
    if (!container.current || !option) return;
    chart.current ??= init(container.current, undefined, { renderer: 'svg' });
    chart.current.setOption(option, true);
  }, [option]);
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
  return container;
}
