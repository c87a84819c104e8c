// Add or edit a contact: every field of the record (network/Contact.java). A new one is POSTed; an
// edit sends only what changed (JSON Merge Patch). After saving she lands on the contact's page.
import { ApiError, get, send } from '../api.js';
import { Form } from '../forms.js';
import { html, nothing, render } from '../html.js';
import { navigate } from '../router.js';
import { canWrite, words } from '../session.js';
import { failure, notice } from '../ui.js';
import { consentBody, consentFieldset, consentPatch, consentValues } from './consent.js';
import { countryOptions, focusFirstError, readOnly, textListField, themesField } from './record-parts.js';

// Consent is edited as records (views/consent.js), not as the old yes/no consentToIntroduce.
const FIELDS = ['name', 'kind', 'country', 'themes', 'riskLevel', 'confidential', 'channels', 'notes'];

export default async function show(container, params) {
  const editing = Boolean(params.id);
  if (!canWrite()) {
    render(readOnly(editing ? 'Edit contact' : 'New contact'), container);
    return {};
  }
  const vocabulary = await words();
  const state = { newTheme: '', message: null };
  const update = () => render(view(), container);
  let record = { kind: 'OTHER', riskLevel: 'NONE', confidential: false, themes: [], channels: [] };
  if (editing) {
    try {
      record = await get(`/api/contacts/${encodeURIComponent(params.id)}`);
    } catch (e) {
      render(html`<section class="view narrow"><h2>Edit contact</h2>${notice(failure(
        e instanceof ApiError && e.status === 404 ? 'No such contact' : 'The contact could not be read', e))}</section>`, container);
      return {};
    }
  }
  const form = new Form({ ...record, ...consentValues(record.consent) }, update);
  form.prefix = 'contact';

  async function save(event) {
    event.preventDefault();
    const saved = await form.submit(() => {
      if (editing) {
        const patch = form.patch(FIELDS);
        const consent = consentPatch(form.initial, form.values);
        if (consent) patch.consent = consent;
        return send('PATCH', `/api/contacts/${encodeURIComponent(params.id)}`, patch, 'application/merge-patch+json');
      }
      const body = form.body(FIELDS);
      const consent = consentBody(form.values);
      if (consent) body.consent = consent;
      return send('POST', '/api/contacts', body);
    });
    if (saved) {
      form.saved(saved);
      navigate(`#/contacts/${encodeURIComponent(saved.id)}`);
    } else {
      focusFirstError(container);
    }
  }

  function view() {
    const title = editing ? html`Edit ${record.name}` : 'New contact';
    return html`<section class="view narrow record-view" aria-labelledby="contact-form-title">
      <p class="path"><a href="#/record">Record</a></p>
      <h2 id="contact-form-title" class="name">${title}</h2>
      ${notice(state.message)}
      <form id="contact-form" class="record-form" @submit=${save} novalidate>
        <div class="wide">${form.input('name', { required: true, maxlength: 300 })}</div>
        ${form.select('kind', vocabulary.enumerations.contactKind, { empty: '—' })}
        ${form.select('country', countryOptions(vocabulary), { required: true, empty: 'Choose a country…' })}
        ${form.select('riskLevel', vocabulary.enumerations.riskLevel, { empty: '—' })}
        <div class="checks">
          ${form.checkbox('confidential', { label: 'Confidential (shown only as a pseudonym to roles without clearance)' })}
        </div>
        ${consentFieldset(form)}
        ${themesField(form, vocabulary, state, update)}
        ${textListField(form, 'channels', state, update, {
          label: 'How to reach (phone, e-mail, Signal…)', placeholder: 'e.g. Signal +20 100 000 0000', addLabel: 'Add a way to reach',
        })}
        <div class="wide">${form.textarea('notes', { rows: 4 })}</div>
        <div class="wide">${form.footer(editing ? 'Save changes' : 'Add contact', {
          cancel: () => navigate(editing ? `#/contacts/${encodeURIComponent(params.id)}` : '#/record'),
        })}</div>
      </form>
      ${editing ? nothing : html`<p class="hint">Fields marked * are required. The region follows from the country.</p>`}
    </section>`;
  }

  update();
  return { dirty: () => form.dirty() };
}
