import { api } from './api';
import type { Meta } from './types';
import { modeLabels } from './modes';
import { isoDay } from './format';

/** What the user asked for, read from the form: the `/api/route` query. */
export interface PlanInput {
  params: URLSearchParams;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** Fills the form's choices from the served network and wires the autocomplete. */
export function setUpForm(meta: Meta): void {
  const cargo = $<HTMLSelectElement>('cargo');
  cargo.innerHTML = meta.cargos.map((c) => `<option value="${c.name}" data-unit="${c.unit}">${c.name} (${c.unit})</option>`).join('');
  cargo.addEventListener('change', () => {
    $('unit').textContent = cargo.selectedOptions[0]?.dataset.unit ?? '';
  });
  $('unit').textContent = meta.cargos[0]?.unit ?? '';
  $('avoid-countries').innerHTML = meta.countries.map((c) => checkbox('avoid-country', c, c)).join('');
  $('avoid-modes').innerHTML = meta.modes.map((m) => checkbox('avoid-mode', m, modeLabels[m] ?? m)).join('');
  const date = $<HTMLInputElement>('date');
  if (!date.value) date.value = isoDay(new Date());
  autocomplete($<HTMLInputElement>('from'), $<HTMLDataListElement>('from-list'));
  autocomplete($<HTMLInputElement>('to'), $<HTMLDataListElement>('to-list'));
}

function checkbox(name: string, value: string, label: string): string {
  const id = `${name}-${value}`;
  return `<label class="chip" for="${id}"><input type="checkbox" id="${id}" name="${name}" value="${value}" /> ${label}</label>`;
}

/** Suggests places as the user types (debounced; older answers are cancelled). */
function autocomplete(input: HTMLInputElement, list: HTMLDataListElement): void {
  let timer = 0;
  let pending: AbortController | null = null;
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 1) return;
    timer = window.setTimeout(async () => {
      pending?.abort();
      pending = new AbortController();
      try {
        const hits = await api.places(q, pending.signal);
        list.innerHTML = hits
          .map((h) => `<option value="${h.name.replace(/"/g, '&quot;')}">${h.code} · ${h.country}${h.matched !== h.name ? ` · ${h.matched}` : ''}</option>`)
          .join('');
      } catch {
        // Suggestions are a convenience; the plan request reports real problems.
      }
    }, 120);
  });
}

/** Reads the form into query parameters (without the objective), or returns a message for what is missing. */
export function readForm(): PlanInput | string {
  const from = $<HTMLInputElement>('from').value.trim();
  const to = $<HTMLInputElement>('to').value.trim();
  if (!from || !to) return 'Enter both an origin (From) and a destination (To).';
  const params = new URLSearchParams({ from, to });
  params.set('cargo', $<HTMLSelectElement>('cargo').value);
  const quantity = $<HTMLInputElement>('quantity').value.trim();
  if (quantity) params.set('quantity', quantity);
  const checked = (name: string) =>
    [...document.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((c) => c.value).join(',');
  const avoid = checked('avoid-country');
  if (avoid) params.set('avoid', avoid);
  const modes = checked('avoid-mode');
  if (modes) params.set('avoidModes', modes);
  // Dates go to the engine as they are: a day is 00:00 local time at the origin (the deadline at the destination);
  // the engine checks them and dates every leg in local time.
  const date = $<HTMLInputElement>('date').value;
  if (date) {
    params.set('depart', date);
    params.set('year', date.slice(0, 4));
  }
  const deadline = $<HTMLInputElement>('deadline').value;
  if (deadline) params.set('deadline', deadline);
  const scenario = $<HTMLSelectElement>('scenario').value;
  if (scenario && scenario !== 'base') params.set('scenario', scenario);
  return { params };
}

/** Puts a suggested place into a field (from "did you mean"). */
export function fillField(field: string, value: string): void {
  const input = document.getElementById(field) as HTMLInputElement | null;
  if (input) {
    input.value = value;
    input.focus();
  }
}

/** Fills the form from a shared link (`?from=&to=&cargo=&quantity=&avoid=&avoidModes=&date=&deadline=`); true when it names a trip. */
export function fillFromLink(search: string): boolean {
  const link = new URLSearchParams(search);
  const set = (id: string, value: string | null) => {
    const input = document.getElementById(id) as HTMLInputElement | HTMLSelectElement | null;
    if (input && value) input.value = value;
  };
  for (const id of ['from', 'to', 'cargo', 'quantity', 'date', 'deadline']) set(id, link.get(id));
  const check = (name: string, list: string | null) => {
    for (const value of (list ?? '').split(',').filter(Boolean)) {
      const box = document.getElementById(`${name}-${value}`) as HTMLInputElement | null;
      if (box) box.checked = true;
    }
  };
  check('avoid-country', link.get('avoid')?.toUpperCase() ?? null);
  check('avoid-mode', link.get('avoidModes'));
  return Boolean(link.get('from') && link.get('to'));
}

/** The link that reopens the page with this plan. */
export function linkFor(input: PlanInput): string {
  const link = new URLSearchParams(input.params);
  link.delete('year');
  const depart = link.get('depart');
  link.delete('depart');
  if (depart) link.set('date', depart);
  return `?${link.toString()}`;
}
