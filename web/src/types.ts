// The JSON shapes of the Caravan API (see src/Caravan/Export/RouteDocuments.cs).

export interface PlaceDoc {
  code: string;
  name: string;
  country: string;
  lat: number;
  lon: number;
}

export interface LegDoc {
  kind: 'move' | 'transfer' | 'border' | 'wait';
  mode: string;
  from: PlaceDoc;
  to: PlaceDoc;
  distanceKm: number;
  hours: number;
  p90Hours: number;
  costUsd: number;
  co2eKg: number;
  description: string;
  linkId?: string;
  corridor?: string;
  /** Departure of the leg in its from-place's local time with the offset (`2026-12-01T16:00+08:00`), when the query gave a departure. */
  departs?: string;
  /** Arrival of the leg in its to-place's local time with the offset, when the query gave a departure. */
  arrives?: string;
}

export interface TotalsDoc {
  distanceKm: number;
  hours: number;
  days: number;
  costUsd: number;
  co2eKg: number;
  transfers: number;
  borders: number;
}

export interface RouteDoc {
  corridor: string;
  objective: string;
  commodity: string;
  quantity: number;
  unit: string;
  legs: LegDoc[];
  totals: TotalsDoc;
  /** Median door-to-door hours of the reliability model. */
  p50Hours?: number;
  /** 90th-percentile door-to-door hours. */
  p90Hours?: number;
  /** Probability of arriving by the deadline, when the query gave one. */
  onTimeProbability?: number | null;
  /** The engine's labels (recommended, fastest, cheapest, …); untagged options have none. */
  labels?: string[] | null;
}

export interface RouteResponse {
  from: PlaceDoc;
  to: PlaceDoc;
  routes: RouteDoc[];
}

export interface PlaceHit extends PlaceDoc {
  kind: string;
  matched: string;
}

export interface Meta {
  places: number;
  links: number;
  modes: string[];
  cargos: { name: string; unit: string }[];
  countries: string[];
  year: number;
}

/** RFC 7807 problem details as the API sends them. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
  /** Per field: nearest places (unknown places) or nearest names (unknown parameters); a bare list for unknown scenarios. */
  suggestions?: Record<string, ({ code: string; name: string; country: string } | string)[]> | string[];
  blocking?: { constraint: string; value: string; message: string }[];
}

/** A scenario as `GET /api/scenarios` lists it. */
export interface ScenarioSummary {
  name: string;
  description: string;
  basedOn?: string;
  sources: string[];
  changes: number;
}

/** A route's figures in a comparison. */
export interface CompareRoute {
  hours: number;
  costUsd: number;
  co2eKg: number;
  distanceKm: number;
  corridor: string;
}

/** One OD pair of `GET /api/compare`. */
export interface ComparePair {
  from: string;
  fromName: string;
  to: string;
  toName: string;
  commodity: string;
  quantity: number;
  a?: CompareRoute;
  b?: CompareRoute;
  noRouteA?: string;
  noRouteB?: string;
  reasons: string[];
  deltaHours?: number;
  deltaCostUsd?: number;
  deltaCo2eKg?: number;
}

/** `GET /api/compare`: the `caravan compare --json` document. */
export interface Comparison {
  a: { name: string; description: string };
  b: { name: string; description: string };
  objective: string;
  year: number;
  routes: ComparePair[];
  skipped: { from: string; to: string; reason: string }[];
}

/** A bottleneck of an assignment. */
export interface Bottleneck {
  id: string;
  kind: string;
  mode: string;
  from: string;
  to: string;
  corridor: string;
  flowTonnes: number;
  capacityTonnes?: number;
  utilisation?: number;
  delayHours: number;
  /** What a tonne pays to get through the capacity, USD (the equilibrium's shadow price). */
  shadowUsdPerTonne?: number;
}

/** `GET /api/assignments/{id}`. */
export interface AssignmentResult {
  id: string;
  demand: string;
  scenario: string;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  error?: string;
  model?: string;
  converged?: boolean;
  iterations: number;
  relativeGap?: number;
  seconds: number;
  maxUtilisation?: number;
  demandTonnes?: number;
  totals?: { generalizedCostUsd: number; tariffUsd: number; tonneHours: number; tonneKm: number; co2eKg: number };
  corridorTonnes?: { corridor: string; tonnes: number; tonnesByClass: Record<string, number> }[];
  bottlenecks?: Bottleneck[];
  corridors?: { corridor: string; tonneKm: number; share: number }[];
  flows?: GeoJSON.FeatureCollection;
}

/** One place within a reach budget (`/api/reach`). */
export interface ReachPlaceDoc {
  place: PlaceDoc;
  hours: number;
  p90Hours: number;
  costUsd: number;
  co2eKg: number;
  distanceKm: number;
  corridor: string;
}

/** Every place reachable within a budget from one origin (`/api/reach`). */
export interface ReachDoc {
  from: PlaceDoc;
  budget: string;
  objective: string;
  commodity: string;
  unit: string;
  places: ReachPlaceDoc[];
}
