// Hand over: the working list an officer (or a mandate) hands to a successor, from GET
// /api/handover: contacts with their last interaction and why they are listed, partners, open
// introductions. Read on screen, print (the page's print style hides the chrome), download as CSV;
// an ADMIN reassigns an officer's contacts, open introductions and follow-ups to a successor
// (POST /api/handover/reassign, audited by the server).
import { ApiError, LatestRead, get, getFile, send } from '../api.js';
import { download } from '../dom.js';
import { Form } from '../forms.js';
import { html, nothing, render } from '../html.js';
import { enumLabel, formatDate, kindLabel } from '../labels.js';
import { link, replaceRoute } from '../router.js';
import { isAdmin, user } from '../session.js';
import { Picker, countryLabel, failure, notice } from '../ui.js';

const count = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

const VIA = {
  RECORDED: 'recorded by this officer', RESPONSIBLE: 'in this officer’s care', ACTIVITY: 'took part in an activity', INTRODUCTION: 'in an introduction',
  PARTNER: 'partner of the mandate', PARTNER_ORGANISATION: 'affiliated with a partner organisation',
};

function pageOf(label, id) {
  if (label === 'Contact') return `#/contacts/${encodeURIComponent(id)}`;
  if (label === 'Organisation') return `#/organisations/${encodeURIComponent(id)}`;
  return null;
}

export default async function show(container, params) {
  const state = {
    officer: params.mandate ? null : (params.officer || user.username),
    mandate: params.mandate || null,
    mandateName: null,
    users: [],
    handover: null,
    loading: false,
    error: null,
    message: null,
    names: new Map(),
    reassigning: false,
    confirming: false,
    reassigned: null,
    mode: params.mandate ? 'mandate' : 'officer',
  };
  let alive = true;
  const update = () => { if (alive) render(view(), container); };
  const picker = new Picker({
    labels: ['Mandate'], label: 'Mandate', placeholder: 'Type a mandate’s title…', onChange: update,
    onPick: (m) => { state.mandate = m.id; state.mandateName = m.name; state.officer = null; load(); },
  });
  const successor = new Form({}, update);

  function remember() {
    if (alive) replaceRoute(link('handover', state.mode === 'mandate' ? { mandate: state.mandate } : { officer: state.officer }));
  }

  // An administrator may pick an officer while her own list is still being read.
  const reads = new LatestRead();

  async function load() {
    const current = reads.begin();
    if (state.mode === 'mandate' && !state.mandate) {
      state.handover = null;
      update();
      return;
    }
    remember();
    state.loading = true;
    state.error = null;
    state.reassigned = null;
    update();
    try {
      const query = state.mode === 'mandate' ? { mandate: state.mandate } : { officer: state.officer };
      const handover = await get('/api/handover', query);
      if (!current()) return;
      state.handover = handover;
      // The listed contacts come with their names: drawn by name at once, not by id until lookUpNames.
      for (const c of handover.contacts) if (c.name) state.names.set(c.id, c.name);
      if (state.mode === 'mandate' && !state.mandateName) {
        state.mandateName = await get(`/api/mandates/${encodeURIComponent(state.mandate)}`).then((m) => m.title).catch(() => null);
      }
    } catch (e) {
      if (!current()) return;
      state.handover = null;
      state.error = e;
    } finally {
      if (current()) {
        state.loading = false;
        update();
      }
    }
    if (current()) lookUpNames();
  }

  /** Names of the people in open introductions who are not among the listed contacts (bounded). */
  async function lookUpNames() {
    const h = state.handover;
    if (!h) return;
    const known = new Map(h.contacts.map((c) => [c.id, c.name]));
    const wanted = new Set();
    const mandates = new Set([...h.partners.map((p) => p.mandate), ...(h.mandates || [])].filter((m) => m && !state.names.has(m)));
    for (const c of h.contacts) {
      const last = c.lastInteraction;
      if (last && last.kind === 'KNOWS' && last.record && !known.has(last.record)) wanted.add(last.record);
    }
    for (const i of h.openIntroductions) {
      for (const p of [i.introducer, i.introduced, i.recipient]) {
        if (p && !known.has(p) && !state.names.has(p)) wanted.add(p);
      }
    }
    for (const [id, name] of known) state.names.set(id, name);
    if (h.mandate && state.mandateName) state.names.set(h.mandate, state.mandateName);
    await Promise.all([...mandates].filter((id) => !state.names.has(id)).slice(0, 30).map((id) => get(`/api/mandates/${encodeURIComponent(id)}`)
      .then((m) => state.names.set(id, m.title)).catch(() => state.names.set(id, null))));
    await Promise.all([...wanted].filter((id) => !state.names.has(id) && !/^anon-[0-9a-f]+$/.test(id)).slice(0, 60).map((id) => get(`/api/contacts/${encodeURIComponent(id)}`)
      .then((c) => state.names.set(id, c.name)).catch(() => state.names.set(id, null))));
    update();
  }

  async function downloadCsv() {
    try {
      const query = state.mode === 'mandate' ? { mandate: state.mandate } : { officer: state.officer };
      const { blob, filename } = await getFile('/api/handover', { ...query, format: 'csv' });
      download(blob, filename || 'handover.csv');
      state.message = { text: 'CSV downloaded.' };
    } catch (e) {
      state.message = failure('No CSV', e);
    }
    update();
  }

  async function reassign(event) {
    event.preventDefault();
    if (!successor.values.to) {
      successor.errors = { to: 'choose the successor' };
      update();
      return;
    }
    if (!state.confirming) {
      state.confirming = true;
      update();
      return;
    }
    const from = state.officer;
    const result = await successor.submit(() => send('POST', '/api/handover/reassign', { from, to: successor.values.to }));
    state.confirming = false;
    if (result) {
      state.reassigned = { ...result, from, to: successor.values.to };
      successor.saved({});
      state.reassigning = false;
      const counts = state.reassigned;
      await load();
      state.reassigned = counts;
      update();
    }
  }

  function person(id) {
    const name = state.names.get(id);
    return html`<a class="name" href=${pageOf('Contact', id)} data-id=${id}>${name || id}</a>`;
  }

  function chooser() {
    const officers = state.users.length ? state.users : [{ username: user.username }];
    return html`<div class="handover-chooser no-print card">
      <fieldset class="mode">
        <legend>Hand over the list of</legend>
        <label class="option"><input type="radio" name="handover-mode" id="handover-mode-officer" value="officer"
          .checked=${state.mode === 'officer'} @change=${() => { state.mode = 'officer'; state.officer = state.officer || user.username; load(); }}> an officer</label>
        <label class="option"><input type="radio" name="handover-mode" id="handover-mode-mandate" value="mandate"
          .checked=${state.mode === 'mandate'} @change=${() => { state.mode = 'mandate'; load(); }}> a mandate</label>
      </fieldset>
      ${state.mode === 'officer' ? html`<div class="field">
          <label for="handover-officer">Officer</label>
          ${isAdmin() ? html`<select id="handover-officer" @change=${(e) => { state.officer = e.target.value; load(); }}>
              ${officers.some((u) => u.username === state.officer) ? nothing : html`<option value=${state.officer} selected>${state.officer}</option>`}
              ${officers.map((u) => html`<option value=${u.username} ?selected=${u.username === state.officer}>${u.username}${u.role ? ` (${enumLabel(u.role)})` : ''}</option>`)}
            </select>`
    : html`<input id="handover-officer" .value=${state.officer} readonly aria-readonly="true">`}
        </div>`
    : html`<div>${picker.view()}${state.mandate ? html`<p class="sub">Chosen: <strong>${state.mandateName || state.mandate}</strong></p>` : nothing}</div>`}
      <div class="handover-buttons">
        <button type="button" id="handover-print" ?disabled=${!state.handover} @click=${() => window.print()}>Print</button>
        <button type="button" id="handover-csv" ?disabled=${!state.handover} @click=${downloadCsv}>Download CSV</button>
      </div>
    </div>`;
  }

  /** "Country visit", "Introduction", or for a tie's last contact: "last contact with NAME". */
  function interaction(last) {
    if (last.kind === 'KNOWS') {
      const name = state.names.get(last.record);
      return html`last contact with <a class="name" href=${pageOf('Contact', last.record)}>${name || last.record}</a>`;
    }
    return /^[A-Z_]+$/.test(last.kind) ? `last contact (${enumLabel(last.kind)})` : kindLabel(last.kind);
  }

  function contactsTable(h) {
    if (!h.contacts.length) return html`<p class="hint">No contact.</p>`;
    return html`<table class="list" id="handover-contacts">
      <thead><tr><th scope="col">Contact</th><th scope="col">Kind</th><th scope="col">Country</th><th scope="col">Organisations</th>
        <th scope="col">Risk level</th><th scope="col">Last interaction</th><th scope="col">Why listed</th></tr></thead>
      <tbody>${h.contacts.map((c) => html`<tr data-id=${c.id}>
        <td>${person(c.id)}${c.themes && c.themes.length ? html`<div class="sub">${c.themes.map(enumLabel).join(', ')}</div>` : nothing}</td>
        <td>${enumLabel(c.kind) || '—'}</td>
        <td>${c.country ? countryLabel(c.country) : (c.region ? enumLabel(c.region) : '—')}</td>
        <td>${(c.organisations || []).length ? (c.organisations || []).map((o, i) => html`${i ? ', ' : ''}<a class="name" href=${pageOf('Organisation', o.id)}>${o.name || o.id}</a>`) : '—'}</td>
        <td>${enumLabel(c.riskLevel) || '—'}</td>
        <td>${c.lastInteraction ? html`${formatDate(c.lastInteraction.date)} <span class="sub">${interaction(c.lastInteraction)}</span>` : html`<span class="sub">none on record</span>`}</td>
        <td>${(c.via || []).map((v) => VIA[v] || enumLabel(v)).join('; ')}${c.responsibleOfficer && c.responsibleOfficer !== h.officer
    ? html`<div class="sub">responsible officer: ${c.responsibleOfficer}</div>` : nothing}</td></tr>`)}</tbody>
    </table>`;
  }

  function partnersTable(h) {
    if (!h.partners.length) return html`<p class="hint">No partner.</p>`;
    return html`<table class="list" id="handover-partners">
      <thead><tr><th scope="col">Partner</th><th scope="col">Of mandate</th><th scope="col">Kind</th><th scope="col">Region</th>
        <th scope="col">Since</th><th scope="col">Last contact</th><th scope="col">Activities</th></tr></thead>
      <tbody>${h.partners.map((p) => html`<tr data-id=${p.id}>
        <td>${pageOf(p.label, p.id) ? html`<a class="name" href=${pageOf(p.label, p.id)}>${p.name || p.id}</a>` : html`<span class="name">${p.name || p.id}</span>`}
          <div class="sub">${kindLabel(p.label)}</div></td>
        <td>${state.names.get(p.mandate) || p.mandate}</td><td>${enumLabel(p.kind) || '—'}</td><td>${enumLabel(p.region) || '—'}</td>
        <td>${formatDate(p.since) || '—'}</td><td>${formatDate(p.lastContact) || '—'}</td>
        <td>${(p.activities || []).join(', ') || '—'}</td></tr>`)}</tbody>
    </table>`;
  }

  function introductionsTable(h) {
    if (!h.openIntroductions.length) return html`<p class="hint">No open introduction.</p>`;
    return html`<table class="list" id="handover-introductions">
      <thead><tr><th scope="col">Asked</th><th scope="col">Introducer</th><th scope="col">Person introduced</th><th scope="col">Introduced to</th>
        <th scope="col">Note</th><th scope="col">Recorded by</th></tr></thead>
      <tbody>${h.openIntroductions.map((i) => html`<tr data-id=${i.id}>
        <td>${formatDate(i.date) || '—'}</td><td>${person(i.introducer)}</td><td>${person(i.introduced)}</td><td>${person(i.recipient)}</td>
        <td>${i.note ?? '—'}</td><td>${i.recordedBy || '—'}</td></tr>`)}</tbody>
    </table>`;
  }

  function followUpsTable(h) {
    const list = h.followUps || h.pendingFollowUps;
    if (!Array.isArray(list)) return nothing;
    return html`<h3>Follow-ups still open</h3>
      ${list.length ? html`<table class="list" id="handover-followups">
        <thead><tr><th scope="col">Activity</th><th scope="col">Date</th><th scope="col">Who</th><th scope="col">Status</th></tr></thead>
        <tbody>${list.map((f) => html`<tr>
          <td>${kindLabel(f.activity && f.activity.kind)}</td><td>${formatDate(f.activity && f.activity.date) || '—'}</td>
          <td>${f.participant ? html`<a class="name" href=${pageOf(f.participant.label, f.participant.id) || '#/followups'}>${f.participant.name || f.participant.id}</a>` : '—'}</td>
          <td>${f.followUp ? enumLabel(f.followUp) : 'Not yet'}</td></tr>`)}</tbody>
      </table>` : html`<p class="hint">None.</p>`}`;
  }

  function reassignCard() {
    if (!isAdmin() || state.mode !== 'officer' || !state.handover) return nothing;
    const candidates = state.users.filter((u) => u.username !== state.officer && u.role !== 'REPORTS' && u.role !== 'ANALYST')
      .map((u) => ({ value: u.username, label: `${u.username} (${enumLabel(u.role)})` }));
    const h = state.handover;
    return html`<section class="card no-print reassign" aria-labelledby="handover-reassign-title">
      <h3 id="handover-reassign-title">Reassign to a successor</h3>
      ${state.reassigned ? html`<p class="notice" id="handover-reassigned" role="status">Reassigned from ${state.reassigned.from}
          to ${state.reassigned.to}: ${state.reassigned.contacts ?? 0} contacts, ${state.reassigned.introductions ?? 0} open introductions,
          ${state.reassigned.activities ?? 0} activities with their follow-ups.
          <button type="button" class="link" id="handover-show-successor"
            @click=${() => { state.officer = state.reassigned.to; state.reassigned = null; load(); }}>Show ${state.reassigned.to}’s handover</button></p>` : nothing}
      ${state.reassigning ? html`<form id="handover-reassign" class="record-form" novalidate @submit=${reassign}>
          <p class="wide">${state.officer}’s contacts, open introductions and follow-ups become the successor’s responsibility
            (the server records this in the audit log).</p>
          ${successor.select('to', candidates, { label: 'Successor', required: true, empty: 'Choose a user…' })}
          ${state.confirming ? html`<p class="wide attention" id="handover-confirm-text" role="alert">Hand ${h.contacts.length} contacts and
              ${h.openIntroductions.length} open introductions of ${state.officer} over to ${successor.values.to}? Press “Yes, reassign” to confirm.</p>` : nothing}
          ${successor.footer(state.confirming ? 'Yes, reassign' : 'Reassign…', {
    cancel: () => { state.reassigning = false; state.confirming = false; successor.saved({}); update(); },
  })}
        </form>`
    : html`<button type="button" id="handover-reassign-open" @click=${() => { state.reassigning = true; update(); }}>Reassign ${state.officer}’s contacts…</button>`}
    </section>`;
  }

  function body() {
    if (state.loading && !state.handover) return html`<p class="hint">Loading…</p>`;
    if (state.error) {
      return html`<p class="notice error" role="alert">${state.error instanceof ApiError && state.error.status === 404
        ? 'Nothing to hand over: that mandate does not exist.' : `The handover could not be read: ${state.error.message}`}</p>`;
    }
    const h = state.handover;
    if (!h) return html`<p class="hint">Choose a mandate.</p>`;
    const whose = h.mandate ? `mandate ${state.mandateName || h.mandate}` : `officer ${h.officer}`;
    return html`<div id="handover-result" data-officer=${h.officer || nothing} data-mandate=${h.mandate || nothing}>
      <p class="handover-heading"><strong>Handover of ${whose}</strong>
        <span class="sub">· generated ${formatDate(h.generatedAt)}${h.mandates && h.mandates.length && !h.mandate ? ` · mandates: ${h.mandates.map((m) => state.names.get(m) || m).join(', ')}` : ''}</span></p>
      <p class="handover-summary" id="handover-summary">${count(h.contacts.length, 'contact')} · ${count(h.partners.length, 'partner')} ·
        ${count(h.openIntroductions.length, 'open introduction')}</p>
      <h3>Contacts <span class="sub">most recent interaction first</span></h3>
      ${contactsTable(h)}
      <h3>Partners</h3>
      ${partnersTable(h)}
      <h3>Open introductions</h3>
      ${introductionsTable(h)}
      ${followUpsTable(h)}
    </div>`;
  }

  function view() {
    return html`<section class="view handover" aria-labelledby="handover-title">
      <h2 id="handover-title">Hand over</h2>
      <p class="no-print">What a successor needs: the contacts with their last interaction, the partners, the introductions still open.</p>
      ${chooser()}
      ${notice(state.message)}
      ${reassignCard()}
      ${body()}
    </section>`;
  }

  update();
  // Not awaited: the router can leave this view while the handover is still being read.
  (async () => {
    if (isAdmin()) {
      state.users = await get('/api/users').catch(() => []);
    }
    await load();
  })();
  return { dirty: () => successor.dirty(), leave: () => { alive = false; } };
}
