// Number and date formatting shared by the list, the chart and the itinerary.

const nf0 = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const nf1 = new Intl.NumberFormat('en', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

export const usd = (v: number): string => `$${nf0.format(v)}`;
export const kg = (v: number): string => (v >= 10000 ? `${nf1.format(v / 1000)} t` : `${nf0.format(v)} kg`);
export const days = (v: number): string => `${nf1.format(v)} d`;
export const hours = (v: number): string => (v >= 48 ? `${nf1.format(v / 24)} d` : `${nf1.format(v)} h`);
export const km = (v: number): string => `${nf0.format(v)} km`;

/** A probability as a whole percentage; never rounds a small chance to 0 % or a near-certainty to 100 %. */
export function percent(p: number): string {
  if (p > 0 && p < 0.005) return '<1%';
  if (p < 1 && p >= 0.995) return '>99%';
  return `${Math.round(p * 100)}%`;
}

/**
 * An engine instant as the engine wrote it, in the place's local time with its offset:
 * `2026-12-15T15:30+08:00` → `2026-12-15 15:30 (UTC+08:00)`; `…Z` (data without time zones) → `… UTC`.
 */
export const localTime = (instant: string): string => {
  const offset = instant.slice(16);
  return `${instant.slice(0, 10)} ${instant.slice(11, 16)} ${offset === 'Z' || offset === '' ? 'UTC' : `(UTC${offset})`}`;
};

export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
