import type { RouteDoc } from './types';
import { days, escapeHtml, usd } from './format';

const W = 320;
const H = 180;
const M = { left: 56, right: 12, top: 10, bottom: 34 };

/** Renders a small time-vs-cost scatter plot as SVG; each point is a keyboard-reachable button. */
export function renderChart(element: HTMLElement, routes: RouteDoc[], selected: number, choose: (i: number) => void): void {
  if (routes.length === 0) {
    element.innerHTML = '';
    return;
  }
  const xs = routes.map((r) => r.totals.days);
  const ys = routes.map((r) => r.totals.costUsd);
  const [x0, x1] = pad(Math.min(...xs), Math.max(...xs));
  const [y0, y1] = pad(Math.min(...ys), Math.max(...ys));
  const sx = (v: number) => M.left + ((v - x0) / (x1 - x0)) * (W - M.left - M.right);
  const sy = (v: number) => H - M.bottom - ((v - y0) / (y1 - y0)) * (H - M.top - M.bottom);
  const points = routes
    .map((r, i) => {
      const label = [`Option ${i + 1}: ${days(r.totals.days)}`, usd(r.totals.costUsd), ...(r.labels ?? [])].join(', ');
      return `<g class="pt${i === selected ? ' selected' : ''}" data-index="${i}" role="button" tabindex="0" aria-label="${escapeHtml(label)}">
        <title>${escapeHtml(label)}</title>
        <circle cx="${sx(xs[i]!)}" cy="${sy(ys[i]!)}" r="${i === selected ? 8 : 6}"></circle>
        <text x="${sx(xs[i]!) + 10}" y="${sy(ys[i]!) + 4}">${i + 1}</text></g>`;
    })
    .join('');
  element.innerHTML = `<svg viewBox="0 0 ${W} ${H}" width="100%" role="group" aria-label="Time versus cost of each option">
    <line class="axis" x1="${M.left}" y1="${H - M.bottom}" x2="${W - M.right}" y2="${H - M.bottom}"></line>
    <line class="axis" x1="${M.left}" y1="${M.top}" x2="${M.left}" y2="${H - M.bottom}"></line>
    <text class="tick" x="${M.left}" y="${H - M.bottom + 14}" text-anchor="start">${days(x0)}</text>
    <text class="tick" x="${W - M.right}" y="${H - M.bottom + 14}" text-anchor="end">${days(x1)}</text>
    <text class="tick" x="${M.left - 4}" y="${H - M.bottom}" text-anchor="end">${usd(y0)}</text>
    <text class="tick" x="${M.left - 4}" y="${M.top + 8}" text-anchor="end">${usd(y1)}</text>
    <text class="axis-label" x="${(M.left + W - M.right) / 2}" y="${H - 4}" text-anchor="middle">door-to-door time</text>
    <text class="axis-label" transform="translate(12 ${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle">cost</text>
    ${points}</svg>`;
  element.querySelectorAll<SVGGElement>('g.pt').forEach((g) => {
    const i = Number(g.dataset.index);
    g.addEventListener('click', () => choose(i));
    g.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        choose(i);
      }
    });
  });
}

/** Widens a range by 10 % each side (and makes a single value into a range). */
function pad(lo: number, hi: number): [number, number] {
  const span = hi - lo || Math.max(1, Math.abs(hi) * 0.1);
  return [Math.max(0, lo - span * 0.1), hi + span * 0.1];
}
