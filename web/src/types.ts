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
  p90Hours?: number;
  labels?: string[];
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
  suggestions?: Record<string, { code: string; name: string; country: string }[]>;
  blocking?: { constraint: string; value: string; message: string }[];
}

/** A route the page offers, with the objectives it is best for. */
export interface RouteOption {
  route: RouteDoc;
  labels: string[];
  key: string;
}
