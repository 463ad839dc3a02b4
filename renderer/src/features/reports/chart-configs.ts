import type { ChartConfiguration } from 'chart.js';
import { chartColors } from './chart-setup';

export type Series = { label: string; data: number[]; color: 'met' | 'breached' | 'accent' | 'warn' };

/** Bars per category (side by side, or stacked for parts of a whole). */
export function barConfig(labels: string[], series: Series[], stacked = false): ChartConfiguration<'bar'> {
  const c = chartColors();
  return {
    type: 'bar',
    data: { labels, datasets: series.map((s) => ({ label: s.label, data: s.data, backgroundColor: c[s.color], borderRadius: 3, maxBarThickness: 42 })) },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { labels: { color: c.text } } },
      scales: {
        x: { stacked, ticks: { color: c.muted }, grid: { display: false } },
        y: { stacked, beginAtZero: true, ticks: { color: c.muted, precision: 0 }, grid: { color: c.line } },
      },
    },
  };
}

/** A line per series over weeks; `percent` pins the axis to 0..100. */
export function lineConfig(labels: string[], series: Series[], percent: boolean): ChartConfiguration<'line'> {
  const c = chartColors();
  return {
    type: 'line',
    data: { labels, datasets: series.map((s) => ({ label: s.label, data: s.data, borderColor: c[s.color], backgroundColor: c[s.color], tension: 0.2, spanGaps: true })) },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { labels: { color: c.text } } },
      scales: {
        x: { ticks: { color: c.muted }, grid: { display: false } },
        y: { beginAtZero: true, ...(percent ? { max: 100 } : {}), ticks: { color: c.muted, precision: 0 }, grid: { color: c.line } },
      },
    },
  };
}
