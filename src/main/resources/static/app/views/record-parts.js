// Pieces the "Record what happened" forms share: the read-only note for roles that cannot record,
// country options, a theme chooser that also takes a new theme, a list of short texts (how to
// reach someone), the list of people and organisations who took part in something (each one a tie
// to the record, saved one by one so a refusal names the person), and the small inline form that
// adds a new contact without leaving the form she is filling in.
import { ApiError, get, send } from '../api.js';
import { Form } from '../forms.js';
import { html, nothing, repeat } from '../html.js';
import { enumLabel, fieldLabel } from '../labels.js';
import { Picker, describeMatch } from '../ui.js';
import { replaceRoute } from '../router.js';

/** What ANALYST and REPORTS see instead of a form. */
export function readOnly(title) {
  return html`<section class="view narrow" aria-labelledby="read-only-title">
    <h2 id="read-only-title">${title}</h2>
    <p class="notice" role="status" id="read-only">Your role can read the network but not record in it. Ask an officer to record this.</p>
  </section>`;
}

/** After a refusal: the keyboard goes to the first field the server named (or the form's message). */
export function focusFirstError(container) {
  const field = container.querySelector('[aria-invalid="true"], .invalid input, .invalid select, .participant-list li.failed button, .form-message.error');
  if (!field) return;
  if (field.matches('p')) field.setAttribute('tabindex', '-1');
  field.focus();
}

/** The countries of the vocabulary as select options, by name. */
export function countryOptions(vocabulary) {
  return [...vocabulary.countries]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((c) => ({ value: c.code, label: c.name }));
}

/** The path of a node's page in the workspace ("#/contacts/c-1"). */
export function pageOf(label, id) {
  const collection = label === 'Organisation' ? 'organisations' : 'contacts';
  return `#/${collection}/${encodeURIComponent(id)}`;
}

/** A typed theme as the API wants it: "women's rights" → "WOMENS_RIGHTS". */
export function themeCode(text) {
  return String(text || '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toUpperCase()
    .replace(/['’]/g, '').replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

/**
 * Themes: the themes in use as checkboxes, plus any theme of the record not yet in use, plus a
 * text box that adds a new one (written in capitals with underscores).
 */
export function themesField(form, vocabulary, state, update) {
  const chosen = form.values.themes || [];
  const options = [...new Set([...(vocabulary.themes || []), ...chosen])].sort();
  const id = form.id('new-theme');
  const add = () => {
    const code = themeCode(state.newTheme);
    if (!code) return;
    if (!chosen.includes(code)) form.set('themes', [...chosen, code]);
    state.newTheme = '';
    update();
  };
  return html`<div class="wide themes-field">
    ${form.multi('themes', options)}
    <div class="add-theme">
      <label for=${id}>Add a theme not in the list</label>
      <input id=${id} type="text" .value=${state.newTheme || ''} placeholder="e.g. Water rights"
        @input=${(e) => { state.newTheme = e.target.value; update(); }}
        @keydown=${(e) => { if (e.key === 'Enter') { e.preventDefault(); add(); } }}>
      <button type="button" class="add-theme-button" @click=${add}>Add theme</button>
      ${state.newTheme && themeCode(state.newTheme) ? html`<span class="hint">Will be recorded as ${enumLabel(themeCode(state.newTheme))}</span>` : nothing}
    </div>
  </div>`;
}

/** A list of short texts (a contact's channels): chips with a remove button and a box to add one. */
export function textListField(form, name, state, update, { label, placeholder, addLabel = 'Add' } = {}) {
  const items = form.values[name] || [];
  const id = form.id(`new-${name}`);
  const key = `new-${name}`;
  const add = () => {
    const text = (state[key] || '').trim();
    if (!text) return;
    form.set(name, [...items, text]);
    state[key] = '';
    update();
  };
  return html`<div class="wide field text-list ${form.errors[name] ? 'invalid' : ''}" id=${form.id(name)}>
    <label for=${id}>${label || fieldLabel(name)}</label>
    <ul class="chips" aria-label=${label || fieldLabel(name)}>
      ${items.map((item, i) => html`<li><span class="name">${item}</span>
        <button type="button" aria-label=${`Remove ${item}`} @click=${() => form.set(name, items.filter((_, j) => j !== i))}>×</button></li>`)}
    </ul>
    <div class="add-row">
      <input id=${id} type="text" .value=${state[key] || ''} placeholder=${placeholder || ''}
        @input=${(e) => { state[key] = e.target.value; update(); }}
        @keydown=${(e) => { if (e.key === 'Enter') { e.preventDefault(); add(); } }}>
      <button type="button" @click=${add}>${addLabel}</button>
    </div>
    ${form.error(name)}
  </div>`;
}

/** The reason of a failed request, for a row. */
export function reasonOf(e) {
  if (e instanceof ApiError) {
    const listed = e.problem && Array.isArray(e.problem.errors) ? e.problem.errors : [];
    return listed.length ? listed.map((x) => x.reason).join('; ') : e.message;
  }
  return String(e && e.message ? e.message : e);
}

/**
 * The people (and organisations) who took part in a record, each a tie of `type` from the person
 * to the record. Picked ones are only remembered until `save(recordId)`, which posts each new tie,
 * deletes each removed one and merges a changed role, one by one: a refusal stays on its row and
 * the others are saved.
 */
export class Participants {
  constructor({ type, labels = ['Contact'], legend, pickerLabel, withRole = false, onChange }) {
    this.type = type;
    this.legend = legend;
    this.withRole = withRole;
    this.items = [];
    this.onChange = onChange || (() => {});
    this.picker = new Picker({
      labels,
      label: pickerLabel,
      onChange: this.onChange,
      onPick: (m) => this.add(m),
      exclude: (m) => this.items.some((i) => i.id === m.id && !i.removed),
    });
  }

  /** The ties already stored for `recordId` (edit), with names from `names(ids)`. */
  async load(recordId, describe) {
    const ties = await get('/api/ties', { node: recordId });
    const mine = ties.filter((t) => t.type === this.type && t.to === recordId);
    const described = await Promise.all(mine.map(async (t) => {
      const d = await describe(t.from).catch(() => ({ name: t.from, label: 'Contact' }));
      return {
        id: t.from, name: d.name, label: d.label, sub: d.sub || '', role: t.role || '', storedRole: t.role || '',
        stored: true, removed: false, error: null,
      };
    }));
    this.items = described;
  }

  /** The participants of an activity as stored (GET /api/activities/{id}/participants). */
  async loadActivity(activityId) {
    const all = await get(`/api/activities/${encodeURIComponent(activityId)}/participants`);
    this.items = all.filter((p) => p.tie === this.type).map((p) => ({
      id: p.id, name: p.name || p.id, label: p.label, sub: p.followUp ? enumLabel(p.followUp) : '', role: '', storedRole: '',
      stored: true, removed: false, error: null,
    }));
  }

  add(match) {
    const existing = this.items.find((i) => i.id === match.id);
    if (existing) {
      existing.removed = false;
    } else {
      this.items.push({
        id: match.id, name: match.name || match.id, label: match.label || 'Contact', sub: describeMatch(match),
        role: '', storedRole: '', stored: false, removed: false, error: null,
      });
    }
    this.onChange();
  }

  remove(item) {
    if (item.stored) item.removed = true;
    else this.items = this.items.filter((i) => i !== item);
    item.error = null;
    this.onChange();
  }

  dirty() {
    return this.items.some((i) => !i.stored || i.removed || i.role !== i.storedRole);
  }

  /** The ids that will be (or stay) linked once saved. */
  ids() {
    return this.items.filter((i) => !i.removed).map((i) => i.id);
  }

  /** Saves every change; returns the rows that failed (each keeps its reason). */
  async save(recordId) {
    const failed = [];
    for (const item of [...this.items]) {
      try {
        if (item.removed) {
          await send('DELETE', `/api/ties?${new URLSearchParams({ type: this.type, from: item.id, to: recordId })}`);
          this.items = this.items.filter((i) => i !== item);
        } else if (!item.stored || item.role !== item.storedRole) {
          const tie = { type: this.type, from: item.id, to: recordId };
          if (this.withRole && item.role.trim()) tie.role = item.role.trim();
          await send('POST', '/api/ties', tie);
          item.stored = true;
          item.storedRole = item.role;
        }
        item.error = null;
      } catch (e) {
        item.error = reasonOf(e);
        failed.push(item);
      }
    }
    this.onChange();
    return failed;
  }

  view({ extra } = {}) {
    const shown = this.items;
    return html`<fieldset class="participants wide" data-tie=${this.type}>
      <legend>${this.legend}</legend>
      ${shown.length ? html`<ul class="participant-list">
        ${repeat(shown, (i) => i.id, (i) => html`<li data-id=${i.id} class=${[i.removed ? 'removed' : '', i.error ? 'failed' : ''].join(' ')}>
          <div class="who"><a class="name" href=${pageOf(i.label, i.id)}>${i.name}</a>
            <span class="sub">${i.label === 'Organisation' ? 'Organisation' : ''}${i.label === 'Organisation' && i.sub ? ' · ' : ''}${i.sub}</span>
            <span class="state sub">${i.removed ? '— will be removed' : i.stored ? '' : '— new, saved with the form'}</span></div>
          ${this.withRole && !i.removed ? html`<label class="role"><span>Role</span>
            <input type="text" maxlength="200" .value=${i.role} aria-label=${`Role of ${i.name}`}
              @input=${(e) => { i.role = e.target.value; this.onChange(); }}></label>` : nothing}
          ${i.removed
            ? html`<button type="button" class="undo" @click=${() => { i.removed = false; this.onChange(); }}>Keep</button>`
            : html`<button type="button" class="remove" aria-label=${`Remove ${i.name}`} @click=${() => this.remove(i)}>Remove</button>`}
          ${i.error ? html`<p class="field-error row-error" role="alert">Not saved: ${i.error}</p>` : nothing}
        </li>`)}
      </ul>` : html`<p class="hint empty">Nobody yet.</p>`}
      ${this.picker.view()}
      ${extra || nothing}
    </fieldset>`;
  }
}

/** A contact's or organisation's name and what tells it apart, for participants loaded by id. */
export async function describeNode(id) {
  try {
    const c = await get(`/api/contacts/${encodeURIComponent(id)}`);
    return { name: c.name, label: 'Contact', sub: [enumLabel(c.kind)].filter(Boolean).join(' · ') };
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 404) throw e;
  }
  const o = await get(`/api/organisations/${encodeURIComponent(id)}`);
  return { name: o.name, label: 'Organisation', sub: enumLabel(o.type) };
}

/**
 * "Not in the network yet? Add a person": name, kind and country, posted as a contact at once
 * (its errors next to its own fields) and then added to `participants`. Enter in its fields adds
 * the person instead of submitting the form around it.
 */
export class InlineContact {
  constructor(vocabulary, participants, onChange) {
    this.vocabulary = vocabulary;
    this.participants = participants;
    this.open = false;
    this.onChange = onChange;
    this.form = new Form({ kind: 'OTHER' }, onChange);
    this.form.prefix = 'new-person';
    this.added = null;
  }

  dirty() {
    return this.open && this.form.dirty();
  }

  async create() {
    const created = await this.form.submit(() => send('POST', '/api/contacts', this.form.body(['name', 'kind', 'country'])));
    if (created) {
      this.participants.add({ id: created.id, name: created.name, label: 'Contact', kind: created.kind, country: created.country });
      this.added = created.name;
      this.form.saved({ kind: 'OTHER', country: created.country });
      this.form.initial = { kind: 'OTHER' };
      this.onChange();
      document.getElementById('new-person-name')?.focus();
    } else {
      const box = document.getElementById('new-person');
      if (box) focusFirstError(box);
    }
  }

  view() {
    const toggle = html`<button type="button" id="new-person-toggle" aria-expanded=${this.open ? 'true' : 'false'}
      aria-controls="new-person" @click=${() => { this.open = !this.open; this.added = null; this.onChange(); }}>
      ${this.open ? 'Close the new person form' : 'Not in the network yet? Add a new person'}</button>`;
    if (!this.open) return html`<p class="inline-toggle">${toggle}</p>`;
    const f = this.form;
    return html`<p class="inline-toggle">${toggle}</p>
      <div id="new-person" class="inline-contact" role="group" aria-labelledby="new-person-title"
        @keydown=${(e) => { if (e.key === 'Enter' && e.target.tagName !== 'BUTTON') { e.preventDefault(); this.create(); } }}>
        <h4 id="new-person-title">New person</h4>
        <div class="inline-fields">
          ${f.input('name', { required: true, maxlength: 300 })}
          ${f.select('kind', this.vocabulary.enumerations.contactKind)}
          ${f.select('country', countryOptions(this.vocabulary), { required: true })}
        </div>
        <div class="form-footer">
          <button type="button" id="new-person-add" ?disabled=${f.busy} @click=${() => this.create()}>${f.busy ? 'Adding…' : 'Add this person'}</button>
          ${f.message ? html`<p class="form-message error" role="alert">${f.message}</p>` : nothing}
          ${this.added ? html`<p class="hint" role="status">${this.added} was added to the network and to the list above.</p>` : nothing}
        </div>
      </div>`;
  }
}


/**
 * Saves a record and then its people, the one way every such form does: POST when new (the address
 * then becomes the record's edit address, so saving again after a refused tie never creates a second
 * record), a merge patch of what changed when editing; then one tie per person (`people.save`).
 * Returns `{ saved, failed }` (the people whose tie was refused), or null when the record itself was
 * refused (its reasons are then next to its fields and the keyboard is on the first of them).
 */
export async function saveWithPeople({ form, state, collection, editRoute, fields, people, container }) {
  let saved;
  if (state.id) {
    const patch = form.patch(fields);
    saved = Object.keys(patch).length === 0 ? form.values
      : await form.submit(() => send('PATCH', `/api/${collection}/${encodeURIComponent(state.id)}`, patch, 'application/merge-patch+json'));
  } else {
    saved = await form.submit(() => send('POST', `/api/${collection}`, form.body(fields)));
  }
  if (!saved) {
    focusFirstError(container);
    return null;
  }
  if (!state.id) {
    state.id = saved.id;
    replaceRoute(`#/${editRoute}/${encodeURIComponent(saved.id)}/edit`);
  }
  const failed = await people.save(state.id);
  return { saved, failed };
}

/**
 * The message when a record is saved but some of its people's ties were refused (each refused row
 * carries its reason): `partlySaved('visit', 'person met', 'people met', failed)`.
 */
export function partlySaved(record, person, people, failed) {
  const which = failed.length === 1 ? `one ${person} was` : `${failed.length} ${people} were`;
  return {
    error: true,
    text: `The ${record} is saved, but ${which} not recorded: ${failed.map((i) => i.name).join(', ')}. `
      + `See the marked rows; saving again retries them (the ${record} is not recorded twice).`,
  };
}
