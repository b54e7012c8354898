import { api, ApiError } from './api';
import { escapeHtml, hours, kg, usd } from './format';
import { flowStatus, renderFlowSummary } from './flows';
import type { FreightMap } from './map';
import { utilisationBand } from './map';
import type { AssignmentResult, Comparison, ScenarioSummary } from './types';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const signed = (v: number | undefined, format: (x: number) => string): string =>
  v === undefined || v === null ? '—' : `${v > 0 ? '+' : v < 0 ? '−' : '±'}${format(Math.abs(v))}`;

/** Fills a scenario select with the served scenarios. */
export function fillScenarioSelect(select: HTMLSelectElement, scenarios: ScenarioSummary[], selected: string): void {
  select.innerHTML = scenarios
    .map((s) => `<option value="${escapeHtml(s.name)}" title="${escapeHtml(s.description)}"${s.name === selected ? ' selected' : ''}>${escapeHtml(s.name)}</option>`)
    .join('');
}

/** Renders the comparison table: each pair with Δ days, USD and CO2e and the corridor change. */
export function renderComparison(element: HTMLElement, c: Comparison): void {
  const rows = c.routes
    .map((r) => {
      const corridor = r.a && r.b ? (r.a.corridor === r.b.corridor ? escapeHtml(r.a.corridor) : `${escapeHtml(r.a.corridor)} → ${escapeHtml(r.b.corridor)}`) : r.a ? `${escapeHtml(r.a.corridor)} → no route` : r.b ? `no route → ${escapeHtml(r.b.corridor)}` : '—';
      const dh = r.deltaHours;
      const cls = dh === undefined ? '' : dh > 0.5 ? 'worse' : dh < -0.5 ? 'better' : '';
      return `<tr class="${cls}"><th scope="row">${escapeHtml(r.fromName)} → ${escapeHtml(r.toName)}<div class="desc">${escapeHtml(r.commodity)}${r.reasons.length ? ` — ${escapeHtml(r.reasons[0]!)}` : ''}</div></th>
        <td class="n">${signed(dh === undefined ? undefined : dh / 24, (x) => x.toFixed(1))}</td>
        <td class="n">${signed(r.deltaCostUsd, (x) => usd(x).slice(1))}</td>
        <td class="n">${signed(r.deltaCo2eKg, kg)}</td>
        <td>${corridor}</td></tr>`;
    })
    .join('');
  const skipped = c.skipped.length ? `<p class="summary">${c.skipped.length} pair(s) skipped: ${c.skipped.map((s) => escapeHtml(`${s.from} → ${s.to}`)).join(', ')}</p>` : '';
  element.innerHTML = `<table class="legs compare-table">
    <caption>${escapeHtml(c.a.name)} → ${escapeHtml(c.b.name)}, ${escapeHtml(c.objective)}, ${c.year}</caption>
    <thead><tr><th scope="col">Pair</th><th scope="col">Δ days</th><th scope="col">Δ USD</th><th scope="col">Δ CO2e</th><th scope="col">Corridor</th></tr></thead>
    <tbody>${rows}</tbody></table>${skipped}`;
}

/** Lists the top bottlenecks of an assignment. */
export function renderBottlenecks(element: HTMLOListElement, result: AssignmentResult): void {
  const list = result.bottlenecks ?? [];
  element.innerHTML = list.length
    ? list
        .map((b) => {
          const u = b.utilisation ?? -1;
          return `<li class="bottleneck util-${utilisationBand(u)}"><b>${escapeHtml(b.from)} → ${escapeHtml(b.to)}</b> <span class="desc">${escapeHtml(b.id)}, ${escapeHtml(b.mode)}, ${escapeHtml(b.corridor)}</span><br>${(b.flowTonnes / 1e6).toFixed(2)} Mt/yr · ${u >= 0 ? `${Math.round(u * 100)}% of capacity` : 'no capacity published'} · delay ${hours(b.delayHours)}${b.shadowUsdPerTonne ? ` · queue price ${usd(b.shadowUsdPerTonne)}/t` : ''}</li>`;
        })
        .join('')
    : '<li>No capacitated link carries flow.</li>';
}

/** Progress of a relative gap towards 1e-5 (log scale), 0–1. */
export function gapProgress(gap: number | null | undefined): number {
  if (gap === null || gap === undefined || !Number.isFinite(gap) || gap <= 0) return 0;
  return Math.min(1, Math.max(0, Math.log10(gap) / -5));
}

/** Runs an assignment: start it, follow its server-sent events on the progress bar, then draw its flows. */
export async function runAssignment(demand: string, scenario: string, map: FreightMap, onError: (e: unknown) => void): Promise<void> {
  const button = $<HTMLButtonElement>('assign');
  const bar = $<HTMLProgressElement>('assign-progress');
  const status = $('assign-status');
  const out = $('assign-result');
  button.disabled = true;
  bar.hidden = false;
  bar.value = 0;
  out.hidden = true;
  map.clearFlows();
  status.textContent = `Starting the assignment of ${demand} on ${scenario}…`;
  try {
    const started = await api.startAssignment(demand, scenario);
    await new Promise<void>((resolve, reject) => {
      const events = new EventSource(started.events);
      events.addEventListener('progress', (e) => {
        const p = JSON.parse((e as MessageEvent<string>).data) as { iteration: number; relativeGap?: number; elapsedSeconds: number };
        bar.value = gapProgress(p.relativeGap);
        status.textContent = `Iteration ${p.iteration} · relative gap ${p.relativeGap === undefined || p.relativeGap === null ? '—' : p.relativeGap.toExponential(1)} · ${p.elapsedSeconds.toFixed(1)} s`;
      });
      events.addEventListener('done', (e) => {
        events.close();
        const d = JSON.parse((e as MessageEvent<string>).data) as { status: string; error?: string };
        if (d.status === 'done') resolve();
        else reject(new ApiError(500, { title: `Assignment ${d.status}`, detail: d.error ?? d.status }));
      });
      events.onerror = () => {
        if (events.readyState === EventSource.CLOSED) reject(new ApiError(0, { title: 'Progress stream lost', detail: 'the server closed the progress stream' }));
      };
    });
    const result = await api.assignment(started.id);
    bar.value = 1;
    status.textContent = flowStatus(result);
    renderFlowSummary($('flow-summary'), result);
    out.dataset.run = started.id;
    if (result.flows) map.showFlows(result.flows);
    renderBottlenecks($<HTMLOListElement>('bottlenecks'), result);
    out.hidden = false;
  } catch (e) {
    status.textContent = 'The assignment did not finish.';
    onError(e);
  } finally {
    button.disabled = false;
  }
}
