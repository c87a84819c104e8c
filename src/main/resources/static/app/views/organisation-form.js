// Add or edit an organisation and the people affiliated with it. Each person is an AFFILIATED_WITH
// tie from the contact to the organisation (with an optional role), saved after the organisation;
// removing one deletes that tie. If the organisation is saved but a tie is refused, the form stays
// (now editing the saved organisation, so trying again does not create a second one) and the
// refused row says why.
import { ApiError, get } from '../api.js';
import { Form } from '../forms.js';
import { html, nothing, render } from '../html.js';
import { navigate } from '../router.js';
import { canWrite, words } from '../session.js';
import { failure, notice } from '../ui.js';
import { Participants, countryOptions, describeNode, focusFirstError, readOnly, themesField, saveWithPeople, partlySaved } from './record-parts.js';

const FIELDS = ['name', 'type', 'country', 'scope', 'ecosocStatus', 'themes'];

export default async function show(container, params) {
  if (!canWrite()) {
    render(readOnly(params.id ? 'Edit organisation' : 'New organisation'), container);
    return {};
  }
  const vocabulary = await words();
  const state = { id: params.id || null, newTheme: '', message: null };
  const update = () => render(view(), container);
  let record = { type: 'OTHER', scope: 'NATIONAL', ecosocStatus: 'NONE', themes: [] };
  const people = new Participants({
    type: 'AFFILIATED_WITH', labels: ['Contact'], legend: 'People affiliated', pickerLabel: 'Add a person affiliated',
    withRole: true, onChange: update,
  });
  if (state.id) {
    try {
      record = await get(`/api/organisations/${encodeURIComponent(state.id)}`);
      await people.load(state.id, describeNode);
    } catch (e) {
      render(html`<section class="view narrow"><h2>Edit organisation</h2>${notice(failure(
        e instanceof ApiError && e.status === 404 ? 'No such organisation' : 'The organisation could not be read', e))}</section>`, container);
      return {};
    }
  }
  const form = new Form(record, update);
  form.prefix = 'organisation';

  async function save(event) {
    event.preventDefault();
    state.message = null;
    const result = await saveWithPeople({
      form, state, collection: 'organisations', editRoute: 'organisations', fields: FIELDS, people: people, container,
    });
    if (!result) return;
    const { saved, failed } = result;
    form.saved(saved);
    record = saved;
    if (failed.length) {
      state.message = partlySaved('organisation', 'affiliation', 'affiliations', failed);
      update();
      focusFirstError(container);
      return;
    }
    navigate(`#/organisations/${encodeURIComponent(state.id)}`);
  }

  function view() {
    return html`<section class="view narrow record-view" aria-labelledby="organisation-form-title">
      <p class="path"><a href="#/record">Record</a></p>
      <h2 id="organisation-form-title" class="name">${state.id ? html`Edit ${record.name}` : 'New organisation'}</h2>
      <form id="organisation-form" class="record-form" @submit=${save} novalidate>
        <div class="wide">${form.input('name', { required: true, maxlength: 300 })}</div>
        ${form.select('type', vocabulary.enumerations.organisationType, { label: 'Type of organisation', empty: '—' })}
        ${form.select('country', countryOptions(vocabulary), { required: true, empty: 'Choose a country…' })}
        ${form.select('scope', vocabulary.enumerations.scope || ['LOCAL', 'NATIONAL', 'REGIONAL', 'INTERNATIONAL'], { empty: '—' })}
        ${form.select('ecosocStatus', vocabulary.enumerations.ecosocStatus, { empty: '—' })}
        ${themesField(form, vocabulary, state, update)}
        ${people.view()}
        <div class="wide">
          ${notice(state.message)}
          ${form.footer(state.id ? 'Save changes' : 'Add organisation', {
            cancel: () => navigate(state.id ? `#/organisations/${encodeURIComponent(state.id)}` : '#/record'),
          })}
        </div>
      </form>
    </section>`;
  }

  update();
  return { dirty: () => form.dirty() || people.dirty() };
}
