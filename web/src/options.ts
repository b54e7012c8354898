import type { RouteDoc, RouteOption, RouteResponse } from './types';
import { addHours, days, escapeHtml, hours, isoDay, kg, km, usd } from './format';
import { colorOf, modeLabels } from './modes';

const objectiveLabel: Record<string, string> = { time: 'fastest', cost: 'cheapest', co2: 'lowest CO2e', generalized: 'best overall' };

/** Merges the answers of several queries into distinct options (same legs = same option), keeping every label. */
export function distinctOptions(responses: RouteResponse[]): RouteOption[] {
  const byKey = new Map<string, RouteOption>();
  for (const response of responses) {
    for (const route of response.routes) {
      const key = route.legs.map((l) => `${l.kind}:${l.linkId ?? l.description}:${l.from.code}>${l.to.code}`).join('|');
      const labels = route.labels?.length ? route.labels : [objectiveLabel[route.objective] ?? route.objective];
      const existing = byKey.get(key);
      if (existing) {
        for (const l of labels) if (!existing.labels.includes(l)) existing.labels.push(l);
      } else {
        byKey.set(key, { route, labels: [...labels], key });
      }
    }
  }
  return [...byKey.values()].sort((a, b) => a.route.totals.hours - b.route.totals.hours);
}

function arrival(route: RouteDoc, date: string, deadline: string): string {
  if (!date) return '';
  const at = addHours(date, route.totals.hours);
  const late = deadline && isoDay(at) > deadline;
  return ` · arrives ${isoDay(at)}${late ? ' <strong class="late">after the deadline</strong>' : deadline ? ' <span class="ontime">on time</span>' : ''}`;
}

/** The options list: one button per option, the selected one pressed. */
export function renderOptions(list: HTMLOListElement, options: RouteOption[], selected: number, date: string, deadline: string, choose: (i: number) => void): void {
  list.innerHTML = options
    .map((o, i) => {
      const t = o.route.totals;
      const modes = [...new Set(o.route.legs.filter((l) => l.kind === 'move').map((l) => l.mode))];
      const swatches = modes.map((m) => `<span class="swatch" style="background:${colorOf(m)}" title="${modeLabels[m] ?? m}"></span>`).join('');
      return `<li><button type="button" class="option" aria-pressed="${i === selected}" data-index="${i}">
        <span class="option-head"><span class="num">${i + 1}</span> ${escapeHtml(o.route.corridor)} corridor ${swatches}
        <span class="labels">${o.labels.map((l) => `<span class="label">${escapeHtml(l)}</span>`).join('')}</span></span>
        <span class="option-figures">${days(t.days)} · ${usd(t.costUsd)} · ${kg(t.co2eKg)} CO2e · ${km(t.distanceKm)}</span>
        <span class="option-sub">${t.transfers} transfer(s) · ${t.borders} border(s) · via ${escapeHtml(via(o.route))}${arrival(o.route, date, deadline)}</span>
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
        <td>${where}<div class="desc">${escapeHtml(l.description)}</div></td>
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
