// "Me": the contact that is this officer. Referrals start from her; she picks herself from the
// network or adds herself (PUT /api/me/contact, audited).
import { get, send } from '../api.js';
import { Form } from '../forms.js';
import { html, nothing, render } from '../html.js';
import { enumLabel } from '../labels.js';
import { isAdmin, setContact, user, words } from '../session.js';
import { Picker, countryLabel, describeMatch, failure, notice } from '../ui.js';

export default async function show(container) {
  const state = { current: null, candidate: null, message: null, creating: false };
  const vocabulary = await words();
  const update = () => render(view(), container);
  const picker = new Picker({ label: 'Find yourself in the network', onChange: update, onPick: (m) => { state.candidate = m; } });
  const form = new Form({ kind: 'UN_STAFF', consentToIntroduce: true }, update);
  // An ADMIN links a colleague's account to the contact that is that colleague (audited by the server).
  const colleague = { users: [], username: '', contact: null, message: null };
  const colleaguePicker = new Picker({
    label: 'Their contact', onChange: update, onPick: (m) => { colleague.contact = m; },
  });

  async function linkColleague(event) {
    event.preventDefault();
    if (!colleague.username || !colleague.contact) {
      colleague.message = { text: 'Choose a user and the contact that is them.', error: true };
      update();
      return;
    }
    try {
      await send('PUT', `/api/users/${encodeURIComponent(colleague.username)}/contact`, { contact: colleague.contact.id });
      colleague.message = { text: `${colleague.username} is now linked to ${colleague.contact.name}.` };
      if (colleague.username === user.username) setContact(colleague.contact.id);
      colleague.contact = null;
    } catch (e) {
      colleague.message = failure('Not linked', e);
    }
    update();
  }

  function colleagueView() {
    return html`<section class="card" aria-labelledby="me-colleague-title">
      <h3 id="me-colleague-title">Link a colleague (administrators)</h3>
      <form id="me-colleague" @submit=${linkColleague}>
        <div class="field">
          <label for="me-colleague-user">User</label>
          <select id="me-colleague-user" @change=${(e) => { colleague.username = e.target.value; }}>
            <option value="">—</option>
            ${colleague.users.map((u) => html`<option value=${u.username}>${u.username} (${u.role})</option>`)}
          </select>
        </div>
        ${colleaguePicker.view()}
        ${colleague.contact ? html`<p>Contact: <strong>${colleague.contact.name}</strong> <span class="sub">${describeMatch(colleague.contact)}</span></p>` : nothing}
        <div class="form-footer"><button type="submit" class="primary" id="me-colleague-link">Link</button></div>
        ${notice(colleague.message)}
      </form>
    </section>`;
  }

  async function load() {
    state.current = user.contact ? await get(`/api/contacts/${encodeURIComponent(user.contact)}`).catch(() => null) : null;
    update();
  }

  async function link(id) {
    try {
      await send('PUT', '/api/me/contact', { contact: id });
      setContact(id);
      state.candidate = null;
      state.message = { text: 'Linked: referrals now start from you.' };
      await load();
    } catch (e) {
      state.message = failure('Not linked', e);
      update();
    }
  }

  async function create(event) {
    event.preventDefault();
    const created = await form.submit(() => send('POST', '/api/contacts', form.body(['name', 'kind', 'country', 'themes', 'consentToIntroduce'])));
    if (created) {
      form.saved({});
      state.creating = false;
      await link(created.id);
    }
  }

  function view() {
    return html`<section class="view narrow" aria-labelledby="me-title">
      <h2 id="me-title">Me</h2>
      <p>Logged in as <strong>${user.username}</strong>. Linking your account to the contact that is you lets
        every referral start from you.</p>
      ${state.current ? html`<p id="me-current" data-id=${state.current.id}>You are
          <a href=${`#/contacts/${encodeURIComponent(state.current.id)}`}>${state.current.name}</a>
          <span class="sub">${enumLabel(state.current.kind)} · ${countryLabel(state.current.country)}</span></p>`
        : html`<p id="me-current" class="attention">You are not linked to a contact yet.</p>`}
      ${notice(state.message)}
      ${picker.view()}
      ${state.candidate ? html`<div class="candidate">
          <p><strong>${state.candidate.name}</strong> <span class="sub">${describeMatch(state.candidate)}</span></p>
          <button type="button" class="primary" id="me-link" @click=${() => link(state.candidate.id)}>This is me</button>
        </div>` : nothing}
      <p><button type="button" id="me-create-toggle" aria-expanded=${state.creating ? 'true' : 'false'}
        @click=${() => { state.creating = !state.creating; update(); }}>I am not in the network: add me</button></p>
      ${state.creating ? html`<form id="me-create" class="record-form" @submit=${create} novalidate>
          ${form.input('name', { required: true })}
          ${form.select('kind', vocabulary.enumerations.contactKind, { required: true })}
          ${form.select('country', vocabulary.countries.map((c) => ({ value: c.code, label: c.name })), { required: true })}
          ${form.checkbox('consentToIntroduce', { label: 'I agree to introduce others' })}
          ${form.footer('Add me and link')}
        </form>` : nothing}
      ${isAdmin() ? colleagueView() : nothing}
    </section>`;
  }

  if (isAdmin()) {
    colleague.users = await get('/api/users').catch(() => []);
  }
  await load();
  return { dirty: () => form.dirty() };
}
