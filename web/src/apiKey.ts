import './apiKey.css';
import { ApiError } from './api';

/**
 * The server's API key, for servers started with one (`caravan serve --api-key-file`, or CARAVAN_API_KEY): every
 * request that starts work (POST) must carry it as `Authorization: Bearer <key>`. The user types it once in a small
 * field; it is kept for this tab only (sessionStorage) and sent only to this page's own server.
 */
const storageKey = 'caravan.apiKey';

function stored(): string {
  try {
    return sessionStorage.getItem(storageKey) ?? '';
  } catch {
    return '';
  }
}

let key = stored();

/** Headers a POST carries: the key when one was given, else none. */
export function apiKeyHeaders(): Record<string, string> {
  return key ? { Authorization: `Bearer ${key}` } : {};
}

/** True when the server refused a request for want of (the right) key: 401 with problem type api-key-required. */
export function isApiKeyProblem(e: unknown): boolean {
  return e instanceof ApiError && e.status === 401 && (e.problem.type ?? '').endsWith('api-key-required');
}

/** Adds the key field (closed by default) at the end of <paramref name="parent"/>. */
export function mountApiKeyField(parent: HTMLElement): void {
  const box = document.createElement('details');
  box.id = 'api-key-box';
  box.className = 'api-key';
  box.innerHTML = `
    <summary>Server API key</summary>
    <form id="api-key-form" class="row">
      <label for="api-key">Key for starting work (assignments) on this server</label>
      <input id="api-key" name="api-key" type="password" autocomplete="off" spellcheck="false" />
      <button id="api-key-use" type="submit">Use key</button>
      <p id="api-key-status" class="hint" role="status" aria-live="polite"></p>
    </form>`;
  parent.append(box);
  const input = box.querySelector<HTMLInputElement>('#api-key')!;
  const status = box.querySelector<HTMLElement>('#api-key-status')!;
  input.value = key;
  status.textContent = key ? 'A key is set for this tab.' : 'Only needed when the server asks for one.';
  box.querySelector<HTMLFormElement>('#api-key-form')!.addEventListener('submit', (e) => {
    e.preventDefault();
    key = input.value.trim();
    try {
      if (key) sessionStorage.setItem(storageKey, key);
      else sessionStorage.removeItem(storageKey);
    } catch {
      // Storage may be off: the key still holds for this page.
    }
    status.textContent = key ? 'Key set: requests that start work now carry it.' : 'Key cleared.';
  });
}

/** Opens the field and says why: the server wants a key (none given, or a wrong one). */
export function askForApiKey(): void {
  const box = document.getElementById('api-key-box') as HTMLDetailsElement | null;
  if (!box) return;
  box.open = true;
  const status = box.querySelector<HTMLElement>('#api-key-status');
  if (status) status.textContent = key ? 'The server did not accept this key; check it and try again.' : 'This server needs its API key to start work: enter it and try again.';
  box.querySelector<HTMLInputElement>('#api-key')?.focus();
}
