import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countriesUrl from 'world-atlas/countries-50m.json?url';
import { colorOf, modeColors, modeLabels } from './modes';
import type { PlaceDoc, RouteDoc } from './types';
import { escapeHtml, hours, km, usd } from './format';
import { MapLabels, type MapLabel } from './labels';

/** The map: a Natural Earth basemap (no tile server), the network by mode, and the chosen route on top. */
export class FreightMap {
  private readonly map: L.Map;
  private readonly networkLayer = L.layerGroup();
  /** Air links on a layer of their own: they cross everything, so the user may hide them. */
  private readonly airLayer = L.layerGroup();
  private readonly labels: MapLabels;
  private readonly routeLayer = L.layerGroup();
  private readonly flowLayer = L.layerGroup();

  constructor(element: HTMLElement) {
    this.map = L.map(element, {
      center: [45, 60],
      zoom: 3,
      minZoom: 2,
      maxZoom: 9,
      worldCopyJump: false,
      preferCanvas: false,
      attributionControl: true,
    });
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution('Basemap: Natural Earth (world-atlas)');
    this.networkLayer.addTo(this.map);
    this.airLayer.addTo(this.map);
    this.flowLayer.addTo(this.map);
    this.routeLayer.addTo(this.map);
    this.labels = new MapLabels(this.map);
    this.labels.places.addTo(this.map);
    this.labels.stops.addTo(this.map);
    L.control
      .layers(undefined, { 'Air links': this.airLayer, 'Place names': this.labels.places }, { collapsed: false, position: 'topright' })
      .addTo(this.map);
  }

  /** Adds a layer of another view (reach, flows) on top of the network; the view owns and clears it. */
  overlay(layer: L.Layer): void {
    layer.addTo(this.map);
  }

  /** Fits the map to a set of points, e.g. the places a reach query found. */
  fit(points: [number, number][]): void {
    if (points.length > 0) this.map.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 6 });
  }

  /** Loads the country outlines; the page works without them. */
  async loadBasemap(): Promise<void> {
    const response = await fetch(countriesUrl);
    const topology = (await response.json()) as Topology;
    const countries = feature(topology, topology.objects.countries as GeometryCollection);
    // Antarctica is far from every route, and its ring runs along the pole, which Web Mercator cannot show.
    countries.features = countries.features.filter((f) => f.id !== '010');
    countries.features.forEach((f) => unwrapAntimeridian(f.geometry));
    const layer = L.geoJSON(countries, {
      interactive: false,
      style: { color: '#9aa5b1', weight: 0.6, fillColor: '#f3efe6', fillOpacity: 1 },
    });
    layer.addTo(this.map);
    layer.bringToBack();
  }

  /** Draws the network: links coloured by mode (air links on their own layer), planned and under-construction links dashed, places as dots with their names. */
  showNetwork(network: GeoJSON.FeatureCollection): void {
    this.networkLayer.clearLayers();
    this.airLayer.clearLayers();
    const links = network.features.filter((f) => f.properties?.type !== 'place');
    const places = network.features.filter((f) => f.properties?.type === 'place');
    const drawLinks = (features: GeoJSON.Feature[], layer: L.LayerGroup) =>
      L.geoJSON(
        { type: 'FeatureCollection', features } as GeoJSON.FeatureCollection,
        {
          style: (f) => {
            const p = f?.properties ?? {};
            const future = p.status !== 'operating';
            return {
              color: colorOf(p.mode),
              weight: p.type === 'crossing' ? 2 : 2.5,
              opacity: 0.55,
              dashArray: future ? '6 6' : undefined,
              className: `net-link mode-${p.mode} status-${p.status}`,
            };
          },
          onEachFeature: (f, layer) => {
            const p = f.properties ?? {};
            const when = p.status === 'operating' ? '' : ` — ${p.status}${p.openingYear ? `, opens ${p.openingYear}` : ''}`;
            layer.bindTooltip(escapeHtml(`${p.id}: ${p.from} → ${p.to}, ${modeLabels[p.mode] ?? p.mode}, ${km(p.distanceKm)}${when}`));
          },
        },
      ).addTo(layer);
    drawLinks(links.filter((f) => f.properties?.mode !== 'Air'), this.networkLayer);
    drawLinks(links.filter((f) => f.properties?.mode === 'Air'), this.airLayer);
    L.geoJSON(
      { type: 'FeatureCollection', features: places } as GeoJSON.FeatureCollection,
      {
        pointToLayer: (_f, latlng) =>
          L.circleMarker(latlng, { radius: 3, color: '#334', weight: 1, fillColor: '#fff', fillOpacity: 1, className: 'net-place' }),
        onEachFeature: (f, layer) => {
          const p = f.properties ?? {};
          layer.bindTooltip(escapeHtml(`${p.name} (${p.code}, ${p.country})`));
        },
      },
    ).addTo(this.networkLayer);
    // Busier places (more links) keep their names when the map is crowded.
    const degree = new Map<string, number>();
    for (const l of links) for (const end of [l.properties?.from, l.properties?.to]) degree.set(end, (degree.get(end) ?? 0) + 1);
    this.labels.setPlaces(
      places.map((f) => {
        const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates as [number, number];
        return { text: String(f.properties?.name), lat, lon, priority: degree.get(f.properties?.code) ?? 0, className: 'place-label' };
      }),
    );
  }

  /** Draws one route: each move as a thick line in its mode's colour, borders and gauge changes marked. */
  showRoute(route: RouteDoc): void {
    this.routeLayer.clearLayers();
    const bounds = L.latLngBounds([]);
    route.legs.forEach((leg, i) => {
      const a = L.latLng(leg.from.lat, leg.from.lon);
      const b = L.latLng(leg.to.lat, leg.to.lon);
      bounds.extend(a).extend(b);
      const tip = escapeHtml(`${i + 1}. ${leg.description} — ${leg.from.name} → ${leg.to.name}, ${hours(leg.hours)}, ${usd(leg.costUsd)}`);
      if (leg.kind === 'move') {
        L.polyline([a, b], { color: '#fff', weight: 9, opacity: 0.9, interactive: false, className: 'route-halo' }).addTo(this.routeLayer);
        L.polyline([a, b], { color: colorOf(leg.mode), weight: 5, opacity: 1, className: `route-leg mode-${leg.mode}` })
          .bindTooltip(tip)
          .addTo(this.routeLayer);
      } else if (leg.kind === 'border') {
        L.polyline([a, b], { color: '#d62828', weight: 5, opacity: 1, dashArray: '2 6', className: 'route-border' }).addTo(this.routeLayer);
        L.circleMarker(b, { radius: 7, color: '#d62828', weight: 3, fillColor: '#fff', fillOpacity: 1, className: 'route-border-mark' })
          .bindTooltip(`Border: ${tip}`)
          .addTo(this.routeLayer);
      } else if (leg.kind === 'transfer') {
        const gauge = /gauge/i.test(leg.description);
        L.circleMarker(a, {
          radius: gauge ? 8 : 6,
          color: gauge ? '#111' : '#555',
          weight: 3,
          fillColor: gauge ? '#ffd166' : '#ddd',
          fillOpacity: 1,
          className: gauge ? 'route-gauge-change' : 'route-transfer',
        })
          .bindTooltip(`${gauge ? 'Gauge change' : 'Transfer'}: ${tip}`)
          .addTo(this.routeLayer);
      }
    });
    const first = route.legs[0];
    const last = route.legs[route.legs.length - 1];
    if (first && last) {
      L.circleMarker([first.from.lat, first.from.lon], { radius: 8, color: '#0b6e4f', weight: 3, fillColor: '#0b6e4f', fillOpacity: 1, className: 'route-origin' })
        .bindTooltip(escapeHtml(`From ${first.from.name}`))
        .addTo(this.routeLayer);
      L.circleMarker([last.to.lat, last.to.lon], { radius: 8, color: '#0b6e4f', weight: 3, fillColor: '#fff', fillOpacity: 1, className: 'route-destination' })
        .bindTooltip(escapeHtml(`To ${last.to.name}`))
        .addTo(this.routeLayer);
    }
    if (bounds.isValid()) {
      this.map.fitBounds(bounds, { padding: [30, 30], maxZoom: 6 });
    }
    this.labels.setStops(routeStops(route));
  }

  clearRoute(): void {
    this.routeLayer.clearLayers();
    this.labels.setStops([]);
  }

  /**
   * Draws assigned flows: line width grows with the flow (square root, 1.5–12 px), colour by utilisation — green
   * below 80%, amber below 100%, red at or above capacity, grey where no capacity is published.
   */
  showFlows(flows: GeoJSON.FeatureCollection): void {
    this.flowLayer.clearLayers();
    const max = Math.max(1, ...flows.features.map((f) => Number(f.properties?.flowTonnes ?? 0)));
    L.geoJSON(flows, {
      style: (f) => {
        const p = f?.properties ?? {};
        const band = utilisationBand(p.utilisation == null ? Number.NaN : Number(p.utilisation));
        return {
          color: utilisationColors[band],
          weight: 1.5 + 10.5 * Math.sqrt(Number(p.flowTonnes) / max),
          opacity: 0.85,
          lineCap: 'round',
          className: `flow-link util-${band}`,
        };
      },
      onEachFeature: (f, layer) => {
        const p = f.properties ?? {};
        const u = p.utilisation == null ? Number.NaN : Number(p.utilisation);
        layer.bindTooltip(
          escapeHtml(`${p.id}: ${p.from} → ${p.to}, ${(Number(p.flowTonnes) / 1e6).toFixed(2)} Mt/yr${u >= 0 ? `, ${Math.round(u * 100)}% of capacity` : ''}`),
        );
      },
    }).addTo(this.flowLayer);
  }

  clearFlows(): void {
    this.flowLayer.clearLayers();
  }
}

/** The route's places worth naming: its ends first, then where it changes mode, crosses a border or boards a ship. */
function routeStops(route: RouteDoc): MapLabel[] {
  const stops = new Map<string, MapLabel>();
  const add = (p: PlaceDoc, priority: number, className: string) => {
    if (!stops.has(p.code)) stops.set(p.code, { text: p.name, lat: p.lat, lon: p.lon, priority, className });
  };
  const first = route.legs[0];
  const last = route.legs[route.legs.length - 1];
  if (first) add(first.from, 3_000_000, 'route-label route-end');
  if (last) add(last.to, 2_000_000, 'route-label route-end');
  for (const leg of route.legs) {
    const notable = leg.kind === 'border' || leg.kind === 'transfer' || (leg.kind === 'move' && (leg.mode === 'Ferry' || leg.mode === 'Sea'));
    if (notable) {
      add(leg.from, 1_000_000, 'route-label');
      add(leg.to, 1_000_000, 'route-label');
    }
  }
  return [...stops.values()];
}

/** Utilisation bands of the flow map. */
export type UtilisationBand = 'ok' | 'busy' | 'over' | 'none';

export const utilisationColors: Record<UtilisationBand, string> = { ok: '#2a9d44', busy: '#e9a31b', over: '#d62828', none: '#8a8f98' };

/** green < 80%, amber < 100%, red ≥ 100%; none when no capacity is published (negative). */
export function utilisationBand(u: number): UtilisationBand {
  if (!Number.isFinite(u) || u < 0) return 'none';
  return u < 0.8 ? 'ok' : u < 1 ? 'busy' : 'over';
}

/**
 * Makes every ring continuous in longitude (no jump of more than 180° between neighbours), so that rings of countries
 * that straddle 180° (Russia, Fiji) are not drawn as bands across the whole map.
 */
function unwrapAntimeridian(geometry: GeoJSON.Geometry | null): void {
  if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) return;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const ring of polygons.flat()) {
    for (let i = 1; i < ring.length; i++) {
      const previous = ring[i - 1]![0]!;
      const point = ring[i]!;
      while (point[0]! - previous > 180) point[0]! -= 360;
      while (point[0]! - previous < -180) point[0]! += 360;
    }
  }
}

/** The legend: one swatch per mode, plus the marks used on a route. */
export function renderLegend(element: HTMLElement): void {
  const items = Object.entries(modeColors)
    .map(([mode, color]) => `<li><span class="swatch" style="background:${color}"></span>${modeLabels[mode]}</li>`)
    .join('');
  element.innerHTML = `<ul>${items}
    <li><span class="swatch dashed"></span>planned / under construction</li>
    <li><span class="dot border"></span>border</li>
    <li><span class="dot gauge"></span>gauge change</li></ul>`;
}
