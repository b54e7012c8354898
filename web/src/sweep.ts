import './sweep.css';
import { escapeHtml } from './format';

/**
 * The sweep view: open the JSON that `caravan sweep SPEC --json > sweep.json` writes and see its frontier (PV
 * capital cost against expected PV user benefit, the frontier portfolios marked) and the ranked table. The page only
 * renders: every figure is the engine's (src/Caravan/Appraisal), read from the document as it is.
 */
interface Portfolio {
  rank: number;
  label: string;
  capitalCostUsd: number;
  pvCapitalCostUsd: number;
  expectedPvBenefitUsd: number;
  expectedNpvUsd: number;
  benefitCostRatio?: number;
  minNpvUsd: number;
  maxRegretUsd: number;
  expectedCo2eTonnes: number;
  onFrontier: boolean;
}

interface SweepOutcome {
  name: string;
  futures: string[];
  years: number[];
  runs: number;
  discountRate: number;
  priceBaseYear: number;
  portfolios: Portfolio[];
  frontier: string[];
}

const bn = (usd: number): string => (usd / 1e9).toFixed(2);

function isOutcome(x: unknown): x is SweepOutcome {
  const o = x as Partial<SweepOutcome> | null;
  return !!o && typeof o.name === 'string' && Array.isArray(o.portfolios) && Array.isArray(o.frontier) && Array.isArray(o.futures);
}

/** Adds the sweep view (closed by default) at the end of <paramref name="parent"/>. */
export function mountSweepView(parent: HTMLElement): void {
  const box = document.createElement('details');
  box.id = 'sweep-box';
  box.className = 'sweep';
  box.innerHTML = `
    <summary>Appraisal sweep</summary>
    <label for="sweep-file">Open the JSON of <code>caravan sweep SPEC --json</code></label>
    <input id="sweep-file" type="file" accept=".json,application/json" />
    <p id="sweep-status" role="status" aria-live="polite"></p>
    <div id="sweep-chart"></div>
    <div class="sweep-table-wrap"><table id="sweep-table"></table></div>`;
  parent.appendChild(box);
  const input = box.querySelector<HTMLInputElement>('#sweep-file')!;
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void file.text().then((text) => show(box, text));
  });
}

function show(box: HTMLElement, text: string): void {
  const status = box.querySelector<HTMLElement>('#sweep-status')!;
  const chart = box.querySelector<HTMLElement>('#sweep-chart')!;
  const table = box.querySelector<HTMLTableElement>('#sweep-table')!;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    doc = null;
  }
  if (!isOutcome(doc)) {
    status.textContent = 'This file is not the JSON of caravan sweep --json.';
    chart.innerHTML = '';
    table.innerHTML = '';
    return;
  }
  status.textContent = `${doc.name}: ${doc.portfolios.length} portfolios × ${doc.futures.length} futures × ${doc.years.join(', ')}; ${doc.runs} runs; ${(doc.discountRate * 100).toFixed(1)}% to ${doc.priceBaseYear}. Frontier: ${doc.frontier.join(', ')}.`;
  renderFrontier(chart, doc.portfolios);
  renderTable(table, doc.portfolios);
}

const W = 320;
const H = 200;
const M = { left: 50, right: 12, top: 10, bottom: 34 };

function pad(lo: number, hi: number): [number, number] {
  const span = hi - lo || Math.abs(hi) || 1;
  return [lo - span * 0.08, hi + span * 0.08];
}

function renderFrontier(element: HTMLElement, portfolios: Portfolio[]): void {
  const xs = portfolios.map((p) => p.pvCapitalCostUsd / 1e9);
  const ys = portfolios.map((p) => p.expectedPvBenefitUsd / 1e9);
  const [x0, x1] = pad(Math.min(...xs), Math.max(...xs));
  const [y0, y1] = pad(Math.min(...ys), Math.max(...ys));
  const sx = (v: number) => M.left + ((v - x0) / (x1 - x0)) * (W - M.left - M.right);
  const sy = (v: number) => H - M.bottom - ((v - y0) / (y1 - y0)) * (H - M.top - M.bottom);
  const front = portfolios.filter((p) => p.onFrontier).sort((a, b) => a.pvCapitalCostUsd - b.pvCapitalCostUsd);
  const line = front.map((p) => `${sx(p.pvCapitalCostUsd / 1e9)},${sy(p.expectedPvBenefitUsd / 1e9)}`).join(' ');
  const points = portfolios
    .map((p, i) => {
      const label = `${p.label}: PV capital ${bn(p.pvCapitalCostUsd)} bn, PV benefit ${bn(p.expectedPvBenefitUsd)} bn, NPV ${bn(p.expectedNpvUsd)} bn`;
      return `<g class="sweep-pt${p.onFrontier ? ' frontier' : ''}" data-label="${escapeHtml(p.label)}"><title>${escapeHtml(label)}</title>
        <circle cx="${sx(xs[i]!)}" cy="${sy(ys[i]!)}" r="${p.onFrontier ? 6 : 4}"></circle></g>`;
    })
    .join('');
  element.innerHTML = `<svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="Frontier: PV capital cost against expected PV user benefit, USD bn">
    <line class="axis" x1="${M.left}" y1="${H - M.bottom}" x2="${W - M.right}" y2="${H - M.bottom}"></line>
    <line class="axis" x1="${M.left}" y1="${M.top}" x2="${M.left}" y2="${H - M.bottom}"></line>
    <text class="axis-label" x="${(W + M.left) / 2}" y="${H - 6}" text-anchor="middle">PV capital cost, USD bn</text>
    <text class="axis-label" x="12" y="${(H - M.bottom + M.top) / 2}" text-anchor="middle" transform="rotate(-90 12 ${(H - M.bottom + M.top) / 2})">PV benefit, USD bn</text>
    <text class="tick" x="${M.left}" y="${H - M.bottom + 14}" text-anchor="middle">${x0.toFixed(1)}</text>
    <text class="tick" x="${W - M.right}" y="${H - M.bottom + 14}" text-anchor="end">${x1.toFixed(1)}</text>
    <text class="tick" x="${M.left - 4}" y="${H - M.bottom}" text-anchor="end">${y0.toFixed(1)}</text>
    <text class="tick" x="${M.left - 4}" y="${M.top + 8}" text-anchor="end">${y1.toFixed(1)}</text>
    <polyline class="frontier-line" points="${line}"></polyline>${points}</svg>`;
}

function renderTable(table: HTMLTableElement, portfolios: Portfolio[]): void {
  const head = ['#', 'Portfolio', 'PV capital', 'PV benefit', 'NPV', 'BCR', 'Worst NPV', 'Max regret', 'CO2e Mt/yr', 'Frontier'];
  const rows = portfolios
    .map(
      (p) => `<tr class="${p.expectedNpvUsd >= 0 ? 'positive' : 'negative'}${p.onFrontier ? ' on-frontier' : ''}">
        <td>${p.rank}</td><td>${escapeHtml(p.label)}</td><td>${bn(p.pvCapitalCostUsd)}</td><td>${bn(p.expectedPvBenefitUsd)}</td>
        <td>${bn(p.expectedNpvUsd)}</td><td>${p.benefitCostRatio === undefined || p.benefitCostRatio === null ? '–' : p.benefitCostRatio.toFixed(2)}</td>
        <td>${bn(p.minNpvUsd)}</td><td>${bn(p.maxRegretUsd)}</td><td>${(p.expectedCo2eTonnes / 1e6).toFixed(3)}</td><td>${p.onFrontier ? 'yes' : ''}</td></tr>`,
    )
    .join('');
  table.innerHTML = `<caption>Portfolios by expected NPV (USD bn, present values)</caption>
    <thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>${rows}</tbody>`;
}
