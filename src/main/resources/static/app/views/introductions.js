// My introductions: the introductions she asked for, was introduced by, or is responsible for
// (GET /api/introductions?mine=true), by status. Marking one made or declined sends a JSON Merge
// Patch of the status only, so the note and every other field are kept; made creates or
// strengthens the KNOWS tie between her and the person introduced (server-side).
import { LatestRead, get, send } from '../api.js';
import { html, nothing, render } from '../html.js';
import { enumLabel, formatDate } from '../labels.js';
import { link, replaceRoute } from '../router.js';
import { canWrite, user } from '../session.js';
import { failure, notice } from '../ui.js';

const STATUSES = ['REQUESTED', 'MADE', 'DECLINED'];
const PAGE_SIZE = 100;

const HEADINGS = {
  REQUESTED: 'Requested',
  MADE: 'Made',
  DECLINED: 'Declined',
};

function personLink(person, id) {
  const pid = (person && person.id) || id;
  const name = (person && person.name) || pid;
  return pid ? html`<a class="name" href=${`#/contacts/${encodeURIComponent(pid)}`}>${name}</a>` : '—';
}

export default async function show(container, params) {
  const writer = canWrite();
  const state = {
    status: STATUSES.includes(params.status) ? params.status : 'REQUESTED',
    counts: {},
    items: [],
    total: 0,
    loading: true,
    busy: null,
    message: null,
  };
  const update = () => render(view(), container);

  const reads = new LatestRead();

  async function load() {
    const current = reads.begin();
    state.loading = true;
    update();
    try {
      const [page, ...counts] = await Promise.all([
        get('/api/introductions', { mine: true, status: state.status, size: PAGE_SIZE }),
        ...STATUSES.map((s) => get('/api/introductions', { mine: true, status: s, size: 1 })),
      ]);
      if (!current()) return;
      state.items = page.items;
      state.total = page.total;
      STATUSES.forEach((s, i) => { state.counts[s] = counts[i].total; });
    } catch (e) {
      if (!current()) return;
      state.items = [];
      state.message = failure('Your introductions could not be loaded', e);
    } finally {
      if (current()) {
        state.loading = false;
        update();
      }
    }
  }

  function choose(status) {
    state.status = status;
    state.message = null;
    replaceRoute(link('introductions', { status: status === 'REQUESTED' ? null : status }));
    load();
  }

  async function mark(item, status) {
    state.busy = item.id;
    state.message = null;
    update();
    try {
      await send('PATCH', `/api/introductions/${encodeURIComponent(item.id)}`, { status }, 'application/merge-patch+json');
      const introduced = (item.introducedContact && item.introducedContact.name) || item.introduced;
      state.message = {
        text: status === 'MADE'
          ? `Marked made: ${introduced} is now among the people you know.`
          : `Marked declined: the introduction to ${introduced} did not happen.`,
      };
      await load();
    } catch (e) {
      state.message = failure('Not changed', e);
    } finally {
      state.busy = null;
      update();
    }
  }

  function tabs() {
    return html`<div class="tabs" role="tablist" aria-label="Introductions by status">
      ${STATUSES.map((s) => html`<button type="button" role="tab" id=${`intro-tab-${s}`} data-status=${s}
        class=${s === state.status ? 'tab current' : 'tab'} aria-selected=${s === state.status ? 'true' : 'false'}
        aria-controls="intro-panel" @click=${() => choose(s)}>${HEADINGS[s]}
        ${state.counts[s] !== undefined ? html`<span class="count">(${state.counts[s]})</span>` : nothing}</button>`)}
    </div>`;
  }

  function row(item) {
    const busy = state.busy === item.id;
    return html`<tr data-id=${item.id} data-status=${item.status}>
      <td>${personLink(item.introducerContact, item.introducer)}</td>
      <td>${personLink(item.introducedContact, item.introduced)}</td>
      <td>${personLink(item.recipientContact, item.recipient)}${item.recipient === user.contact ? html` <span class="sub">(you)</span>` : nothing}</td>
      <td>${item.date ? formatDate(item.date) : '—'}</td>
      <td class="note">${item.note || html`<span class="sub">—</span>`}</td>
      ${writer && state.status === 'REQUESTED' ? html`<td class="actions">
          <button type="button" class="mark-made" ?disabled=${busy} @click=${() => mark(item, 'MADE')}
            aria-label=${`Mark made: ${(item.introducerContact && item.introducerContact.name) || item.introducer} introduced ${(item.introducedContact && item.introducedContact.name) || item.introduced}`}>Mark made</button>
          <button type="button" class="mark-declined" ?disabled=${busy} @click=${() => mark(item, 'DECLINED')}
            aria-label=${`Mark declined: ${(item.introducedContact && item.introducedContact.name) || item.introduced}`}>Mark declined</button>
        </td>` : nothing}
    </tr>`;
  }

  function view() {
    return html`<section class="view introductions-view" aria-labelledby="intro-title">
      <h2 id="intro-title">My introductions</h2>
      <p class="hint">Introductions you asked for, to you, or that you follow up. Ask for a new one from a path in
        <a href="#/find">Find introducers</a>.</p>
      ${tabs()}
      ${notice(state.message)}
      <div id="intro-panel" role="tabpanel" aria-labelledby=${`intro-tab-${state.status}`} aria-busy=${state.loading ? 'true' : 'false'}>
        ${state.loading && !state.items.length ? html`<p class="hint">Loading…</p>`
          : state.items.length === 0 ? html`<p class="hint" id="intro-none">No ${HEADINGS[state.status].toLowerCase()} introductions.</p>`
            : html`<table class="list introductions" id="intro-list">
              <caption class="sub">${enumLabel(state.status)}: ${state.total}${state.total > state.items.length ? ` (the newest ${state.items.length} shown)` : ''}</caption>
              <thead><tr>
                <th scope="col">Introducer</th><th scope="col">Person introduced</th><th scope="col">Introduced to</th>
                <th scope="col">Date</th><th scope="col">Note</th>
                ${writer && state.status === 'REQUESTED' ? html`<th scope="col">Outcome</th>` : nothing}
              </tr></thead>
              <tbody>${state.items.map(row)}</tbody>
            </table>`}
      </div>
    </section>`;
  }

  await load();
  return {};
}
