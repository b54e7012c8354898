import './style.css';
import { api, ApiError } from './api';
import { askForApiKey, isApiKeyProblem, mountApiKeyField } from './apiKey';
import { renderChart } from './chart';
import { fillField, fillFromLink, linkFor, readForm, setUpForm } from './form';
import { FreightMap, renderLegend } from './map';
import { renderItinerary, renderOptions } from './options';
import type { RouteDoc } from './types';
import { escapeHtml } from './format';
import { fillScenarioSelect, renderComparison, runAssignment } from './analysis';
import type { ScenarioSummary } from './types';
import { mountSweepView } from './sweep';
import { ReachView } from './reach';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const errorBox = $<HTMLDivElement>('error');
const results = $<HTMLElement>('results');
const map = new FreightMap($('map'));
let routes: RouteDoc[] = [];
let scenarios: ScenarioSummary[] = [];
let shownScenario = 'base';
let planned = new URLSearchParams();
const reach = new ReachView(map, showProblem);

renderLegend($('legend'));

function showError(title: string, html: string): void {
  errorBox.innerHTML = `<strong>${escapeHtml(title)}</strong><p>${html}</p>`;
  errorBox.hidden = false;
}

function clearError(): void {
  errorBox.hidden = true;
  errorBox.innerHTML = '';
}

function showProblem(e: unknown): void {
  if (isApiKeyProblem(e)) askForApiKey();
  if (!(e instanceof ApiError)) {
    showError('Something went wrong', escapeHtml(String(e)));
    return;
  }
  const p = e.problem;
  const suggestions = (Array.isArray(p.suggestions) ? undefined : p.suggestions) ?? {};
  const errors = Object.entries(p.errors ?? {});
  // Field by field when the server says which field is wrong; a suggested place is a button that fills the field.
  let html = errors.length
    ? errors
        .map(([field, messages]) => {
          const near = suggestions[field];
          const text = messages.map((m) => (near ? m.replace(/; did you mean .*$/, '') : m)).join('; ');
          // A suggested place is a button that fills the field; a suggested name (of a parameter) is just said.
          const buttons = near?.length
            ? ` — did you mean ${near
                .map((s) =>
                  typeof s === 'string'
                    ? escapeHtml(s)
                    : `<button type="button" class="link" data-field="${escapeHtml(field)}" data-value="${escapeHtml(s.name)}">${escapeHtml(s.name)} (${escapeHtml(s.code)})</button>`,
                )
                .join(', ')}?`
            : '';
          return `<span class="field-error"><b>${escapeHtml(field)}</b>: ${escapeHtml(text)}${buttons}</span>`;
        })
        .join('')
    : escapeHtml(p.detail ?? p.title ?? `HTTP ${e.status}`);
  if (p.blocking?.length) {
    html = `${escapeHtml((p.detail ?? '').split(':')[0]!)}. Lift one of these and a route exists:<ul>${p.blocking.map((b) => `<li>${escapeHtml(b.message)} (${escapeHtml(b.constraint)} ${escapeHtml(b.value)})</li>`).join('')}</ul>`;
  }
  showError(p.title ?? 'Error', html);
  errorBox.querySelectorAll<HTMLButtonElement>('button[data-field]').forEach((b) =>
    b.addEventListener('click', () => fillField(b.dataset.field!, b.dataset.value!)),
  );
}

function choose(i: number): void {
  const route = routes[i];
  if (!route) return;
  renderOptions($<HTMLOListElement>('options'), routes, i, choose);
  renderChart($('chart'), routes, i, choose);
  renderItinerary($('itinerary'), route);
  // The same bytes as `caravan route --csv/--xlsx`, for the chosen option.
  $<HTMLAnchorElement>('download-csv').href = api.itineraryUrl(planned, i + 1, 'csv');
  $<HTMLAnchorElement>('download-xlsx').href = api.itineraryUrl(planned, i + 1, 'xlsx');
  map.showRoute(route);
}

async function planRoutes(event?: SubmitEvent): Promise<void> {
  event?.preventDefault();
  clearError();
  const input = readForm();
  if (typeof input === 'string') {
    showError('Check the form', escapeHtml(input));
    return;
  }
  history.replaceState(null, '', linkFor(input));
  const button = $<HTMLButtonElement>('plan');
  button.disabled = true;
  $('plan-form').setAttribute('aria-busy', 'true');
  button.textContent = 'Planning…';
  try {
    // One query; the engine orders the options (its chosen one first) and labels them: the page keeps both.
    let plan;
    try {
      plan = await api.route(input.params);
    } catch (e) {
      results.hidden = true;
      map.clearRoute();
      showProblem(e);
      return;
    }
    routes = plan.routes;
    planned = input.params;
    results.hidden = false;
    $('summary').textContent = `${routes.length} option${routes.length === 1 ? '' : 's'} from ${plan.from.name} to ${plan.to.name}`;
    choose(0);
  } finally {
    button.disabled = false;
    $('plan-form').removeAttribute('aria-busy');
    button.textContent = 'Plan routes';
  }
}

/** Draws the network of the chosen scenario and, when a plan is shown, plans again on it. */
async function switchScenario(): Promise<void> {
  const name = $<HTMLSelectElement>('scenario').value || 'base';
  $('scenario-description').textContent = scenarios.find((s) => s.name === name)?.description ?? '';
  if (name === shownScenario) return;
  shownScenario = name;
  map.clearFlows();
  $('assign-result').hidden = true;
  try {
    const network = await api.network(name);
    if (shownScenario !== name) return; // another scenario was chosen meanwhile
    map.showNetwork(network);
  } catch (e) {
    showProblem(e);
    return;
  }
  if (!results.hidden) await planRoutes();
}

async function compareScenarios(): Promise<void> {
  const a = $<HTMLSelectElement>('compare-a').value;
  const b = $<HTMLSelectElement>('compare-b').value;
  const button = $<HTMLButtonElement>('compare');
  const status = $('compare-status');
  clearError();
  button.disabled = true;
  status.textContent = `Comparing ${a} with ${b}…`;
  try {
    const c = await api.compare(a, b);
    renderComparison($('compare-result'), c);
    status.textContent = `${c.routes.length} pairs compared.`;
  } catch (e) {
    status.textContent = '';
    showProblem(e);
  } finally {
    button.disabled = false;
  }
}

async function setUpAnalysis(): Promise<void> {
  $('scenario').addEventListener('change', () => void switchScenario());
  $('compare').addEventListener('click', () => void compareScenarios());
  $('reach').addEventListener('click', () => {
    clearError();
    const from = $<HTMLInputElement>('reach-from').value.trim() || $<HTMLInputElement>('from').value.trim();
    void reach.run(from, $<HTMLInputElement>('reach-within').value.trim(), $<HTMLSelectElement>('cargo').value, $<HTMLSelectElement>('scenario').value);
  });
  $('assign').addEventListener('click', () => {
    clearError();
    void runAssignment($<HTMLSelectElement>('demand').value, $<HTMLSelectElement>('scenario').value || 'base', map, showProblem);
  });
  const [list, demands] = await Promise.all([api.scenarios(), api.demands()]);
  scenarios = list;
  const wanted = new URLSearchParams(location.search).get('scenario') ?? 'base';
  fillScenarioSelect($<HTMLSelectElement>('scenario'), list, list.some((s) => s.name === wanted) ? wanted : 'base');
  fillScenarioSelect($<HTMLSelectElement>('compare-a'), list, 'base');
  fillScenarioSelect($<HTMLSelectElement>('compare-b'), list, list.find((s) => s.name !== 'base')?.name ?? 'base');
  $('scenario-description').textContent = list.find((s) => s.name === $<HTMLSelectElement>('scenario').value)?.description ?? '';
  const demand = $<HTMLSelectElement>('demand');
  demand.innerHTML = demands.map((d) => `<option value="${escapeHtml(d)}">${escapeHtml(d)}</option>`).join('');
  $<HTMLButtonElement>('assign').disabled = demands.length === 0;
  if (demands.length === 0) $('assign-status').textContent = 'No demand sets in the data folder (demand/*.csv).';
}

async function start(): Promise<void> {
  $<HTMLFormElement>('plan-form').addEventListener('submit', (e) => void planRoutes(e));
  mountApiKeyField(document.querySelector<HTMLElement>('aside.panel') ?? document.body);
  mountSweepView(document.querySelector<HTMLElement>('aside.panel') ?? document.body);
  try {
    const meta = await api.meta();
    setUpForm(meta);
    await setUpAnalysis();
    shownScenario = $<HTMLSelectElement>('scenario').value || 'base';
    $('stats').textContent = `${meta.places} places · ${meta.links} links · ${meta.countries.length} countries`;
    document.body.dataset.ready = 'true';
    if (fillFromLink(location.search)) void planRoutes();
  } catch (e) {
    showProblem(e);
  }
  map.loadBasemap().catch(() => undefined);
  api
    .network(shownScenario)
    .then((n) => map.showNetwork(n))
    .catch((e) => showProblem(e));
}

void start();
