import { apiKeyHeaders } from './apiKey';
import type { AssignmentResult, Comparison, Meta, PlaceHit, Problem, ReachDoc, RouteResponse, ScenarioSummary } from './types';

/** An API answer that is not 2xx, carrying its problem details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
}

async function getJson<T>(url: string, signal?: AbortSignal, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    // Requests that start work carry the server's API key when the user gave one (see apiKey.ts).
    const key = init?.method && init.method !== 'GET' ? apiKeyHeaders() : {};
    response = await fetch(url, { signal, ...init, headers: { Accept: 'application/json', ...key, ...(init?.headers ?? {}) } });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, { title: 'Network error', detail: 'The Caravan server did not answer. Is `caravan serve` running?' });
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) {
    const problem = (body && typeof body === 'object' ? body : { title: response.statusText }) as Problem;
    throw new ApiError(response.status, problem);
  }
  return body as T;
}

/** `&scenario=…` for a scenario other than base, else nothing. */
export const scenarioParam = (scenario: string): string =>
  scenario && scenario !== 'base' ? `scenario=${encodeURIComponent(scenario)}` : '';

export const api = {
  meta: () => getJson<Meta>('/api/meta'),
  network: (scenario = '') => {
    const q = scenarioParam(scenario);
    return getJson<GeoJSON.FeatureCollection>(`/api/network${q ? `?${q}` : ''}`);
  },
  places: (q: string, signal?: AbortSignal) =>
    getJson<PlaceHit[]>(`/api/places?q=${encodeURIComponent(q)}&limit=8`, signal),
  scenarios: () => getJson<ScenarioSummary[]>('/api/scenarios'),
  compare: (a: string, b: string) =>
    getJson<Comparison>(`/api/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`),
  demands: () => getJson<string[]>('/api/demands'),
  startAssignment: (demand: string, scenario: string) =>
    getJson<{ id: string; events: string; result: string }>('/api/assignments', undefined, {
      method: 'POST',
      body: JSON.stringify({ demand, scenario }),
      headers: { 'Content-Type': 'application/json' },
    }),
  assignment: (id: string) => getJson<AssignmentResult>(`/api/assignments/${encodeURIComponent(id)}`),
  route: (params: URLSearchParams) => getJson<RouteResponse>(`/api/route?${params.toString()}`),
  reach: (params: URLSearchParams) => getJson<ReachDoc>(`/api/reach?${params.toString()}`),
  /** The link that downloads option `option` (1-based) of a plan as CSV or XLSX: the CLI's `--csv`/`--xlsx` bytes. */
  itineraryUrl: (params: URLSearchParams, option: number, format: 'csv' | 'xlsx') => {
    const q = new URLSearchParams(params);
    q.set('option', String(option));
    return `/api/route/itinerary/${format}?${q.toString()}`;
  },
};
