// Pieces every view shares: the picker that finds a person (or organisation, or mandate) by name
// and shows what tells two of one name apart, and small renderers for names and messages.
import { ApiError, get } from './api.js';
import { html, nothing } from './html.js';
import { enumLabel, kindLabel } from './labels.js';

/** Country code → English name, filled from GET /api/vocabulary by `rememberCountries`. */
const countryNames = new Map();

export function rememberCountries(vocabulary) {
  for (const c of vocabulary.countries || []) countryNames.set(c.code, c.name);
}

export function countryLabel(code) {
  return code ? countryNames.get(code) || code : '';
}

/** "Contact · defender · Egypt · Cairo Institute" for a search match. */
export function describeMatch(m) {
  const orgs = (m.organisations || []).map((o) => o.name).filter(Boolean).join(', ');
  return [m.label === 'Contact' ? null : kindLabel(m.label), enumLabel(m.kind), countryLabel(m.country), orgs]
    .filter(Boolean).join(' · ');
}

let pickerCount = 0;

/**
 * Search-as-you-type over GET /api/search. `onPick(match)` is called with the chosen match;
 * `view()` renders the input and the result list (a listbox, keyboard: arrows and Enter).
 */
export class Picker {
  constructor({ labels = ['Contact'], label = 'Find a person', placeholder = 'Type a name…', onPick, onChange, exclude } = {}) {
    this.labels = labels;
    this.label = label;
    this.placeholder = placeholder;
    this.onPick = onPick || (() => {});
    this.onChange = onChange || (() => {});
    this.exclude = exclude || (() => false);
    this.query = '';
    this.results = [];
    /** The query `results` answer (the list's data-query: a test waits for the answer to all she typed). */
    this.answered = '';
    this.active = -1;
    this.message = '';
    this.timer = null;
    this.seq = 0;
    this.uid = `picker-${++pickerCount}`;
  }

  type(text) {
    this.query = text;
    clearTimeout(this.timer);
    if (text.trim().length < 2) {
      this.results = [];
      this.answered = '';
      this.message = '';
      this.onChange();
      return;
    }
    this.timer = setTimeout(() => this.search(), 200);
  }

  async search() {
    const seq = ++this.seq;
    const query = this.query.trim();
    try {
      const results = await get('/api/search', { q: query, labels: this.labels.join(','), limit: 20 });
      if (seq !== this.seq) return;
      this.results = results.filter((m) => !this.exclude(m));
      this.answered = query;
      this.active = this.results.length ? 0 : -1;
      this.message = this.results.length ? '' : 'No match.';
    } catch (e) {
      if (seq !== this.seq) return;
      this.results = [];
      this.answered = query;
      this.message = e instanceof ApiError ? `Search failed: ${e.message}` : String(e);
    }
    this.onChange();
  }

  pick(match) {
    this.results = [];
    this.answered = '';
    this.query = '';
    this.message = '';
    this.onPick(match);
    this.onChange();
  }

  keydown(event) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const n = this.results.length;
      if (n) this.active = (this.active + (event.key === 'ArrowDown' ? 1 : n - 1)) % n;
      this.onChange();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (this.active >= 0 && this.results[this.active]) this.pick(this.results[this.active]);
    } else if (event.key === 'Escape') {
      this.results = [];
      this.onChange();
    }
  }

  view() {
    const listId = `${this.uid}-results`;
    return html`<div class="picker">
      <label for=${this.uid}>${this.label}</label>
      <input id=${this.uid} type="search" autocomplete="off" placeholder=${this.placeholder} .value=${this.query}
        role="combobox" aria-expanded=${this.results.length ? 'true' : 'false'} aria-controls=${listId}
        aria-activedescendant=${this.active >= 0 ? `${listId}-${this.active}` : nothing}
        @input=${(e) => this.type(e.target.value)} @keydown=${(e) => this.keydown(e)}>
      <ul id=${listId} class="picker-results" role="listbox" aria-label=${`${this.label}: matches`} data-query=${this.answered} ?hidden=${!this.results.length}>
        ${this.results.map((m, i) => html`<li id=${`${listId}-${i}`} role="option" aria-selected=${i === this.active ? 'true' : 'false'}
            class=${i === this.active ? 'active' : ''} data-id=${m.id} @mousedown=${(e) => { e.preventDefault(); this.pick(m); }}>
          <span class="name">${m.name || m.id}</span> <span class="sub">${describeMatch(m)}</span></li>`)}
      </ul>
      ${this.message ? html`<p class="hint">${this.message}</p>` : nothing}
    </div>`;
  }
}

/** A message line: `{text, error}` or nothing. */
export function notice(message) {
  if (!message || !message.text) return nothing;
  return html`<p class=${message.error ? 'notice error' : 'notice'} role=${message.error ? 'alert' : 'status'}>${message.text}</p>`;
}

/** The text of an error for a notice. */
export function failure(prefix, e) {
  return { text: `${prefix}: ${e instanceof ApiError ? e.message : String(e)}`, error: true };
}
