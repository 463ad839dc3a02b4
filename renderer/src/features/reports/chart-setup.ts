// chart.js with only the parts the report draws (tree-shaken; no eval, so it runs under our CSP).
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

export { Chart };

/** The app's colours (CSS variables), read when a chart is drawn so dark mode follows. */
export function chartColors(): { met: string; breached: string; accent: string; muted: string; text: string; line: string; warn: string } {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string): string => css.getPropertyValue(name).trim() || fallback;
  return {
    met: v('--ok', '#12b76a'),
    breached: v('--sev1', '#d92d20'),
    accent: v('--accent', '#2f6fed'),
    warn: v('--sev2', '#f79009'),
    muted: v('--muted', '#667085'),
    text: v('--text', '#1c2330'),
    line: v('--line', '#e3e6eb'),
  };
}
