// Number and date formatting shared by the list, the chart and the itinerary.

const nf0 = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const nf1 = new Intl.NumberFormat('en', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

export const usd = (v: number): string => `$${nf0.format(v)}`;
export const kg = (v: number): string => (v >= 10000 ? `${nf1.format(v / 1000)} t` : `${nf0.format(v)} kg`);
export const days = (v: number): string => `${nf1.format(v)} d`;
export const hours = (v: number): string => (v >= 48 ? `${nf1.format(v / 24)} d` : `${nf1.format(v)} h`);
export const km = (v: number): string => `${nf0.format(v)} km`;

/** Adds hours to an ISO date (yyyy-mm-dd) and returns the date. */
export function addHours(isoDate: string, h: number): Date {
  const d = new Date(`${isoDate}T00:00:00Z`);
  return new Date(d.getTime() + h * 3600_000);
}

export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
