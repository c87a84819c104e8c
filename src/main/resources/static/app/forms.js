// Forms: what she typed stays in `values` (never re-read from the server after a refusal), the
// server's problem detail puts each reason next to its field, and `dirty()` tells the router to
// ask before she leaves with unsaved changes.
import { ApiError } from './api.js';
import { html, live, nothing } from './html.js';
import { enumLabel, fieldLabel } from './labels.js';

export class Form {
  /** `initial`: the record being edited (or defaults); `onChange`: re-render the view. */
  constructor(initial, onChange) {
    this.initial = structuredClone(initial || {});
    this.values = structuredClone(initial || {});
    this.errors = {};
    this.message = '';
    this.busy = false;
    this.changed = false;
    this.onChange = onChange || (() => {});
  }

  set(name, value) {
    this.values[name] = value;
    this.changed = true;
    delete this.errors[name];
    this.onChange();
  }

  dirty() {
    return this.changed;
  }

  /** After a save: what is stored is the new starting point. */
  saved(record) {
    this.initial = structuredClone(record || this.values);
    this.values = structuredClone(record || this.values);
    this.changed = false;
    this.errors = {};
    this.message = '';
  }

  /**
   * Runs `call` (a request); on a problem detail keeps the values and shows each error by its
   * field ("themes[1]" next to "themes", "contacts[2].name" next to "contacts"). Returns the
   * result, or undefined when refused.
   */
  async submit(call) {
    this.busy = true;
    this.errors = {};
    this.message = '';
    this.onChange();
    try {
      return await call();
    } catch (e) {
      this.showError(e);
      return undefined;
    } finally {
      this.busy = false;
      this.onChange();
    }
  }

  showError(e) {
    const problem = e instanceof ApiError ? e.problem : null;
    const listed = problem && Array.isArray(problem.errors) ? problem.errors : [];
    const unplaced = [];
    for (const { field, reason } of listed) {
      const key = String(field || '').split(/[.[]/)[0];
      if (key && !key.startsWith('(')) {
        this.errors[key] = this.errors[key] ? `${this.errors[key]}; ${reason}` : reason;
      } else {
        unplaced.push(reason);
      }
    }
    const detail = e instanceof ApiError ? e.message : String(e);
    this.message = listed.length === 0 || unplaced.length ? `Not saved: ${unplaced.join('; ') || detail}` : 'Not saved: see the marked fields.';
  }

  /** The error of one field, placed under it and named by the field's aria-describedby. */
  error(name) {
    const reason = this.errors[name];
    return reason ? html`<p class="field-error" id=${`${this.idPrefix}-${name}-error`} data-error-for=${name} role="alert">${reason}</p>` : nothing;
  }

  get idPrefix() {
    if (!this.prefix) this.prefix = `f${Math.random().toString(36).slice(2, 8)}`;
    return this.prefix;
  }

  id(name) {
    return `${this.idPrefix}-${name}`;
  }

  /** A labelled text input (type text, date, number, …). */
  input(name, { label, type = 'text', required = false, hint, ...rest } = {}) {
    const value = this.values[name] ?? '';
    return html`<div class="field ${this.errors[name] ? 'invalid' : ''}">
      <label for=${this.id(name)}>${label || fieldLabel(name)}${required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}</label>
      <input id=${this.id(name)} name=${name} type=${type} .value=${live(String(value))} ?required=${required}
        min=${rest.min ?? nothing} max=${rest.max ?? nothing} maxlength=${rest.maxlength ?? nothing}
        aria-invalid=${this.errors[name] ? 'true' : 'false'} aria-describedby=${this.errors[name] ? `${this.id(name)}-error` : nothing}
        @input=${(e) => this.set(name, type === 'number' ? (e.target.value === '' ? null : Number(e.target.value)) : e.target.value)}>
      ${hint ? html`<p class="hint">${hint}</p>` : nothing}
      ${this.error(name)}
    </div>`;
  }

  textarea(name, { label, rows = 3 } = {}) {
    return html`<div class="field ${this.errors[name] ? 'invalid' : ''}">
      <label for=${this.id(name)}>${label || fieldLabel(name)}</label>
      <textarea id=${this.id(name)} name=${name} rows=${rows} .value=${live(this.values[name] ?? '')}
        aria-invalid=${this.errors[name] ? 'true' : 'false'}
        @input=${(e) => this.set(name, e.target.value)}></textarea>
      ${this.error(name)}
    </div>`;
  }

  /** A select of enumeration values (shown with human labels) or of {value, label} options. */
  select(name, options, { label, required = false, empty = '—' } = {}) {
    const value = this.values[name] ?? '';
    const items = options.map((o) => (typeof o === 'object' ? o : { value: o, label: enumLabel(o) }));
    return html`<div class="field ${this.errors[name] ? 'invalid' : ''}">
      <label for=${this.id(name)}>${label || fieldLabel(name)}${required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}</label>
      <select id=${this.id(name)} name=${name} ?required=${required} aria-invalid=${this.errors[name] ? 'true' : 'false'}
        @change=${(e) => this.set(name, e.target.value === '' ? null : e.target.value)}>
        <option value="" ?selected=${value === ''}>${empty}</option>
        ${items.map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${o.label}</option>`)}
      </select>
      ${this.error(name)}
    </div>`;
  }

  checkbox(name, { label } = {}) {
    return html`<div class="field checkbox ${this.errors[name] ? 'invalid' : ''}">
      <input id=${this.id(name)} name=${name} type="checkbox" .checked=${live(Boolean(this.values[name]))}
        @change=${(e) => this.set(name, e.target.checked)}>
      <label for=${this.id(name)}>${label || fieldLabel(name)}</label>
      ${this.error(name)}
    </div>`;
  }

  /** Several values of a list (themes, mandates) as checkboxes in a fieldset. */
  multi(name, options, { label } = {}) {
    const chosen = new Set(this.values[name] || []);
    const toggle = (value, on) => {
      const next = new Set(this.values[name] || []);
      if (on) next.add(value); else next.delete(value);
      this.set(name, [...next]);
    };
    return html`<fieldset class="field multi ${this.errors[name] ? 'invalid' : ''}" id=${this.id(name)}>
      <legend>${label || fieldLabel(name)}</legend>
      ${options.map((o) => {
        const item = typeof o === 'object' ? o : { value: o, label: enumLabel(o) };
        return html`<label class="option"><input type="checkbox" name=${name} value=${item.value}
          .checked=${live(chosen.has(item.value))} @change=${(e) => toggle(item.value, e.target.checked)}> ${item.label}</label>`;
      })}
      ${this.error(name)}
    </fieldset>`;
  }

  /** The form's own message (what could not be placed next to a field) and its buttons. */
  footer(submitLabel, { cancel } = {}) {
    return html`<div class="form-footer">
      <button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? 'Saving…' : submitLabel}</button>
      ${cancel ? html`<button type="button" @click=${cancel}>Cancel</button>` : nothing}
      ${this.message ? html`<p class="form-message error" role="alert">${this.message}</p>` : nothing}
    </div>`;
  }

  /** The values to send: empty strings and empty lists left out (the server applies defaults). */
  body(names) {
    const out = {};
    for (const name of names) {
      const value = this.values[name];
      if (value === '' || value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
      out[name] = typeof value === 'string' ? value.trim() : value;
    }
    return out;
  }

  /** A JSON Merge Patch (RFC 7396) of what changed since `initial`: null removes a field. */
  patch(names) {
    const out = {};
    for (const name of names) {
      const before = this.initial[name];
      let after = this.values[name];
      if (after === '' || (Array.isArray(after) && after.length === 0)) after = null;
      if (JSON.stringify(before ?? null) !== JSON.stringify(after ?? null)) {
        out[name] = typeof after === 'string' ? after.trim() : after;
      }
    }
    return out;
  }
}
