import L from 'leaflet';
import { escapeHtml } from './format';

/** A name to write on the map at a place. */
export interface MapLabel {
  text: string;
  lat: number;
  lon: number;
  /** Higher wins where labels would overlap. */
  priority: number;
  className: string;
}

interface Placed {
  label: MapLabel;
  tooltip: L.Tooltip;
  widthPx: number;
}

const fontPx = 11;
const heightPx = fontPx + 5;
const offsetPx = 6;

/**
 * Place names on the map, decluttered: after every zoom, labels are placed by priority and one that would overlap a
 * label already placed is hidden, so names stay legible at every scale. The route's stops outrank the network's
 * places, busy hubs outrank quiet ones.
 */
export class MapLabels {
  /** The network's place names (a layer the user may switch off). */
  readonly places = L.layerGroup();
  /** The chosen route's stops (always shown with the route). */
  readonly stops = L.layerGroup();
  private placeLabels: Placed[] = [];
  private stopLabels: Placed[] = [];
  private readonly measure = document.createElement('canvas').getContext('2d');

  constructor(private readonly map: L.Map) {
    map.on('zoomend overlayadd overlayremove', () => this.declutter());
  }

  setPlaces(labels: MapLabel[]): void {
    this.placeLabels = this.replace(this.places, labels);
    this.declutter();
  }

  setStops(labels: MapLabel[]): void {
    this.stopLabels = this.replace(this.stops, labels);
    this.declutter();
  }

  private replace(group: L.LayerGroup, labels: MapLabel[]): Placed[] {
    group.clearLayers();
    return labels.map((label) => {
      const tooltip = L.tooltip({ permanent: true, direction: 'right', offset: [offsetPx, 0], interactive: false, className: label.className })
        .setLatLng([label.lat, label.lon])
        .setContent(escapeHtml(label.text));
      group.addLayer(tooltip);
      return { label, tooltip, widthPx: this.width(label.text) };
    });
  }

  private width(text: string): number {
    if (!this.measure) return text.length * fontPx * 0.6 + 8;
    this.measure.font = `600 ${fontPx}px system-ui, sans-serif`;
    return this.measure.measureText(text).width + 8;
  }

  /** Shows each label unless it overlaps one of higher priority already shown. */
  private declutter(): void {
    const candidates = [...this.stopLabels, ...(this.map.hasLayer(this.places) ? this.placeLabels : [])].sort((a, b) => b.label.priority - a.label.priority);
    const taken: { x0: number; y0: number; x1: number; y1: number }[] = [];
    for (const c of candidates) {
      const p = this.map.latLngToContainerPoint([c.label.lat, c.label.lon]);
      const box = { x0: p.x, y0: p.y - heightPx / 2, x1: p.x + offsetPx + c.widthPx, y1: p.y + heightPx / 2 };
      const free = !taken.some((t) => box.x0 < t.x1 && t.x0 < box.x1 && box.y0 < t.y1 && t.y0 < box.y1);
      if (free) taken.push(box);
      c.tooltip.getElement()?.classList.toggle('label-hidden', !free);
    }
  }
}
