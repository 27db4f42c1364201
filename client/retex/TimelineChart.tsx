import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { ScatterChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, DataZoomComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { tPlus } from '../app/time.js';
import { laneLabels, type TimelineItem, type TimelineLane } from '../../shared/retex/timeline.js';

echarts.use([ScatterChart, GridComponent, TooltipComponent, DataZoomComponent, SVGRenderer]);

const laneOrder: TimelineLane[] = ['stimuli', 'alerte', 'offre', 'mainCourante', 'organisation', 'decisions', 'communication', 'evaluation', 'horloge'];
const laneColours: Record<TimelineLane, string> = {
  stimuli: '#c25e00',
  alerte: '#b3261e',
  offre: '#1f4e9c',
  mainCourante: '#1e7b3c',
  decisions: '#00727a',
  organisation: '#8c4a00',
  communication: '#7b3fa0',
  evaluation: '#5d6675',
  horloge: '#8a8f98',
};

/**
 * The unified timeline: one lane per domain, one dot per event at its exercise time.
 * Rendered as SVG (not canvas) so that its labels stay text in the printed PDF.
 */
export function TimelineChart({ items, cursor }: { items: TimelineItem[]; cursor?: number | undefined }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, null, { renderer: 'svg' });
    const lanes = laneOrder.filter((lane) => items.some((i) => i.lane === lane));
    chart.setOption({
      animation: false,
      grid: { left: 130, right: 24, top: 16, bottom: 48 },
      tooltip: { trigger: 'item', formatter: (p: { data: [number, number, string] }) => `${tPlus(p.data[0])}<br/>${escapeHtml(p.data[2])}` },
      xAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => tPlus(v, 'minutes') } },
      yAxis: { type: 'category', data: lanes.map((l) => laneLabels[l]), inverse: true },
      dataZoom: [{ type: 'inside' }, { type: 'slider', height: 16, bottom: 8 }],
      series: lanes.map((lane) => ({
        type: 'scatter',
        name: laneLabels[lane],
        symbolSize: 9,
        itemStyle: { color: laneColours[lane] },
        data: items.filter((i) => i.lane === lane).map((i) => [i.exerciseTime, lanes.indexOf(lane), i.label]),
        markLine: cursor === undefined ? undefined : { silent: true, symbol: 'none', data: [{ xAxis: cursor }], lineStyle: { color: '#1d2330' } },
      })),
    });
    const onResize = () => chart.resize();
    addEventListener('resize', onResize);
    return () => {
      removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [items, cursor]);
  return <div ref={ref} className="retex-timeline" data-testid="retex-timeline" style={{ height: 320 }} />;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
