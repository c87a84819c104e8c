// A contact's page (also an organisation's): the record with human labels, its organisations and
// ties with the names of the other ends, its history newest first with who recorded each entry,
// its open introductions, and what a writer may do next. Roles without clearance see what the
// server gives them: fields it withholds are shown as "withheld", a protected person as such.
import { ApiError, get, send } from '../api.js';
import { html, nothing, render } from '../html.js';
import { enumLabel, fieldLabel, formatDate, kindLabel, valueLabel } from '../labels.js';
import { link } from '../router.js';
import { canWrite, pseudonymised, user } from '../session.js';
import { countryLabel, failure, notice } from '../ui.js';
import { consentTable } from './consent.js';
import { ErasurePanel } from './erasure.js';

// Consent is shown by purpose in its own card (consentTable), not as the old yes/no beside it.
const CONTACT_FIELDS = ['kind', 'country', 'region', 'themes', 'riskLevel', 'confidential',
  'channels', 'notes', 'responsibleOfficer', 'createdAt', 'updatedAt'];
const ORGANISATION_FIELDS = ['type', 'country', 'region', 'scope', 'ecosocStatus', 'themes', 'responsibleOfficer',
  'createdAt', 'updatedAt'];
/** Fields the server removes for a role without clearance: free text always, identifying ones of a protected person. */
const FREE_TEXT = new Set(['notes']);
const IDENTIFYING = new Set(['country', 'channels']);
/** Ties the history already lists (participation in activities). */
const ACTIVITY_TIES = new Set(['SOURCE_OF', 'MET_DURING', 'ATTENDED']);
/** At most this many names of other ends are asked for, one GET each. */
const NAME_LOOKUPS = 80;
/** The server's pseudonyms (security/Pseudonyms.java). */
const PSEUDONYM = /^anon-[0-9a-f]+$/;

const ROLE_LABELS = {
  SOURCE_OF: 'Source', MET_DURING: 'Met during the visit', ATTENDED: 'Took part', INTRODUCER: 'Introducer',
  INTRODUCED: 'Person introduced', RECIPIENT: 'Introduced to',
};

/** The API path of a node's record, by the kind the tie says it is. */
function recordUrl(label, id) {
  const collection = { Contact: 'contacts', Organisation: 'organisations', Mandate: 'mandates', Network: 'networks',
    Communication: 'communications', CountryVisit: 'country-visits', Training: 'trainings' }[label];
  return collection ? `/api/${collection}/${encodeURIComponent(id)}` : null;
}

/** The page of a node in the workspace (contacts and organisations have one). */
function pageOf(label, id) {
  if (label === 'Contact') return `#/contacts/${encodeURIComponent(id)}`;
  if (label === 'Organisation') return `#/organisations/${encodeURIComponent(id)}`;
  return null;
}

/** The kind of node at the other end of a tie of `type` from the subject (of `subjectLabel`). */
function otherLabel(tie, subjectId, subjectLabel) {
  const outgoing = tie.from === subjectId;
  switch (tie.type) {
    case 'KNOWS': return 'Contact';
    case 'AFFILIATED_WITH': return outgoing ? 'Organisation' : 'Contact';
    case 'PARTNERS_WITH': return outgoing ? 'Mandate' : (subjectLabel === 'Mandate' ? 'Organisation' : null);
    case 'MEMBER_OF': return outgoing ? 'Network' : 'Organisation';
    case 'SOURCE_OF': return 'Communication';
    case 'MET_DURING': return 'CountryVisit';
    case 'ATTENDED': return 'Training';
    default: return null;
  }
}

function displayName(record) {
  return record ? record.name || record.title || record.id : '';
}

export default async function show(container, params) {
  const id = params.id;
  const label = location.hash.startsWith('#/organisations/') ? 'Organisation' : 'Contact';
  const state = {
    record: null, missing: null, ties: [], tiesError: null, history: null, historyError: null,
    introductions: null, introductionsError: null, names: new Map(), confirmingDelete: false, deleted: null,
    message: null, busy: false,
  };
  let alive = true;
  const update = () => { if (alive) render(view(), container); };
  const erasure = new ErasurePanel(id, update);

  async function load() {
    const path = recordUrl(label, id);
    try {
      state.record = await get(path);
    } catch (e) {
      state.missing = e;
    }
    update();
    if (!state.record) return;
    const [ties, history, introductions] = await Promise.allSettled([
      get('/api/ties', { node: id }),
      get(`/api/history/${encodeURIComponent(id)}`),
      label === 'Contact' ? get('/api/introductions', { person: id, status: 'REQUESTED', size: 100 }) : Promise.resolve(null),
    ]);
    if (ties.status === 'fulfilled') state.ties = ties.value || []; else state.tiesError = ties.reason;
    if (history.status === 'fulfilled') state.history = history.value; else state.historyError = history.reason;
    if (introductions.status === 'fulfilled') state.introductions = introductions.value;
    else state.introductionsError = introductions.reason;
    update();
    await lookUpNames();
  }

  /** The names of the other ends of the ties and of the people in the history, one GET each (bounded). */
  async function lookUpNames() {
    const wanted = new Map();
    for (const tie of state.ties) {
      const other = tie.from === id ? tie.to : tie.from;
      const kind = otherLabel(tie, id, label);
      if (kind && !ACTIVITY_TIES.has(tie.type)) wanted.set(other, kind);
    }
    for (const entry of (state.history && state.history.entries) || []) {
      for (const person of [entry.introducer, entry.introduced, entry.recipient]) {
        if (person && person !== id && !wanted.has(person)) wanted.set(person, 'Contact');
      }
      for (const mandate of entry.mandates || []) {
        if (!wanted.has(mandate)) wanted.set(mandate, 'Mandate');
      }
    }
    // A pseudonym (what a role without clearance sees instead of a protected person) is the only
    // name that role gets: no request needed.
    for (const other of wanted.keys()) {
      if (pseudonymised() && PSEUDONYM.test(other)) {
        state.names.set(other, { name: other, label: wanted.get(other), pseudonymised: true });
        wanted.delete(other);
      }
    }
    const queue = [...wanted.entries()].slice(0, NAME_LOOKUPS);
    const worker = async () => {
      while (queue.length && alive) {
        const [other, kind] = queue.shift();
        try {
          const record = await get(recordUrl(kind, other));
          state.names.set(other, { name: displayName(record), label: kind, pseudonymised: Boolean(record.pseudonymised) });
        } catch (e) {
          // A protected person (for a role without clearance) or a record deleted meanwhile: the id is all there is.
          state.names.set(other, { name: null, label: kind, unavailable: true });
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    update();
  }

  async function remove() {
    state.busy = true;
    update();
    try {
      const result = await send('DELETE', recordUrl(label, id));
      state.deleted = result || { tiesRemoved: 0 };
      state.confirmingDelete = false;
    } catch (e) {
      state.message = failure('Not deleted', e);
    } finally {
      state.busy = false;
      update();
    }
  }

  /** A node named by id: a link to its page when it has one, its name when known. */
  function nodeRef(otherId, kind) {
    const known = state.names.get(otherId);
    const name = known && known.name ? known.name : otherId;
    const page = pageOf(kind || (known && known.label), otherId);
    const protectedMark = known && (known.pseudonymised || known.unavailable) && pseudonymised()
      ? html` <span class="sub">(protected)</span>` : nothing;
    return page
      ? html`<a class="name" href=${page} data-id=${otherId}>${name}</a>${protectedMark}`
      : html`<span class="name" data-id=${otherId}>${name}</span>${protectedMark}`;
  }

  function fieldValue(name, record) {
    const value = record[name];
    const absent = value === undefined || value === null || (Array.isArray(value) && value.length === 0);
    if (absent && pseudonymised() && (FREE_TEXT.has(name) || (IDENTIFYING.has(name) && record.pseudonymised))) {
      return html`<span class="withheld">withheld</span>`;
    }
    if (name === 'country') return value ? countryLabel(value) : '—';
    return valueLabel(name, value);
  }

  function recordCard(record) {
    const fields = label === 'Contact' ? CONTACT_FIELDS : ORGANISATION_FIELDS;
    return html`<section class="card" aria-labelledby="contact-record-title">
      <h3 id="contact-record-title">Record</h3>
      <dl class="record" id="contact-record">
        ${fields.filter((f) => f in record || (pseudonymised() && (FREE_TEXT.has(f) || IDENTIFYING.has(f))) || f === 'themes')
    .map((f) => html`<dt data-field=${f}>${fieldLabel(f)}</dt><dd data-field=${f}>${fieldValue(f, record)}</dd>`)}
      </dl>
    </section>`;
  }

  /** What the person consented to, per purpose (withheld from a role without clearance for a protected person). */
  function consentCard(record) {
    if (label !== 'Contact') return nothing;
    return html`<section class="card" aria-labelledby="contact-consent-title">
      <h3 id="contact-consent-title">Consent</h3>
      ${consentTable(record.consent, { withheld: Boolean(record.pseudonymised) && !record.consent })}
      ${canWrite() && !record.pseudonymised ? html`<p class="sub"><a href=${`#/contacts/${encodeURIComponent(id)}/edit`}
        id="contact-consent-edit">Record or withdraw consent</a></p>` : nothing}
    </section>`;
  }

  function actions(record) {
    if (!canWrite()) return nothing;
    const people = label === 'Contact';
    const editPath = people ? `#/contacts/${encodeURIComponent(id)}/edit` : `#/organisations/${encodeURIComponent(id)}/edit`;
    return html`<nav class="actions contact-actions" aria-label="Actions">
      <a class="button" id="contact-edit" href=${editPath}>Edit</a>
      <a class="button" id="contact-add-tie" href=${link('ties/new', { from: id })}>Add a tie</a>
      ${people ? html`<a class="button" id="contact-find" href=${link('find', { to: id })}>Find introducers to this person</a>` : nothing}
      <a class="button" id="contact-map" href=${link('map', { path: id })}>Show on map</a>
      <button type="button" id="contact-delete" class="danger" @click=${() => { state.confirmingDelete = true; update(); }}
        aria-expanded=${state.confirmingDelete ? 'true' : 'false'}>Delete…</button>
      ${people ? erasure.button() : nothing}
    </nav>
    ${people ? erasure.confirmation(record, {
    ties: state.ties.filter((t) => !ACTIVITY_TIES.has(t.type)).length,
    participations: state.ties.filter((t) => ACTIVITY_TIES.has(t.type)).length,
  }) : nothing}
    ${state.confirmingDelete ? html`<div class="card confirm" role="alertdialog" aria-labelledby="contact-delete-q">
        <p id="contact-delete-q"><strong>Delete ${displayName(record)}?</strong> Its ${state.ties.length} ties go with it${people
    ? ', and so do the introductions this person took part in' : ''}. This cannot be undone.</p>
        <button type="button" class="danger primary" id="contact-delete-confirm" ?disabled=${state.busy} @click=${remove}>Delete for good</button>
        <button type="button" id="contact-delete-cancel" @click=${() => { state.confirmingDelete = false; update(); }}>Keep</button>
      </div>` : nothing}`;
  }

  function organisationsCard() {
    const affiliations = state.ties.filter((t) => t.type === 'AFFILIATED_WITH');
    const people = label === 'Contact';
    return html`<section class="card" aria-labelledby="contact-orgs-title">
      <h3 id="contact-orgs-title">${people ? 'Organisations' : 'People affiliated'}</h3>
      ${affiliations.length === 0 ? html`<p class="hint">None recorded.</p>` : html`<ul class="plain" id="contact-organisations">
        ${affiliations.map((t) => {
    const other = t.from === id ? t.to : t.from;
    return html`<li data-id=${other}>${nodeRef(other, people ? 'Organisation' : 'Contact')}${t.role ? html` <span class="sub">· ${t.role}</span>` : nothing}${t.since ? html` <span class="sub">· since ${formatDate(t.since)}</span>` : nothing}</li>`;
  })}
      </ul>`}
    </section>`;
  }

  function tiesCard() {
    const knows = state.ties.filter((t) => t.type === 'KNOWS')
      .sort((a, b) => String(b.lastContact || '').localeCompare(String(a.lastContact || '')));
    const others = state.ties.filter((t) => t.type !== 'KNOWS' && t.type !== 'AFFILIATED_WITH' && !ACTIVITY_TIES.has(t.type));
    const pending = state.names.size === 0 && state.ties.length > 0;
    return html`<section class="card" aria-labelledby="contact-ties-title">
      <h3 id="contact-ties-title">Ties</h3>
      ${state.tiesError ? html`<p class="notice error" role="alert">Ties could not be read: ${state.tiesError.message}</p>` : nothing}
      ${knows.length ? html`<table class="list" id="contact-knows">
          <caption class="sub">Knows (${knows.length}), most recent contact first${pending ? '; names loading…' : ''}</caption>
          <thead><tr><th scope="col">Person</th><th scope="col">Trust (1–5)</th><th scope="col">Since</th><th scope="col">Last contact</th></tr></thead>
          <tbody>${knows.map((t) => {
    const other = t.from === id ? t.to : t.from;
    return html`<tr data-id=${other}><td>${nodeRef(other, 'Contact')}</td><td>${t.trust ?? '—'}</td>
              <td>${formatDate(t.since) || '—'}</td><td>${formatDate(t.lastContact) || '—'}</td></tr>`;
  })}</tbody>
        </table>` : html`<p class="hint">Knows nobody on record.</p>`}
      ${others.length ? html`<table class="list" id="contact-other-ties">
          <caption class="sub">Other ties</caption>
          <thead><tr><th scope="col">Tie</th><th scope="col">With</th><th scope="col">Details</th></tr></thead>
          <tbody>${others.map((t) => {
    const other = t.from === id ? t.to : t.from;
    const details = [t.since ? `since ${formatDate(t.since)}` : '', t.lastContact ? `last contact ${formatDate(t.lastContact)}` : '',
      (t.activities || []).join(', ')].filter(Boolean).join(' · ');
    return html`<tr data-id=${other}><td>${enumLabel(t.type)}</td><td>${nodeRef(other, otherLabel(t, id, label))}</td><td>${details || '—'}</td></tr>`;
  })}</tbody>
        </table>` : nothing}
    </section>`;
  }

  function introductionsCard() {
    if (label !== 'Contact') return nothing;
    let body;
    if (state.introductionsError) {
      body = state.introductionsError instanceof ApiError && [404, 405].includes(state.introductionsError.status)
        ? html`<p class="hint">The list of introductions is not available on this server yet.</p>`
        : html`<p class="notice error" role="alert">Introductions could not be read: ${state.introductionsError.message}</p>`;
    } else if (!state.introductions) {
      body = html`<p class="hint">Loading…</p>`;
    } else if (!state.introductions.items.length) {
      body = html`<p class="hint">No open introduction.</p>`;
    } else {
      const person = (p, fallback) => (p && p.id ? nodeLink(p.id, p.name) : nodeRef(fallback, 'Contact'));
      body = html`<table class="list" id="contact-introductions">
        <thead><tr><th scope="col">Asked</th><th scope="col">Introducer</th><th scope="col">Person introduced</th><th scope="col">Introduced to</th><th scope="col">Note</th></tr></thead>
        <tbody>${state.introductions.items.map((i) => html`<tr data-id=${i.id}>
          <td>${formatDate(i.date) || '—'}</td><td>${person(i.introducerContact, i.introducer)}</td>
          <td>${person(i.introducedContact, i.introduced)}</td><td>${person(i.recipientContact, i.recipient)}</td>
          <td>${i.note ?? (pseudonymised() ? html`<span class="withheld">withheld</span>` : '—')}</td></tr>`)}</tbody>
      </table>
      ${state.introductions.total > state.introductions.items.length
    ? html`<p class="hint">${state.introductions.items.length} of ${state.introductions.total} shown.</p>` : nothing}`;
    }
    return html`<section class="card" aria-labelledby="contact-intros-title">
      <h3 id="contact-intros-title">Open introductions</h3>
      ${body}
      ${canWrite() ? html`<p><a href="#/introductions">My introductions</a></p>` : nothing}
    </section>`;
  }

  function nodeLink(otherId, name) {
    return otherId === id ? html`<strong class="name">${name || otherId}</strong>`
      : html`<a class="name" href=${pageOf('Contact', otherId)} data-id=${otherId}>${name || otherId}</a>`;
  }

  function activityText(entry) {
    if (entry.kind === 'Introduction') {
      const who = (p) => (p === id ? html`<strong>this person</strong>` : nodeRef(p, 'Contact'));
      return html`Introduction of ${who(entry.introduced)} to ${who(entry.recipient)} by ${who(entry.introducer)}${entry.status
        ? html` <span class="sub">· ${enumLabel(entry.status)}</span>` : nothing}`;
    }
    const mandates = (entry.mandates || []).map((m) => {
      const known = state.names.get(m);
      return known && known.name ? known.name : m;
    }).join(', ');
    const what = entry.kind === 'Communication' ? enumLabel(entry.title) || 'Communication'
      : entry.kind === 'Training' ? (entry.title ? `Training: ${entry.title}` : 'Training')
        : `${kindLabel(entry.kind)}${entry.country ? ` to ${countryLabel(entry.country)}` : ''}`;
    const extra = [mandates, entry.place, entry.organiser].filter(Boolean).join(' · ');
    return html`<span>${what}</span>${extra ? html` <span class="sub">· ${extra}</span>` : nothing}${entry.summary
      ? html`<div class="sub summary">${entry.summary}</div>` : nothing}`;
  }

  function historyCard() {
    let body;
    if (state.historyError) {
      body = html`<p class="notice error" role="alert">History could not be read: ${state.historyError.message}</p>`;
    } else if (!state.history) {
      body = html`<p class="hint">Loading…</p>`;
    } else if (!state.history.entries.length) {
      body = html`<p class="hint">No activity or introduction on record.</p>`;
    } else {
      body = html`<table class="list" id="contact-history">
        <thead><tr><th scope="col">Date</th><th scope="col">Activity</th><th scope="col">Role</th><th scope="col">Follow-up</th>
          <th scope="col">Recorded by</th><th scope="col">Recorded on</th></tr></thead>
        <tbody>${state.history.entries.map((e) => html`<tr data-record=${e.record} data-kind=${e.kind}>
          <td>${formatDate(e.date) || html`<span class="sub">undated</span>`}${e.endDate ? html`–${formatDate(e.endDate)}` : nothing}</td>
          <td>${activityText(e)}</td>
          <td>${ROLE_LABELS[e.role] || enumLabel(e.role)}</td>
          <td>${e.followUp ? enumLabel(e.followUp) : ({ MET_DURING: 'Report not sent yet', SOURCE_OF: 'Not informed yet' }[e.role] || '—')}</td>
          <td class="recorded-by">${e.recordedBy || '—'}</td>
          <td>${formatDate(e.recordedAt) || '—'}</td></tr>`)}</tbody>
      </table>`;
    }
    return html`<section class="card" aria-labelledby="contact-history-title">
      <h3 id="contact-history-title">History <span class="sub">newest first</span></h3>
      ${body}
    </section>`;
  }

  function missingView() {
    const e = state.missing;
    const notFound = e instanceof ApiError && e.status === 404;
    if (notFound && pseudonymised()) {
      return html`<section class="view" aria-labelledby="contact-title">
        <h2 id="contact-title" class="name">${id}</h2>
        <p class="notice" id="contact-protected" role="status">This person is protected; you see what your role may see.
          Their name, record and history are withheld from your role.</p>
        <p><a href=${link('map', { path: id })}>Show on map</a>${user.role !== 'REPORTS'
    ? html` · <a href=${link('find', { to: id })}>Find introducers to this person</a>` : nothing}</p>
      </section>`;
    }
    return html`<section class="view" aria-labelledby="contact-title">
      <h2 id="contact-title">${label === 'Contact' ? 'Contact' : 'Organisation'} not found</h2>
      <p class="notice error" role="alert">${notFound ? `There is no ${label === 'Contact' ? 'contact' : 'organisation'} with the id ${id}.`
    : `It could not be read: ${e && e.message ? e.message : String(e)}`}</p>
    </section>`;
  }

  function deletedView(record) {
    const d = state.deleted;
    const intros = d.introductionsRemoved || 0;
    return html`<section class="view narrow" aria-labelledby="contact-title">
      <h2 id="contact-title" class="name">${displayName(record)}</h2>
      <p class="notice" id="contact-deleted" role="status">Deleted, with ${d.tiesRemoved} ${d.tiesRemoved === 1 ? 'tie' : 'ties'}${intros
    ? ` and ${intros} ${intros === 1 ? 'introduction' : 'introductions'}` : ''}.</p>
      <p><a href="#/map">Back to the map</a></p>
    </section>`;
  }

  function view() {
    const record = state.record;
    if (state.missing) return missingView();
    if (!record) return html`<section class="view"><p class="hint">Loading…</p></section>`;
    if (state.deleted) return deletedView(record);
    if (erasure.result) return erasure.done();
    const sub = [label === 'Contact' ? enumLabel(record.kind) : enumLabel(record.type),
      record.country ? countryLabel(record.country) : '', enumLabel(record.region)].filter(Boolean).join(' · ');
    return html`<section class="view contact-page" aria-labelledby="contact-title" data-id=${record.id}>
      <h2 id="contact-title" class="name">${displayName(record)}</h2>
      <p class="sub">${kindLabel(label)}${sub ? ` · ${sub}` : ''}</p>
      ${record.pseudonymised ? html`<p class="notice" id="contact-protected" role="status">This person is protected; you see what your role may see.</p>` : nothing}
      ${notice(state.message)}
      ${actions(record)}
      <div class="columns">
        <div>${recordCard(record)}${organisationsCard()}</div>
        <div>${introductionsCard()}${tiesCard()}</div>
      </div>
      ${consentCard(record)}
      ${historyCard()}
    </section>`;
  }

  update();
  // The record first; ties, history and names fill in as they come (leaving meanwhile stops them).
  load().catch((e) => { state.message = failure('Not everything could be read', e); update(); });
  return { dirty: () => erasure.dirty(), leave: () => { alive = false; } };
}
