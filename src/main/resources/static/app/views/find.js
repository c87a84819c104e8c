// Find introducers: who can introduce her to a person, or to the best new contacts matching a target
// (any mix of region, country, theme, contact kind, organisation type). GET /api/referrals gives the
// ranked paths (each hop's tie, the first person to ask, the at-risk intermediaries when allowed)
// and the unreachable ones; GET /api/referrals/coverage how many are reachable within 1, 2, 3 hops.
// The query lives in the address, so a reload or a bookmark runs it again. From a path an officer
// records the ask (POST /api/introductions).
import { ApiError, LatestRead, get, send } from '../api.js';
import { Form } from '../forms.js';
import { html, nothing, render } from '../html.js';
import { enumLabel, formatDate } from '../labels.js';
import { link, replaceRoute } from '../router.js';
import { canWrite, pseudonymised, user, words } from '../session.js';
import { Picker, countryLabel, describeMatch, failure, notice } from '../ui.js';
import { STATED_PURPOSES, consentSpan } from './consent.js';

const TARGET_FIELDS = ['region', 'country', 'theme', 'kind', 'orgType'];
const HOP_CHOICES = [1, 2, 3, 4, 5, 6];
const PATH_CHOICES = [1, 2, 3, 5];

/** Today as yyyy-mm-dd in her own time zone. */
function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function recordLink(person) {
  if (!person) return null;
  if (person.label === 'Contact') return `#/contacts/${encodeURIComponent(person.id)}`;
  if (person.label === 'Organisation') return `#/organisations/${encodeURIComponent(person.id)}`;
  return null;
}

/** "Knows · trust 4 · last contact 1 Mar 2025" for the tie of one hop. */
function tieText(hop) {
  return [
    enumLabel(hop.via),
    hop.trust ? `trust ${hop.trust} of 5` : 'trust unknown',
    hop.lastContact ? `last contact ${formatDate(hop.lastContact)}` : 'no recorded contact date',
  ].join(' · ');
}

/** "knows you, trust 4 of 5, last contact 1 Mar 2025" for a sentence about the first tie. */
function tiePhrase(hop) {
  const how = { KNOWS: 'knows you', AFFILIATED_WITH: 'affiliated with you', PARTNERS_WITH: 'partners with you' }[hop.via]
    || enumLabel(hop.via).toLowerCase();
  return [how, hop.trust ? `trust ${hop.trust} of 5` : 'trust unknown',
    hop.lastContact ? `last contact ${formatDate(hop.lastContact)}` : 'no recorded contact date'].join(', ');
}

/** The server's reason, in the page's words. */
function reasonText(reason) {
  if (!reason) return '';
  const text = reason
    .replace('(allowAtRisk=false)', '(at-risk intermediaries are not allowed)')
    .replace('have not consented', 'have not agreed to introduce others')
    .replace(/whose consent to introduce is not current on (\d{4}-\d{2}-\d{2})/, (m, d) => `whose consent to introduce others is not current on ${formatDate(d)}`)
    .replace(/no current consent to (.*) on (\d{4}-\d{2}-\d{2}) \(purpose (\w+)\)/, (m, what, d, p) => `no current consent to ${what} on ${formatDate(d)} (purpose: ${enumLabel(p).toLowerCase()})`);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export default async function show(container, params) {
  const vocabulary = await words();
  const officer = canWrite();
  const state = {
    mode: params.to ? 'person' : 'target',
    to: params.to ? { id: params.to, name: '…' } : null,
    start: params.from ? { id: params.from, name: '…' } : null,
    allowAtRisk: officer && params.allowAtRisk === 'true',
    result: null,
    coverage: null,
    asked: params, // the query the shown results answer
    running: false,
    message: null,
    asking: null, // key of the path whose ask form is open
    askedPaths: new Map(), // path key → the introduction recorded
  };
  const update = () => render(view(), container);
  const form = new Form({
    region: params.region || null,
    country: params.country || null,
    theme: params.theme || null,
    kind: params.kind || null,
    orgType: params.orgType || null,
    k: Number(params.k) || 3,
    maxHops: Number(params.maxHops) || 4,
    limit: Number(params.limit) || 20,
    purpose: params.purpose || null,
  }, update);
  form.saved(form.values); // the query is not "unsaved work"
  let askForm = null;

  const toPicker = new Picker({
    label: 'Person to reach', placeholder: 'Type a name…', onChange: update,
    onPick: (m) => { state.to = { id: m.id, name: m.name, match: m }; },
  });
  const startPicker = new Picker({
    label: 'Start from', placeholder: 'Type a name…', onChange: update,
    onPick: (m) => { state.start = { id: m.id, name: m.name, match: m }; },
  });

  /** The query as parameters, of the address and of the API (ids only: no name goes into the address). */
  function query() {
    const q = {};
    if (state.start && state.start.id) q.from = state.start.id;
    if (state.mode === 'person') {
      if (state.to) q.to = state.to.id;
    } else {
      for (const f of TARGET_FIELDS) if (form.values[f]) q[f] = form.values[f];
      if (form.values.limit && form.values.limit !== 20) q.limit = form.values.limit;
    }
    if (form.values.k && form.values.k !== 3) q.k = form.values.k;
    if (form.values.maxHops && form.values.maxHops !== 4) q.maxHops = form.values.maxHops;
    if (state.allowAtRisk) q.allowAtRisk = 'true';
    if (form.values.purpose) q.purpose = form.values.purpose;
    return q;
  }

  function ready(q) {
    return q.to || TARGET_FIELDS.some((f) => q[f]);
  }

  // The query of the address runs as the view opens; she may switch what she looks for meanwhile
  // (setMode): an answer to a query she has left is not shown under the one she is filling in.
  const reads = new LatestRead();

  async function run(api) {
    const current = reads.begin();
    state.running = true;
    state.message = null;
    state.asking = null;
    askForm = null;
    update();
    try {
      const [result, coverage] = await Promise.all([
        get('/api/referrals', api),
        api.to ? Promise.resolve(null) : get('/api/referrals/coverage', {
          from: api.from, region: api.region, country: api.country, theme: api.theme, kind: api.kind,
          orgType: api.orgType, maxHops: 3, allowAtRisk: api.allowAtRisk, purpose: api.purpose,
        }),
      ]);
      if (!current()) return;
      state.result = result;
      state.coverage = coverage;
      state.asked = api;
      const known = new Map((result.people || []).map((p) => [p.id, p]));
      if (state.to && known.has(state.to.id)) state.to.name = known.get(state.to.id).name;
      if (state.start && known.has(state.start.id)) state.start.name = known.get(state.start.id).name;
    } catch (e) {
      if (!current()) return;
      state.result = null;
      state.coverage = null;
      if (e instanceof ApiError && e.status === 400 && e.problem && (e.problem.errors || []).some((x) => x.field === 'from')) {
        state.message = { text: 'Choose where to start: you are not linked to a contact yet.', error: true };
      } else {
        state.message = failure('The search failed', e);
      }
    } finally {
      if (current()) {
        state.running = false;
        update();
      }
    }
  }

  function submit(event) {
    event.preventDefault();
    const q = query();
    if (!ready(q)) {
      state.message = {
        text: state.mode === 'person' ? 'Pick the person you want to reach.' : 'Choose at least one of region, country, theme, kind or organisation type.',
        error: true,
      };
      update();
      return;
    }
    replaceRoute(link('find', q));
    run(q);
  }

  function setMode(mode) {
    reads.begin();
    state.running = false;
    state.mode = mode;
    state.result = null;
    state.coverage = null;
    state.message = null;
    update();
  }

  // ------------------------------------------------------------------------------------------
  // asking for an introduction

  function pathKey(path) {
    return path.nodes.join(',');
  }

  /** Introducer = the first ask, introduced = the next person (contact) on the path, recipient = the start. */
  function askEnds(path, people) {
    if (!path.firstAsk) return null;
    const first = people.get(path.firstAsk);
    if (!first || first.label !== 'Contact') return null;
    const after = path.nodes.slice(path.nodes.indexOf(path.firstAsk) + 1);
    const next = after.map((id) => people.get(id)).find((p) => p && p.label === 'Contact');
    return next ? { introducer: first, introduced: next, recipient: path.nodes[0] } : null;
  }

  function openAsk(path) {
    state.asking = pathKey(path);
    askForm = new Form({ date: today(), note: '' }, update);
    update();
    const field = container.querySelector(`#${askForm.id('note')}`);
    if (field) field.focus();
  }

  async function recordAsk(event, path, ends) {
    event.preventDefault();
    const body = {
      introducer: ends.introducer.id, introduced: ends.introduced.id, recipient: ends.recipient,
      status: 'REQUESTED', ...askForm.body(['date', 'note']),
    };
    const created = await askForm.submit(() => send('POST', '/api/introductions', body));
    if (created) {
      state.askedPaths.set(pathKey(path), created);
      state.asking = null;
      askForm = null;
      state.message = {
        text: `Recorded: you asked ${ends.introducer.name} to introduce you to ${ends.introduced.name}.`,
        introduction: created,
      };
      update();
    }
  }

  // ------------------------------------------------------------------------------------------
  // rendering

  function personView(person, id) {
    const name = person ? person.name || person.id : id;
    const href = recordLink(person);
    return href ? html`<a class="name" href=${href}>${name}</a>` : html`<span class="name">${name}</span>`;
  }

  function personSub(person) {
    if (!person) return '';
    return [person.label === 'Contact' ? null : enumLabel(person.label), enumLabel(person.kind), countryLabel(person.country),
      (person.organisations || []).join(', ')].filter(Boolean).join(' · ');
  }

  function explanation(path, people) {
    const target = people.get(path.target);
    const targetName = target ? target.name : path.target;
    const first = path.hops[0];
    if (!path.firstAsk) {
      return `You already know ${targetName} directly (${tiePhrase(first).replace(' you', '')}).`;
    }
    const ask = people.get(path.firstAsk);
    const more = path.hops.length - 2;
    const onwards = more > 0 ? ` onwards through ${more} more introduction${more > 1 ? 's' : ''}` : '';
    const caution = path.atRiskIntermediaries.length
      ? ` Caution: ${path.atRiskIntermediaries.length} intermediary${path.atRiskIntermediaries.length > 1 ? ' people are' : ' is'} at risk.` : '';
    return `Ask ${ask ? ask.name : path.firstAsk} (${tiePhrase(first)}) to introduce you${onwards} to ${targetName}; `
      + `${path.hops.length} hop${path.hops.length > 1 ? 's' : ''}.${caution}`;
  }

  /** An intermediary's consent to introduce: the dates that make it current (withheld for a protected person). */
  function consentNote(consent) {
    if (!('given' in consent) && !('until' in consent) && pseudonymised()) {
      return html`<span class="consent" data-consent=${consent.id}>agreed to introduce (dates withheld)</span>`;
    }
    return html`<span class="consent" data-consent=${consent.id}>agreed to introduce: ${consentSpan(consent.given, consent.until)}</span>`;
  }

  function pathView(path, index, people) {
    const key = pathKey(path);
    const atRisk = new Set(path.atRiskIntermediaries || []);
    const ends = officer ? askEnds(path, people) : null;
    const recorded = state.askedPaths.get(key);
    const first = path.firstAsk ? people.get(path.firstAsk) : null;
    const consents = new Map((path.consents || []).map((c) => [c.id, c]));
    return html`<li class="referral-path" data-path=${key} data-first-ask=${path.firstAsk || ''}>
      <div class="path-head">
        <span class="path-rank">Path ${index + 1}</span>
        <span class="score" title="1 / (1 + cost of the ties)">score ${path.score.toFixed(2)}</span>
        ${first ? html`<span class="first-ask">First ask: <strong>${personView(first, path.firstAsk)}</strong></span>`
          : html`<span class="first-ask">You know them directly</span>`}
      </div>
      <ol class="hops" aria-label=${`Path ${index + 1}, ${path.hops.length} hops`}>
        ${path.nodes.map((id, i) => {
          const person = people.get(id);
          const hop = i > 0 ? path.hops[i - 1] : null;
          return html`<li class=${atRisk.has(id) ? 'hop at-risk' : 'hop'} data-id=${id}>
            ${i === 0 && id === user.contact ? html`<span class="name">You</span>` : personView(person, id)}
            ${atRisk.has(id) ? html` <span class="marked">at risk</span>` : nothing}
            ${consents.has(id) ? consentNote(consents.get(id)) : nothing}
            ${hop ? html`<span class="tie">${tieText(hop)}</span>` : nothing}
          </li>`;
        })}
      </ol>
      <p class="reason">${explanation(path, people)}</p>
      <div class="path-actions">
        <a class="show-on-map" href=${link('map', { path: path.nodes.join(',') })}>Show on map</a>
        ${ends && !recorded && state.asking !== key ? html`<button type="button" class="ask"
            @click=${() => openAsk(path)}>Ask for introduction</button>` : nothing}
        ${officer && !ends && path.firstAsk ? html`<span class="hint">The first ask or the next step is an organisation: ask a person there.</span>` : nothing}
        ${recorded ? html`<span class="asked">Introduction requested on ${formatDate(recorded.date) || 'today'} ·
          <a href="#/introductions">My introductions</a></span>` : nothing}
      </div>
      ${ends && state.asking === key && askForm ? html`<form class="ask-form record-form" @submit=${(e) => recordAsk(e, path, ends)} novalidate>
          <p class="wide">Ask <strong>${ends.introducer.name}</strong> to introduce you to <strong>${ends.introduced.name}</strong>.</p>
          <div class="wide">${askForm.textarea('note', { label: 'Note' })}</div>
          ${askForm.input('date', { type: 'date', label: 'Date' })}
          ${askForm.footer('Record the ask', { cancel: () => { state.asking = null; askForm = null; update(); } })}
        </form>` : nothing}
    </li>`;
  }

  /** Paths grouped by their target, in the server's ranking (best path first). */
  function groups(result) {
    const byTarget = new Map();
    for (const path of result.paths) {
      if (!byTarget.has(path.target)) byTarget.set(path.target, []);
      byTarget.get(path.target).push(path);
    }
    return [...byTarget.entries()];
  }

  function coverageView(coverage, people) {
    if (!coverage) return nothing;
    const total = coverage.targets;
    const pct = (n) => (total ? `${Math.round((100 * n) / total)}%` : '—');
    return html`<section class="card coverage-card" aria-labelledby="find-coverage-title">
      <h3 id="find-coverage-title">Coverage</h3>
      <div class="coverage-body"><div>
      <p>${total} ${total === 1 ? 'contact matches' : 'contacts match'} (you excluded).</p>
      <table class="list coverage-table" id="find-coverage">
        <thead><tr><th scope="col">Within</th><th scope="col">Reachable</th><th scope="col">Share</th></tr></thead>
        <tbody>${[1, 2, 3].map((h) => {
          const n = (coverage.reachableWithin || {})[h] ?? 0;
          return html`<tr data-hops=${h}><td>${h} hop${h > 1 ? 's' : ''}</td><td class="count">${n}</td><td>${pct(n)}</td></tr>`;
        })}</tbody>
      </table></div>
      ${coverage.firstAsks && coverage.firstAsks.length ? html`<div><h4>Best people to ask first</h4>
        <ol class="first-asks">${coverage.firstAsks.slice(0, 5).map((a) => html`<li>
          ${personView(people.get(a.id) || { id: a.id, name: a.name, label: 'Contact' }, a.id)}
          <span class="sub">can open ${a.targets} ${a.targets === 1 ? 'contact' : 'contacts'}${a.newTargets < a.targets ? `, ${a.newTargets} not opened by those above` : ''}</span></li>`)}</ol></div>` : nothing}
      </div>
    </section>`;
  }

  function resultsView() {
    const result = state.result;
    if (!result) return nothing;
    const people = new Map((result.people || []).map((p) => [p.id, p]));
    const list = groups(result);
    const allowed = state.asked.allowAtRisk === 'true';
    const atRiskIds = [...new Set(result.paths.flatMap((p) => p.atRiskIntermediaries || []))];
    return html`
      ${allowed ? html`<p class="marked at-risk-banner" id="find-at-risk" role="status">At-risk intermediaries allowed:
          ${atRiskIds.length ? html`${atRiskIds.length} ${atRiskIds.length === 1 ? 'person' : 'people'} at risk
            appear on these paths (${atRiskIds.map((id, i) => html`${i ? ', ' : ''}${personView(people.get(id), id)}`)}).
            Asking them may put them in danger.` : 'no path below goes through a person at risk.'}</p>` : nothing}
      ${coverageView(state.coverage, people)}
      <section aria-labelledby="find-results-title">
        <h3 id="find-results-title">${state.asked.to ? 'Paths' : 'Best new contacts'}
          <span class="sub">${state.asked.to ? `${result.paths.length} ${result.paths.length === 1 ? 'path' : 'paths'}`
            : `${list.length} ${list.length === 1 ? 'contact' : 'contacts'}`}</span></h3>
        ${list.length === 0 ? html`<p class="hint" id="find-none">No path found.</p>` : nothing}
        <ol class="referrals" id="find-results">
          ${list.map(([target, paths], rank) => {
            const person = people.get(target);
            return html`<li class="card referral" data-target=${target}>
              <div class="referral-head">
                <span class="rank">${rank + 1}</span>
                <div>
                  <strong>${personView(person, target)}</strong>
                  ${person && person.pseudonymised ? html`<span class="sub"> (pseudonym)</span>` : nothing}
                  <div class="sub">${personSub(person)}</div>
                </div>
                <span class="score best">best score ${paths[0].score.toFixed(2)}</span>
              </div>
              <ol class="paths">${paths.map((path, i) => pathView(path, i, people))}</ol>
            </li>`;
          })}
        </ol>
      </section>
      ${result.unreachableCount ? html`<section class="card" aria-labelledby="find-unreachable-title">
        <h3 id="find-unreachable-title">Out of reach <span class="sub">${result.unreachableCount}
          ${result.unreachable.length < result.unreachableCount ? `(the first ${result.unreachable.length} shown)` : ''}</span></h3>
        <table class="list" id="find-unreachable">
          <thead><tr><th scope="col">Contact</th><th scope="col">Why</th></tr></thead>
          <tbody>${result.unreachable.map((u) => html`<tr data-id=${u.id}>
            <td>${personView(people.get(u.id), u.id)}<div class="sub">${personSub(people.get(u.id))}</div></td>
            <td>${reasonText(u.reason)}</td></tr>`)}</tbody>
        </table>
      </section>` : nothing}`;
  }

  function startView() {
    if (user.contact && !state.start) {
      return html`<p class="sub" id="find-from">Starting from you.
        <button type="button" class="link" @click=${() => { state.start = { id: null, name: null, choosing: true }; update(); }}>Start from someone else</button></p>`;
    }
    return html`<div class="start">
      ${!user.contact ? html`<p class="attention" id="find-not-linked">You are not linked to a contact, so searches cannot start from you.
        ${officer ? html`<a href="#/me">Link yourself in Me</a>, or pick` : 'Pick'} a person to start from.</p>` : nothing}
      ${state.start && state.start.id ? html`<p id="find-from">Starting from <strong>${state.start.name}</strong>
          ${state.start.match ? html`<span class="sub">${describeMatch(state.start.match)}</span>` : nothing}
          <button type="button" class="link" @click=${() => { state.start = user.contact ? null : { id: null }; update(); }}>
            ${user.contact ? 'Start from me' : 'Change'}</button></p>`
        : startPicker.view()}
    </div>`;
  }

  function formView() {
    const countries = vocabulary.countries
      .filter((c) => !form.values.region || c.region === form.values.region)
      .map((c) => ({ value: c.code, label: c.name }));
    return html`<form id="find-form" class="card find-form" @submit=${submit} novalidate>
      <div class="tabs" role="radiogroup" aria-label="Find introducers to">
        <label class=${state.mode === 'person' ? 'tab current' : 'tab'}><input type="radio" name="find-mode" value="person"
          .checked=${state.mode === 'person'} @change=${() => setMode('person')}> To a person</label>
        <label class=${state.mode === 'target' ? 'tab current' : 'tab'}><input type="radio" name="find-mode" value="target"
          .checked=${state.mode === 'target'} @change=${() => setMode('target')}> To new contacts matching</label>
      </div>
      ${startView()}
      ${state.mode === 'person' ? html`<div class="to-person">
          ${state.to ? html`<p id="find-to">To <strong>${state.to.name}</strong>
              ${state.to.match ? html`<span class="sub">${describeMatch(state.to.match)}</span>` : nothing}
              <button type="button" class="link" @click=${() => { state.to = null; update(); }}>Change</button></p>`
            : toPicker.view()}
        </div>`
        : html`<div class="record-form target-fields">
          ${form.select('region', vocabulary.enumerations.region, { empty: 'Any region' })}
          ${form.select('country', countries, { empty: 'Any country' })}
          ${form.select('theme', vocabulary.themes, { empty: 'Any theme' })}
          ${form.select('kind', vocabulary.enumerations.contactKind, { label: 'Contact kind', empty: 'Any kind' })}
          ${form.select('orgType', vocabulary.enumerations.organisationType, { label: 'Organisation type (finds organisations)', empty: '—' })}
          ${form.select('limit', [10, 20, 50, 100].map((n) => ({ value: n, label: String(n) })), { label: 'How many new contacts', empty: '20' })}
        </div>`}
      <div class="options">
        ${form.select('maxHops', HOP_CHOICES.map((n) => ({ value: n, label: `${n}` })), { label: 'At most hops', empty: '4' })}
        ${form.select('k', PATH_CHOICES.map((n) => ({ value: n, label: `${n}` })), { label: state.mode === 'person' ? 'How many paths' : 'Paths per contact', empty: '3' })}
        ${form.select('purpose', STATED_PURPOSES, { label: 'For the purpose of', empty: 'Not stated' })}
        ${officer ? html`<div class="field checkbox">
            <input id="find-allow-at-risk" type="checkbox" .checked=${state.allowAtRisk}
              @change=${(e) => { state.allowAtRisk = e.target.checked; update(); }}>
            <label for="find-allow-at-risk">Allow at-risk intermediaries</label>
          </div>` : nothing}
      </div>
      ${state.allowAtRisk ? html`<p class="hint">People at elevated or high risk may then appear on paths; they are marked.</p>` : nothing}
      <div class="form-footer">
        <button type="submit" class="primary" id="find-submit" ?disabled=${state.running}>${state.running ? 'Searching…' : 'Find introducers'}</button>
      </div>
    </form>`;
  }

  function view() {
    const message = state.message;
    return html`<section class="view find-view" aria-labelledby="find-title">
      <h2 id="find-title">Find introducers</h2>
      <p class="hint">Who can introduce you, safely: people whose consent to introduce others is current today, never
        people at risk unless an officer allows it; with a purpose, only people who agreed to it are reached. ${pseudonymised() ? 'Protected people are shown by pseudonym.' : ''}</p>
      ${formView()}
      ${message && message.introduction ? html`<p class="notice" role="status" id="find-asked">${message.text}
          <a href="#/introductions">See My introductions</a></p>` : notice(message)}
      <div aria-live="polite" aria-busy=${state.running ? 'true' : 'false'}>${resultsView()}</div>
    </section>`;
  }

  // A select gives text: the numbers the API takes back.
  const set = form.set.bind(form);
  form.set = (name, value) => set(name, ['k', 'maxHops', 'limit'].includes(name) && value !== null ? Number(value) : value);

  update();
  const initial = query();
  if (ready(initial)) run(initial);
  return { dirty: () => Boolean(askForm && askForm.dirty()) };
}
