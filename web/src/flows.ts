// The freight-flows view of an assignment run: how the equilibrium ended, what the flows cost and emit,
// and the tonnes per corridor and class (the planner's table beside the map's link flows).
import { escapeHtml, usd } from './format';
import type { AssignmentResult } from './types';

const mt = (tonnes: number): string => (tonnes / 1e6).toFixed(2);

/** One line on how the run ended: converged or not, iterations, the largest utilisation, time and tonnes. */
export function flowStatus(result: AssignmentResult): string {
  const ended = result.converged === false ? 'Not converged (stopped at its iteration limit)' : 'Converged';
  const util = result.maxUtilisation === undefined ? '' : `, largest utilisation ${(result.maxUtilisation * 100).toFixed(1)}%`;
  return `${ended}: ${result.model ?? 'choice'} model, ${result.iterations} iterations${util}, ${result.seconds.toFixed(1)} s, ${mt(result.demandTonnes ?? 0)} Mt/yr assigned.`;
}

/** The totals and the corridor × class table of a finished run. */
export function renderFlowSummary(element: HTMLElement, result: AssignmentResult): void {
  const corridors = result.corridorTonnes ?? [];
  const classes = [...new Set(corridors.flatMap((c) => Object.keys(c.tonnesByClass)))].sort();
  const head = classes.map((k) => `<th scope="col">${escapeHtml(k)}</th>`).join('');
  const rows = corridors
    .map((c) => `<tr><th scope="row">${escapeHtml(c.corridor || 'unlabelled')}</th><td class="n">${mt(c.tonnes)}</td>${classes.map((k) => `<td class="n">${mt(c.tonnesByClass[k] ?? 0)}</td>`).join('')}</tr>`)
    .join('');
  const t = result.totals;
  const totals = t
    ? `<p class="summary" id="flow-totals">Per year: generalized cost ${usd(t.generalizedCostUsd / 1e9)} bn, tariffs ${usd(t.tariffUsd / 1e9)} bn, ${(t.tonneKm / 1e9).toFixed(0)} bn tonne-km, ${(t.tonneHours / 1e9).toFixed(1)} bn tonne-hours, ${(t.co2eKg / 1e9).toFixed(1)} Mt CO2e.</p>`
    : '';
  element.innerHTML = `${totals}<table class="legs flow-corridors" id="flow-corridors">
    <caption>Tonnes by corridor and class, Mt/yr (a route counts for the corridor with most of its km)</caption>
    <thead><tr><th scope="col">Corridor</th><th scope="col">all</th>${head}</tr></thead>
    <tbody>${rows}</tbody></table>`;
}
