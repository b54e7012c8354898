import type { Meta, PlaceHit, Problem, RouteResponse } from './types';

/** An API answer that is not 2xx, carrying its problem details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
}

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
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

export const api = {
  meta: () => getJson<Meta>('/api/meta'),
  network: () => getJson<GeoJSON.FeatureCollection>('/api/network'),
  places: (q: string, signal?: AbortSignal) =>
    getJson<PlaceHit[]>(`/api/places?q=${encodeURIComponent(q)}&limit=8`, signal),
  route: (params: URLSearchParams) => getJson<RouteResponse>(`/api/route?${params.toString()}`),
};
