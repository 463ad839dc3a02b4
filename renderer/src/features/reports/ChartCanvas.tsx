import { useEffect, useRef } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { Chart } from './chart-setup';

/** A <canvas> owning one chart.js chart; a new config updates it in place, unmounting destroys it. */
export function ChartCanvas({ config, label }: { config: ChartConfiguration<'bar' | 'line'>; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'bar' | 'line'> | null>(null);

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    chart.current = new Chart(el, config);
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
    // The chart is created once; later configs go through update() below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.data = config.data;
    if (config.options) c.options = config.options;
    c.update('none');
  }, [config]);

  return (
    <div className="report-chart">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
