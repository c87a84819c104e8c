// A communication (allegation letter, urgent appeal, other letter) sent by one or more mandates,
// and its sources: contacts or organisations, each a SOURCE_OF tie to the communication (sources
// are always confidential: roles without clearance see pseudonyms). As for a visit, a refused tie
// leaves the form editing the saved communication, the refused rows marked.
import { ApiError, get } from '../api.js';
import { Form } from '../forms.js';
import { html, nothing, render } from '../html.js';
import { enumLabel, formatDate } from '../labels.js';
import { link, navigate } from '../router.js';
import { canWrite, words } from '../session.js';
import { failure, notice } from '../ui.js';
import { InlineContact, Participants, countryOptions, focusFirstError, readOnly, saveWithPeople, partlySaved } from './record-parts.js';
import { MandateField } from './record-mandates.js';

const FIELDS = ['type', 'date', 'country', 'mandates', 'summary'];

export default async function show(container, params) {
  if (!canWrite()) {
    render(readOnly(params.id ? 'Edit communication' : 'Record a communication'), container);
    return {};
  }
  const vocabulary = await words();
  const state = { id: params.id || null, message: null };
  const update = () => render(view(), container);
  let record = {};
  const sources = new Participants({
    type: 'SOURCE_OF', labels: ['Contact', 'Organisation'], legend: 'Sources',
    pickerLabel: 'Add a source (person or organisation)', onChange: update,
  });
  const newPerson = new InlineContact(vocabulary, sources, update);
  const form = new Form({ mandates: [] }, update);
  form.prefix = 'communication';
  const mandates = new MandateField(form, 'mandates', { onChange: update });

  if (state.id) {
    try {
      record = await get(`/api/communications/${encodeURIComponent(state.id)}`);
      await Promise.all([sources.loadActivity(state.id), mandates.load(record.mandates || [])]);
    } catch (e) {
      render(html`<section class="view narrow"><h2>Edit communication</h2>${notice(failure(
        e instanceof ApiError && e.status === 404 ? 'No such communication' : 'The communication could not be read', e))}</section>`, container);
      return {};
    }
    form.saved({ mandates: [], ...record });
  }

  async function save(event) {
    event.preventDefault();
    state.message = null;
    const result = await saveWithPeople({
      form, state, collection: 'communications', editRoute: 'communications', fields: FIELDS, people: sources, container,
    });
    if (!result) return;
    const { saved, failed } = result;
    form.saved({ mandates: [], ...saved });
    record = saved;
    state.message = failed.length ? partlySaved('communication', 'source', 'sources', failed) : { saved: true };
    update();
    if (failed.length) focusFirstError(container);
  }

  function savedNotice() {
    if (!state.message) return nothing;
    if (!state.message.saved) return notice(state.message);
    const n = sources.ids().length;
    return html`<p class="notice" role="status" id="communication-saved">Saved: ${enumLabel(record.type)}
      ${record.date ? html` of ${formatDate(record.date)}` : nothing} with ${n} ${n === 1 ? 'source' : 'sources'}.
      <a href=${link('followups', { communication: state.id })}>Sources to inform</a> ·
      <a href="#/communications/new">Record another communication</a></p>`;
  }

  function view() {
    return html`<section class="view record-view" aria-labelledby="communication-form-title">
      <p class="path"><a href="#/record">Record</a></p>
      <h2 id="communication-form-title">${state.id ? 'Edit communication' : 'Record a communication'}</h2>
      <form id="communication-form" class="record-form" @submit=${save} novalidate>
        ${form.select('type', vocabulary.enumerations.communicationType, { required: true, label: 'Type of communication', empty: 'Choose a type…' })}
        ${form.input('date', { type: 'date', label: 'Date sent', min: '1900-01-01', max: '2200-12-31' })}
        ${form.select('country', countryOptions(vocabulary), { label: 'Country concerned', empty: '—' })}
        <div></div>
        ${mandates.multiple({ label: 'Sent by (mandates)' })}
        <div class="wide">${form.textarea('summary', { rows: 4 })}</div>
        ${sources.view({ extra: html`<p class="hint">Sources are always protected: roles without clearance see a pseudonym instead of their name.</p>${newPerson.view()}` })}
        <div class="wide">
          ${savedNotice()}
          ${form.footer(state.id ? 'Save changes' : 'Save communication', { cancel: () => navigate('#/record') })}
        </div>
      </form>
    </section>`;
  }

  update();
  return { dirty: () => form.dirty() || sources.dirty() || newPerson.dirty() };
}
