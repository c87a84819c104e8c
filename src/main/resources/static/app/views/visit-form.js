// A mandate's country visit and the people and organisations met during it. She picks people
// already in the network or adds a new person inline (posted at once, then listed). Saving
// creates (or patches) the visit, then one MET_DURING tie per person met. If the visit is saved
// but a tie is refused, the form stays, now editing that visit (so trying again does not create a
// second visit), with the refused rows marked and nothing she typed lost.
import { ApiError, get } from '../api.js';
import { Form } from '../forms.js';
import { html, nothing, render } from '../html.js';
import { link, navigate } from '../router.js';
import { canWrite, words } from '../session.js';
import { countryLabel, failure, notice } from '../ui.js';
import { formatDate } from '../labels.js';
import { InlineContact, Participants, countryOptions, focusFirstError, readOnly, saveWithPeople, partlySaved } from './record-parts.js';
import { MandateField } from './record-mandates.js';

const FIELDS = ['mandate', 'country', 'startDate', 'endDate'];

export default async function show(container, params) {
  if (!canWrite()) {
    render(readOnly(params.id ? 'Edit country visit' : 'Record a country visit'), container);
    return {};
  }
  const vocabulary = await words();
  const state = { id: params.id || null, message: null };
  const update = () => render(view(), container);
  let record = {};
  const met = new Participants({
    type: 'MET_DURING', labels: ['Contact', 'Organisation'], legend: 'People and organisations met',
    pickerLabel: 'Add someone met (person or organisation)', onChange: update,
  });
  const newPerson = new InlineContact(vocabulary, met, update);
  const form = new Form({}, update);
  form.prefix = 'visit';
  const mandate = new MandateField(form, 'mandate', {
    onChange: update,
    onPick: (m) => { if (m.country && !form.values.country) form.set('country', m.country); },
  });

  if (state.id) {
    try {
      record = await get(`/api/country-visits/${encodeURIComponent(state.id)}`);
      await Promise.all([met.loadActivity(state.id), mandate.load([record.mandate])]);
    } catch (e) {
      render(html`<section class="view narrow"><h2>Edit country visit</h2>${notice(failure(
        e instanceof ApiError && e.status === 404 ? 'No such country visit' : 'The visit could not be read', e))}</section>`, container);
      return {};
    }
    form.saved(record);
  }

  async function save(event) {
    event.preventDefault();
    state.message = null;
    const result = await saveWithPeople({
      form, state, collection: 'country-visits', editRoute: 'visits', fields: FIELDS, people: met, container,
    });
    if (!result) return;
    const { saved, failed } = result;
    form.saved(saved);
    record = saved;
    if (failed.length) {
      state.message = partlySaved('visit', 'person met', 'people met', failed);
    } else {
      state.message = { saved: true };
    }
    update();
    if (failed.length) focusFirstError(container);
  }

  function savedNotice() {
    if (!state.message) return nothing;
    if (!state.message.saved) return notice(state.message);
    const n = met.ids().length;
    return html`<p class="notice" role="status" id="visit-saved">Saved: the visit to ${countryLabel(record.country)}
      ${record.startDate ? html` from ${formatDate(record.startDate)}` : nothing} with ${n} ${n === 1 ? 'person' : 'people'} met.
      <a href=${link('followups', { visit: state.id })}>Their visit reports</a> ·
      <a href="#/visits/new">Record another visit</a></p>`;
  }

  function view() {
    return html`<section class="view record-view" aria-labelledby="visit-form-title">
      <p class="path"><a href="#/record">Record</a></p>
      <h2 id="visit-form-title">${state.id ? 'Edit country visit' : 'Record a country visit'}</h2>
      <form id="visit-form" class="record-form" @submit=${save} novalidate>
        ${mandate.single({ label: 'Mandate', required: true })}
        ${form.select('country', countryOptions(vocabulary), { required: true, empty: 'Choose a country…', label: 'Country visited' })}
        ${form.input('startDate', { type: 'date', label: 'From', min: '1900-01-01', max: '2200-12-31' })}
        ${form.input('endDate', { type: 'date', label: 'To', min: '1900-01-01', max: '2200-12-31' })}
        ${met.view({ extra: newPerson.view() })}
        <div class="wide">
          ${savedNotice()}
          ${form.footer(state.id ? 'Save changes' : 'Save visit', { cancel: () => navigate('#/record') })}
        </div>
      </form>
    </section>`;
  }

  update();
  return { dirty: () => form.dirty() || met.dirty() || newPerson.dirty() };
}
