// A training given to civil society actors and who attended it (ATTENDED ties, contacts only).
// As for a visit, a refused tie leaves the form editing the saved training, the refused rows marked.
import { ApiError, get } from '../api.js';
import { Form } from '../forms.js';
import { html, nothing, render } from '../html.js';
import { formatDate } from '../labels.js';
import { navigate } from '../router.js';
import { canWrite, words } from '../session.js';
import { failure, notice } from '../ui.js';
import { InlineContact, Participants, focusFirstError, readOnly, saveWithPeople, partlySaved } from './record-parts.js';

const FIELDS = ['title', 'date', 'place', 'organiser'];

export default async function show(container, params) {
  if (!canWrite()) {
    render(readOnly(params.id ? 'Edit training' : 'Record a training'), container);
    return {};
  }
  const vocabulary = await words();
  const state = { id: params.id || null, message: null };
  const update = () => render(view(), container);
  let record = {};
  const attended = new Participants({
    type: 'ATTENDED', labels: ['Contact'], legend: 'Participants', pickerLabel: 'Add a participant', onChange: update,
  });
  const newPerson = new InlineContact(vocabulary, attended, update);
  if (state.id) {
    try {
      record = await get(`/api/trainings/${encodeURIComponent(state.id)}`);
      await attended.loadActivity(state.id);
    } catch (e) {
      render(html`<section class="view narrow"><h2>Edit training</h2>${notice(failure(
        e instanceof ApiError && e.status === 404 ? 'No such training' : 'The training could not be read', e))}</section>`, container);
      return {};
    }
  }
  const form = new Form(record, update);
  form.prefix = 'training';

  async function save(event) {
    event.preventDefault();
    state.message = null;
    const result = await saveWithPeople({
      form, state, collection: 'trainings', editRoute: 'trainings', fields: FIELDS, people: attended, container,
    });
    if (!result) return;
    const { saved, failed } = result;
    form.saved(saved);
    record = saved;
    state.message = failed.length ? partlySaved('training', 'participant', 'participants', failed) : { saved: true };
    update();
    if (failed.length) focusFirstError(container);
  }

  function savedNotice() {
    if (!state.message) return nothing;
    if (!state.message.saved) return notice(state.message);
    const n = attended.ids().length;
    return html`<p class="notice" role="status" id="training-saved">Saved: ${record.title}${record.date ? ` (${formatDate(record.date)})` : ''}
      with ${n} ${n === 1 ? 'participant' : 'participants'}. <a href="#/trainings/new">Record another training</a></p>`;
  }

  function view() {
    return html`<section class="view record-view" aria-labelledby="training-form-title">
      <p class="path"><a href="#/record">Record</a></p>
      <h2 id="training-form-title">${state.id ? 'Edit training' : 'Record a training'}</h2>
      <form id="training-form" class="record-form" @submit=${save} novalidate>
        <div class="wide">${form.input('title', { required: true, maxlength: 300 })}</div>
        ${form.input('date', { type: 'date', min: '1900-01-01', max: '2200-12-31' })}
        ${form.input('place', { maxlength: 300 })}
        ${form.input('organiser', { maxlength: 300, hint: 'Who gave it: an office, a mandate, a partner.' })}
        <div></div>
        ${attended.view({ extra: newPerson.view() })}
        <div class="wide">
          ${savedNotice()}
          ${form.footer(state.id ? 'Save changes' : 'Save training', { cancel: () => navigate('#/record') })}
        </div>
      </form>
    </section>`;
  }

  update();
  return { dirty: () => form.dirty() || attended.dirty() || newPerson.dirty() };
}
