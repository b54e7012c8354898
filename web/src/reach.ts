import L from 'leaflet';
import { api } from './api';
import type { FreightMap } from './map';
import type { ReachDoc, ReachPlaceDoc } from './types';
import { days, escapeHtml, kg, usd } from './format';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** The reach view: every place within a budget of one origin, drawn on the map, shaded by how much of the budget it uses. */
export class ReachView {
  private readonly layer = L.layerGroup();

  constructor(
    private readonly map: FreightMap,
    private readonly showProblem: (e: unknown) => void,
  ) {
    map.overlay(this.layer);
  }

  /** Asks the engine (`/api/reach`) and draws its answer; errors are the engine's problems. */
  async run(from: string, within: string, cargo: string, scenario: string): Promise<ReachDoc | undefined> {
    const status = $('reach-status');
    const params = new URLSearchParams({ from, within, cargo });
    if (scenario && scenario !== 'base') params.set('scenario', scenario);
    status.textContent = `Finding what ${from} reaches within ${within}…`;
    try {
      const doc = await api.reach(params);
      this.draw(doc);
      status.textContent = `${doc.places.length} place${doc.places.length === 1 ? '' : 's'} within ${doc.budget} of ${doc.from.name} (${doc.objective}).`;
      return doc;
    } catch (e) {
      status.textContent = '';
      this.clear();
      this.showProblem(e);
      return undefined;
    }
  }

  clear(): void {
    this.layer.clearLayers();
  }

  private draw(doc: ReachDoc): void {
    this.clear();
    const share = budgetShare(doc.budget);
    for (const p of doc.places) {
      const used = share(p);
      L.circleMarker([p.place.lat, p.place.lon], {
        radius: 6,
        weight: 1,
        color: '#1d3557',
        fillColor: shade(used),
        fillOpacity: 0.85,
        className: 'reach-place',
      })
        .bindTooltip(
          `<strong>${escapeHtml(p.place.name)}</strong> (${escapeHtml(p.place.country)})<br>${days(p.hours / 24)} · p90 ${days(p.p90Hours / 24)} · ${usd(p.costUsd)} · ${kg(p.co2eKg)} CO2e · ${escapeHtml(p.corridor)}`,
        )
        .addTo(this.layer);
    }
    L.circleMarker([doc.from.lat, doc.from.lon], { radius: 9, weight: 3, color: '#111', fillColor: '#fff', fillOpacity: 1, className: 'reach-origin' })
      .bindTooltip(escapeHtml(doc.from.name), { permanent: true, direction: 'top', className: 'route-end' })
      .addTo(this.layer);
    this.map.fit([[doc.from.lat, doc.from.lon], ...doc.places.map((p): [number, number] => [p.place.lat, p.place.lon])]);
  }
}

/** The share of the budget a place uses, read from the budget as the engine writes it back (240h, 5000usd, 3000kg). */
function budgetShare(budget: string): (p: ReachPlaceDoc) => number {
  const m = /^([\d.]+)\s*(h|usd|kg)$/i.exec(budget.trim());
  if (!m) return () => 0.5;
  const limit = Number(m[1]);
  const unit = m[2]!.toLowerCase();
  const figure = (p: ReachPlaceDoc) => (unit === 'h' ? p.hours : unit === 'usd' ? p.costUsd : p.co2eKg);
  return (p) => (limit > 0 ? Math.min(1, figure(p) / limit) : 0);
}

/** Near places green, those at the edge of the budget red. */
function shade(used: number): string {
  const hue = Math.round(120 * (1 - used));
  return `hsl(${hue}, 70%, 45%)`;
}
