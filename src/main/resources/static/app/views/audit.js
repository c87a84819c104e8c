// "Audit" (administrators): verify the audit log's hash chain (GET /api/audit/verify) and read the
// latest entries (GET /api/audit). Verification walks the whole chain on the server; the page shows
// either the head to anchor outside civnet or the first broken link.
import { get } from '../api.js';
import { html, nothing, render } from '../html.js';
import { enumLabel, formatDate } from '../labels.js';
import { failure, notice } from '../ui.js';

const PROBLEMS = {
  ALTERED_CONTENT: 'An entry was altered',
  MISSING_ENTRY: 'Entries are missing',
  WRONG_PREVIOUS_HASH: 'An entry does not follow the one before it',
  OUTSIDE_CHAIN: 'An entry was added outside the chain',
  UNACCOUNTED_TOMBSTONE: 'An entry was erased without an erasure',
  HEAD_MISMATCH: 'The chain does not end where it should',
};

const LATEST = 20;

export default async function show(container) {
  const state = { result: null, running: false, message: null, entries: [] };
  const update = () => render(view(), container);

  async function verify() {
    state.running = true;
    state.message = null;
    update();
    try {
      state.result = await get('/api/audit/verify');
      state.entries = await get('/api/audit', { size: LATEST });
    } catch (e) {
      state.message = failure('Not verified', e);
    }
    state.running = false;
    update();
    container.querySelector('#audit-result')?.focus();
  }

  function resultView(r) {
    if (!r) return nothing;
    const erased = r.erased ? html`, ${r.erased} of them erased` : nothing;
    const checked = r.valid
      ? html`<p class="sub">Checked ${formatDate(r.checkedAt)}: ${r.entries} entries${erased}.</p>`
      : html`<p class="sub">Checked ${formatDate(r.checkedAt)}: ${r.entries} entries hold before the break${erased}.</p>`;
    if (r.valid) {
      return html`<section id="audit-result" class="card audit-ok" tabindex="-1" data-valid="true">
        <h3>The audit log is intact</h3>
        ${checked}
        <dl class="record">
          <dt>Last entry</dt><dd id="audit-head-seq">${r.headSeq}</dd>
          <dt>Its hash</dt><dd><code id="audit-head-hash" class="hash">${r.headHash}</code></dd>
        </dl>
        <p class="hint">Keep this hash somewhere civnet cannot write (a ticket, a signed message, the backup log):
          a later verification that does not reach it means the log was rewritten.</p>
      </section>`;
    }
    const b = r.broken;
    return html`<section id="audit-result" class="card audit-broken" tabindex="-1" data-valid="false" role="alert">
      <h3>The audit log is broken</h3>
      ${checked}
      <dl class="record">
        <dt>What broke</dt><dd id="audit-problem" data-problem=${b.problem}>${PROBLEMS[b.problem] ?? enumLabel(b.problem)}</dd>
        ${b.seq != null ? html`<dt>At entry</dt><dd id="audit-broken-seq">${b.seq}</dd>` : nothing}
        ${b.id ? html`<dt>Entry id</dt><dd><code>${b.id}</code></dd>` : nothing}
        <dt>Detail</dt><dd class="audit-detail">${b.detail}</dd>
      </dl>
      <p class="hint">Compare with the latest backup and the hashes kept outside civnet to see what was changed.</p>
    </section>`;
  }

  function entriesView() {
    if (!state.entries.length) return html`<p class="sub">No entries yet.</p>`;
    return html`<table class="list audit-entries">
      <caption>The latest ${state.entries.length} entries</caption>
      <thead><tr><th scope="col">Entry</th><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">About</th></tr></thead>
      <tbody>${state.entries.map((e) => html`<tr>
        <td>${e.seq ?? '—'}</td><td>${formatDate(e.at)}</td><td>${e.user ?? '—'}</td>
        <td>${enumLabel(e.action)}</td><td class="about">${e.target ?? ''}${e.erasedAt ? html` <span class="withheld">(erased)</span>` : nothing}</td>
      </tr>`)}</tbody>
    </table>`;
  }

  function view() {
    return html`<div class="view audit-view">
      <h2>Audit</h2>
      <p>Every entry of the audit log carries the hash of the entry before it. Verifying walks the whole chain and
        names the first entry that was altered, removed or added outside it.</p>
      <p><button type="button" class="primary" id="audit-verify" ?disabled=${state.running} @click=${verify}>
        ${state.running ? 'Verifying…' : 'Verify the audit log'}</button></p>
      ${notice(state.message)}
      ${resultView(state.result)}
      <section class="card" aria-label="Latest entries">${entriesView()}</section>
    </div>`;
  }

  update();
  try {
    state.entries = await get('/api/audit', { size: LATEST });
  } catch (e) {
    state.message = failure('The entries could not be read', e);
  }
  update();
  return {};
}
