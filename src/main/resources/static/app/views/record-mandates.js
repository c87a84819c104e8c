// The mandate(s) of an activity: found by title with the picker, shown by title, stored in the
// form as ids (a visit's `mandate`, a communication's `mandates`), the server's error under them.
import { get } from '../api.js';
import { html, nothing } from '../html.js';
import { enumLabel } from '../labels.js';
import { Picker, countryLabel } from '../ui.js';

/** Mandate titles by id, asked once per page. */
const titles = new Map();

export async function mandateTitle(id) {
  if (!titles.has(id)) {
    titles.set(id, get(`/api/mandates/${encodeURIComponent(id)}`).then((m) => m.title).catch(() => id));
  }
  return titles.get(id);
}

export class MandateField {
  constructor(form, name, { onChange, onPick } = {}) {
    this.form = form;
    this.name = name;
    this.onChange = onChange || (() => {});
    this.names = new Map();
    this.picker = new Picker({
      labels: ['Mandate'],
      label: 'Find a mandate',
      placeholder: 'Type a title…',
      onChange: this.onChange,
      exclude: (m) => this.ids().includes(m.id),
      onPick: (m) => {
        this.names.set(m.id, { title: m.name, sub: [enumLabel(m.kind), countryLabel(m.country)].filter(Boolean).join(' · ') });
        const many = Array.isArray(this.form.values[this.name]) || this.name === 'mandates';
        this.form.set(this.name, many ? [...this.ids(), m.id] : m.id);
        if (onPick) onPick(m);
      },
    });
    this.picker.uid = `${form.idPrefix}-${name}-find`;
  }

  ids() {
    const v = this.form.values[this.name];
    if (!v) return [];
    return Array.isArray(v) ? v : [v];
  }

  async load(ids) {
    await Promise.all(ids.filter(Boolean).map(async (id) => this.names.set(id, { title: await mandateTitle(id), sub: '' })));
  }

  remove(id) {
    const many = this.name === 'mandates';
    this.form.set(this.name, many ? this.ids().filter((x) => x !== id) : null);
  }

  chip(id) {
    const n = this.names.get(id) || { title: id, sub: '' };
    return html`<li data-id=${id}><span class="name">${n.title}</span>${n.sub ? html` <span class="sub">${n.sub}</span>` : nothing}
      <button type="button" aria-label=${`Remove ${n.title}`} @click=${() => this.remove(id)}>×</button></li>`;
  }

  /** One mandate (a visit): the chosen one with "Change", or the picker. */
  single({ label = 'Mandate', required = false } = {}) {
    const id = this.ids()[0];
    const error = this.form.errors[this.name];
    return html`<div class="field mandate-field ${error ? 'invalid' : ''}" id=${this.form.id(this.name)}>
      <span class="field-title">${label}${required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}</span>
      ${id ? html`<ul class="chips" aria-label=${label}>${this.chip(id)}</ul>` : this.picker.view()}
      ${this.form.error(this.name)}
    </div>`;
  }

  /** Several mandates (a joint communication): chips and the picker to add one more. */
  multiple({ label = 'Mandates' } = {}) {
    const error = this.form.errors[this.name];
    const ids = this.ids();
    return html`<div class="field mandate-field wide ${error ? 'invalid' : ''}" id=${this.form.id(this.name)}>
      <span class="field-title">${label}</span>
      ${ids.length ? html`<ul class="chips" aria-label=${label}>${ids.map((id) => this.chip(id))}</ul>` : nothing}
      ${this.picker.view()}
      ${this.form.error(this.name)}
    </div>`;
  }
}
