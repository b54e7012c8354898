import type { RouteDoc } from './types';
import { days, escapeHtml, hours, kg, km, localTime, percent, usd } from './format';
import { colorOf, modeLabels } from './modes';

/** The engine's labels of an option, as it sent them; an untagged option has none. */
export const labelsOf = (route: RouteDoc): string[] => route.labels ?? [];

/** The engine's p50/p90 and, with a deadline, its probability of arriving on time. */
function reliability(route: RouteDoc): string {
  const parts: string[] = [];
  if (route.p50Hours != null) parts.push(`p50 ${days(route.p50Hours / 24)}`);
  if (route.p90Hours != null) parts.push(`p90 ${days(route.p90Hours / 24)}`);
  if (route.onTimeProbability != null) parts.push(`${percent(route.onTimeProbability)} on time`);
  return parts.join(' · ');
}

/** When the dated plan arrives (the last leg's arrival, local time at the destination), if the query gave a departure. */
function arrival(route: RouteDoc): string {
  const at = route.legs[route.legs.length - 1]?.arrives;
  return at ? ` · arrives ${escapeHtml(localTime(at))}` : '';
}

/** The options list in the engine's order: one button per option, the selected one pressed. */
export function renderOptions(list: HTMLOListElement, routes: RouteDoc[], selected: number, choose: (i: number) => void): void {
  list.innerHTML = routes
    .map((route, i) => {
      const t = route.totals;
      const modes = [...new Set(route.legs.filter((l) => l.kind === 'move').map((l) => l.mode))];
      const swatches = modes.map((m) => `<span class="swatch" style="background:${colorOf(m)}" title="${modeLabels[m] ?? m}"></span>`).join('');
      const labels = labelsOf(route);
      return `<li><button type="button" class="option" aria-pressed="${i === selected}" data-index="${i}"${route.onTimeProbability != null ? ` data-on-time="${route.onTimeProbability}"` : ''}>
        <span class="option-head"><span class="num">${i + 1}</span> ${escapeHtml(route.corridor)} corridor ${swatches}
        ${labels.length ? `<span class="labels">${labels.map((l) => `<span class="label">${escapeHtml(l)}</span>`).join('')}</span>` : ''}</span>
        <span class="option-figures">${days(t.days)} · ${usd(t.costUsd)} · ${kg(t.co2eKg)} CO2e · ${km(t.distanceKm)}</span>
        <span class="option-reliability">${reliability(route)}</span>
        <span class="option-sub">${t.transfers} transfer(s) · ${t.borders} border(s) · via ${escapeHtml(via(route))}${arrival(route)}</span>
      </button></li>`;
    })
    .join('');
  list.querySelectorAll<HTMLButtonElement>('button.option').forEach((b) => b.addEventListener('click', () => choose(Number(b.dataset.index))));
}

/** Up to four notable places on the way (ferry ports and border towns first). */
function via(route: RouteDoc): string {
  const names: string[] = [];
  for (const l of route.legs) {
    if ((l.kind === 'border' || l.mode === 'Ferry' || l.mode === 'Sea') && l.kind !== 'transfer') {
      for (const n of [l.from.name, l.to.name]) if (!names.includes(n)) names.push(n);
    }
  }
  return names.slice(0, 4).join(', ') || route.legs[Math.floor(route.legs.length / 2)]?.to.name || '';
}

/** The chosen itinerary as a table: one row per leg, borders and gauge changes flagged. */
export function renderItinerary(element: HTMLElement, route: RouteDoc): void {
  const rows = route.legs
    .map((l, i) => {
      const gauge = l.kind === 'transfer' && /gauge/i.test(l.description);
      const what = l.kind === 'move' ? `${modeLabels[l.mode] ?? l.mode}` : gauge ? 'gauge change' : l.kind;
      const where = l.from.code === l.to.code ? escapeHtml(l.from.name) : `${escapeHtml(l.from.name)} → ${escapeHtml(l.to.name)}`;
      return `<tr class="leg leg-${l.kind}${gauge ? ' leg-gauge' : ''}" data-mode="${l.mode}">
        <td>${i + 1}</td><td><span class="swatch" style="background:${l.kind === 'move' ? colorOf(l.mode) : 'transparent'}"></span>${escapeHtml(what)}</td>
        <td>${where}<div class="desc">${escapeHtml(l.description)}${l.departs ? ` · departs ${escapeHtml(localTime(l.departs))}` : ''}${l.arrives ? ` · arrives ${escapeHtml(localTime(l.arrives))}` : ''}</div></td>
        <td class="n">${l.distanceKm ? km(l.distanceKm) : ''}</td><td class="n">${hours(l.hours)}</td><td class="n">${usd(l.costUsd)}</td></tr>`;
    })
    .join('');
  const t = route.totals;
  element.innerHTML = `<table class="legs"><caption class="sr-only">Legs of the chosen route</caption>
    <thead><tr><th scope="col">#</th><th scope="col">What</th><th scope="col">Where</th><th scope="col">Distance</th><th scope="col">Time</th><th scope="col">Cost</th></tr></thead>
    <tbody>${rows}</tbody>
    <tfoot><tr><td></td><th scope="row">Total</th><td>${t.transfers} transfer(s), ${t.borders} border(s), ${kg(t.co2eKg)} CO2e</td>
    <td class="n">${km(t.distanceKm)}</td><td class="n">${days(t.days)}</td><td class="n">${usd(t.costUsd)}</td></tr></tfoot></table>`;
}
