// The follow-up lists: people and organisations met on a country visit who have not been sent
// the visit report, sources of communications not yet informed of the reply, and consents that
// lapse in the next 30 days (to renew with the person before referral stops using them). One click marks a
// row; ticking rows (or "select all shown") marks many at once. A marked row leaves the list; a
// refusal stays on its row. The filters (a visit, a communication, a mandate) live in the address.
import { LatestRead, get, send } from '../api.js';
import { html, nothing, render, repeat } from '../html.js';
import { enumLabel, formatDate } from '../labels.js';
import { link, replaceRoute } from '../router.js';
import { canWrite } from '../session.js';
import { Picker, countryLabel, failure, notice } from '../ui.js';
import { pageOf, readOnly, reasonOf } from './record-parts.js';
import { mandateTitle } from './record-mandates.js';
import { purposeLabel } from './consent.js';

const PAGE = 100;

const LISTS = {
  visits: {
    path: '/api/followups/visit-reports', filter: 'visit', status: 'REPORT_SENT', title: 'Visit reports to send',
    one: 'Mark report sent', many: 'Mark selected as report sent', done: 'report sent', activity: 'Country visit',
    empty: 'Everyone met has been sent the visit report.',
  },
  communications: {
    path: '/api/followups/communications', filter: 'communication', status: 'INFORMED', title: 'Sources to inform of the reply',
    one: 'Mark informed', many: 'Mark selected as informed', done: 'informed', activity: 'Communication',
    empty: 'Every source has been informed.',
  },
};

const keyOf = (row) => `${row.activity.id}|${row.participant.id}`;

export default async function show(container, params) {
  if (!canWrite()) {
    render(readOnly('Follow-ups'), container);
    return {};
  }
  const filters = { visit: params.visit || '', communication: params.communication || '', mandate: params.mandate || '' };
  const titles = new Map();
  const lists = Object.fromEntries(Object.keys(LISTS).map((k) => [k, {
    rows: [], selected: new Set(), errors: new Map(), busy: new Set(), shown: PAGE, message: null, loading: true,
  }]));
  let message = null;
  const consents = { rows: [], loading: true, message: null };
  const update = () => render(view(), container);
  const mandatePicker = new Picker({
    labels: ['Mandate'], label: 'Only the follow-ups of a mandate', placeholder: 'Type a mandate title…', onChange: update,
    onPick: (m) => { titles.set(m.id, m.name); setFilter({ mandate: m.id }); },
  });

  async function title(id) {
    if (!titles.has(id)) titles.set(id, await mandateTitle(id));
    return titles.get(id);
  }

  async function loadConsents() {
    try {
      consents.rows = await get('/api/followups/consents');
      consents.message = null;
    } catch (e) {
      consents.rows = [];
      consents.message = failure('The list could not be read', e);
    }
    consents.loading = false;
  }

  // She may change a filter (a mandate picked, a chip removed) while the lists of the last one are
  // still on their way: only the answers to her last choice are shown.
  const reads = new LatestRead();

  async function load() {
    const current = reads.begin();
    for (const list of Object.values(lists)) list.loading = true;
    const expiring = loadConsents();
    const answers = await Promise.all(Object.entries(LISTS).map(async ([k, def]) => {
      // A visit filter shows only that visit's list: the other list has nothing of that visit.
      const other = k === 'visits' ? filters.communication : filters.visit;
      try {
        return [k, other ? [] : await get(def.path, { [def.filter]: filters[def.filter], mandate: filters.mandate }), null];
      } catch (e) {
        return [k, [], failure('The list could not be read', e)];
      }
    }));
    if (!current()) return;
    for (const [k, rows, problem] of answers) {
      const list = lists[k];
      list.rows = rows;
      list.message = problem;
      list.selected = new Set([...list.selected].filter((key) => list.rows.some((r) => keyOf(r) === key)));
      list.loading = false;
    }
    const ids = new Set();
    for (const list of Object.values(lists)) list.rows.forEach((r) => (r.activity.mandates || []).forEach((m) => ids.add(m)));
    if (filters.mandate) ids.add(filters.mandate);
    await Promise.all([...ids].map(title));
    await expiring;
    if (!current()) return;
    update();
  }

  /** Consents lapsing in the next 30 days, soonest first; renewing or withdrawing is done on the contact form. */
  function consentSection() {
    return html`<section class="followup-list" id="followups-consents" aria-labelledby="followups-consents-title">
      <h3 id="followups-consents-title">Consents to renew <span class="sub">lapsing in the next 30 days</span>
        <span class="count">(${consents.loading ? '…' : consents.rows.length})</span></h3>
      ${notice(consents.message)}
      ${consents.loading ? html`<p class="hint">Loading…</p>` : consents.rows.length === 0
    ? html`<p class="hint empty">No consent lapses in the next 30 days.</p>` : html`
        <table class="list consents">
          <thead><tr><th scope="col">Who</th><th scope="col">Agreed to</th><th scope="col">Until</th><th scope="col">Given</th>
            <th scope="col">How</th><th scope="col">Recorded by</th><th scope="col">Responsible officer</th>
            <th scope="col"><span class="visually-hidden">Action</span></th></tr></thead>
          <tbody>${consents.rows.map((row) => html`<tr data-contact=${row.id} data-purpose=${row.purpose}>
            <td><a class="name" href=${`#/contacts/${encodeURIComponent(row.id)}`}>${row.name || row.id}</a></td>
            <td>${purposeLabel(row.purpose)}</td>
            <td>${'until' in row ? formatDate(row.until) : 'withheld'}</td>
            <td>${'until' in row ? (row.given ? formatDate(row.given) : 'date unknown') : 'withheld'}</td>
            <td>${row.method ? enumLabel(row.method) : '—'}</td>
            <td>${row.recordedBy || '—'}</td>
            <td>${row.responsibleOfficer || '—'}</td>
            <td>${row.pseudonymised ? nothing : html`<a href=${`#/contacts/${encodeURIComponent(row.id)}/edit`}
              aria-label=${`Renew or withdraw: ${row.name || row.id}`}>Renew or withdraw</a>`}</td>
          </tr>`)}</tbody>
        </table>`}
    </section>`;
  }

  function setFilter(change) {
    Object.assign(filters, change);
    replaceRoute(link('followups', filters));
    message = null;
    load();
  }

  async function mark(kind, rows) {
    const def = LISTS[kind];
    const list = lists[kind];
    let done = 0;
    rows.forEach((r) => { list.busy.add(keyOf(r)); list.errors.delete(keyOf(r)); });
    update();
    for (const row of rows) {
      const key = keyOf(row);
      try {
        await send('PUT', `/api/activities/${encodeURIComponent(row.activity.id)}/participants/${encodeURIComponent(row.participant.id)}`,
          { followUp: def.status });
        list.rows = list.rows.filter((r) => keyOf(r) !== key);
        list.selected.delete(key);
        done += 1;
      } catch (e) {
        list.errors.set(key, reasonOf(e));
      }
      list.busy.delete(key);
      update();
    }
    const failed = rows.length - done;
    message = {
      error: failed > 0,
      text: rows.length === 1 && done === 1 ? `${rows[0].participant.name}: ${def.done}.`
        : `${done} marked as ${def.done}${failed ? `; ${failed} could not be marked (see the rows)` : ''}.`,
    };
    update();
  }

  function activityCell(row) {
    const a = row.activity;
    const mandates = (a.mandates || []).map((m) => titles.get(m) || m);
    const edit = `#/${a.kind === 'CountryVisit' ? 'visits' : 'communications'}/${encodeURIComponent(a.id)}/edit`;
    return html`<a class="activity" href=${edit}>${a.kind === 'CountryVisit' ? 'Visit' : 'Communication'}${a.country ? html` · ${countryLabel(a.country)}` : nothing}${a.date ? html` · ${formatDate(a.date)}` : nothing}</a>
      ${mandates.length ? html`<span class="sub mandates">${mandates.join('; ')}</span>` : nothing}`;
  }

  function section(kind) {
    const def = LISTS[kind];
    const list = lists[kind];
    const shown = list.rows.slice(0, list.shown);
    const allSelected = shown.length > 0 && shown.every((r) => list.selected.has(keyOf(r)));
    const toggleAll = (on) => {
      shown.forEach((r) => (on ? list.selected.add(keyOf(r)) : list.selected.delete(keyOf(r))));
      update();
    };
    const toggle = (row, on) => {
      if (on) list.selected.add(keyOf(row)); else list.selected.delete(keyOf(row));
      update();
    };
    const selectedRows = list.rows.filter((r) => list.selected.has(keyOf(r)));
    const headingId = `followups-${kind}-title`;
    return html`<section class="followup-list" id=${`followups-${kind}`} aria-labelledby=${headingId}>
      <h3 id=${headingId}>${def.title} <span class="count">(${list.loading ? '…' : list.rows.length})</span></h3>
      ${notice(list.message)}
      ${list.loading ? html`<p class="hint">Loading…</p>` : list.rows.length === 0 ? html`<p class="hint empty">${def.empty}</p>` : html`
        <div class="bulk-bar">
          <label class="option"><input type="checkbox" class="select-all" .checked=${allSelected}
            @change=${(e) => toggleAll(e.target.checked)}> Select all shown</label>
          <button type="button" class="primary bulk-mark" ?disabled=${selectedRows.length === 0 || list.busy.size > 0}
            @click=${() => mark(kind, selectedRows)}>${def.many}${selectedRows.length ? ` (${selectedRows.length})` : ''}</button>
        </div>
        <table class="list followups">
          <thead><tr><th scope="col"><span class="visually-hidden">Select</span></th><th scope="col">Who</th>
            <th scope="col">${def.activity}</th><th scope="col">Status</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead>
          <tbody>
            ${repeat(shown, keyOf, (row) => {
              const key = keyOf(row);
              const error = list.errors.get(key);
              const busy = list.busy.has(key);
              return html`<tr data-activity=${row.activity.id} data-participant=${row.participant.id}
                  class=${[list.selected.has(key) ? 'selected' : '', error ? 'failed' : ''].join(' ')}>
                <td><input type="checkbox" class="select-row" .checked=${list.selected.has(key)}
                  aria-label=${`Select ${row.participant.name || row.participant.id}`} @change=${(e) => toggle(row, e.target.checked)}></td>
                <td><a class="name" href=${pageOf(row.participant.label, row.participant.id)}>${row.participant.name || row.participant.id}</a>
                  ${row.participant.label === 'Organisation' ? html` <span class="sub">Organisation</span>` : nothing}
                  ${error ? html`<p class="field-error row-error" role="alert">Not marked: ${error}</p>` : nothing}</td>
                <td>${activityCell(row)}</td>
                <td>${row.followUp ? enumLabel(row.followUp) : 'Not yet'}</td>
                <td><button type="button" class="mark" ?disabled=${busy}
                  aria-label=${`${def.one}: ${row.participant.name || row.participant.id}`}
                  @click=${() => mark(kind, [row])}>${busy ? 'Marking…' : def.one}</button></td>
              </tr>`;
            })}
          </tbody>
        </table>
        ${list.rows.length > list.shown ? html`<p><button type="button" class="more" @click=${() => { list.shown += PAGE; update(); }}>
          Show more (${list.rows.length - list.shown} not shown)</button></p>` : nothing}`}
    </section>`;
  }

  function filterChips() {
    const chips = [];
    const about = (id) => {
      const row = [...lists.visits.rows, ...lists.communications.rows].find((r) => r.activity.id === id);
      if (!row) return '';
      const a = row.activity;
      return [a.country ? countryLabel(a.country) : '', a.date ? formatDate(a.date) : ''].filter(Boolean).join(', ');
    };
    if (filters.visit) chips.push(html`<li>Only the visit${about(filters.visit) ? ` to ${about(filters.visit)}` : ''} <button type="button" aria-label="Show every visit" @click=${() => setFilter({ visit: '' })}>×</button></li>`);
    if (filters.communication) chips.push(html`<li>Only the communication${about(filters.communication) ? ` (${about(filters.communication)})` : ''} <button type="button" aria-label="Show every communication" @click=${() => setFilter({ communication: '' })}>×</button></li>`);
    if (filters.mandate) {
      const t = titles.get(filters.mandate) || filters.mandate;
      chips.push(html`<li>Mandate: <span class="name">${t}</span> <button type="button" aria-label=${`Show every mandate, not only ${t}`} @click=${() => setFilter({ mandate: '' })}>×</button></li>`);
    }
    return chips.length ? html`<ul class="chips filters" aria-label="Filters">${chips}</ul>` : nothing;
  }

  function view() {
    return html`<section class="view followups-view" aria-labelledby="followups-title">
      <h2 id="followups-title">Follow-ups</h2>
      <p class="hint">Who still has to hear back from us. Marking a row records the follow-up on that person's participation.
        <a href="#/retention" id="followups-retention">Contacts to review for retention</a></p>
      <div class="followup-filters">
        ${filters.mandate ? nothing : mandatePicker.view()}
        ${filterChips()}
      </div>
      <div aria-live="polite">${notice(message)}</div>
      ${section('visits')}
      ${section('communications')}
      ${consentSection()}
    </section>`;
  }

  update();
  await load();
  return {};
}
