// Import a spreadsheet: CSV files (one per kind: contacts.csv, ties.csv, … as the README's "Import
// formats" says) are first checked with a dry run (POST /api/import?dryRun=true: nothing is
// written) that lists every refused row with its file, row and reason, then committed (the same
// files without dryRun). A file whose name does not say its kind is sent under the kind she picks.
import { ApiError, upload } from '../api.js';
import { html, nothing, render } from '../html.js';
import { enumLabel } from '../labels.js';
import { isAdmin } from '../session.js';
import { failure, notice } from '../ui.js';

const KINDS = [
  { file: 'contacts.csv', section: 'contacts', label: 'Contacts' },
  { file: 'organisations.csv', section: 'organisations', label: 'Organisations' },
  { file: 'mandates.csv', section: 'mandates', label: 'Mandates' },
  { file: 'networks.csv', section: 'networks', label: 'Networks' },
  { file: 'communications.csv', section: 'communications', label: 'Communications' },
  { file: 'country-visits.csv', section: 'countryVisits', label: 'Country visits' },
  { file: 'trainings.csv', section: 'trainings', label: 'Trainings' },
  { file: 'ties.csv', section: 'ties', label: 'Ties (also who took part in an activity)' },
  { file: 'introductions.csv', section: 'introductions', label: 'Introductions' },
];

const SECTION_LABEL = Object.fromEntries(KINDS.map((k) => [k.section, k.label.replace(/ \(.*\)$/, '')]));

/** The import file a name stands for, as the server reads it ("Country_Visits.csv" → country-visits.csv), or ''. */
function guessKind(name) {
  const base = String(name).toLowerCase().replace(/^.*[\\/]/, '').replace(/\.csv$/, '').replace(/[-_ ]/g, '');
  const kind = KINDS.find((k) => k.file.replace(/\.csv$/, '').replace(/-/g, '') === base);
  return kind ? kind.file : '';
}

export default async function show(container) {
  const state = {
    files: [], // {file: File, kind: 'contacts.csv'}
    preview: null, // the dry run's report, for exactly these files
    result: null, // the committed import's report
    busy: false,
    message: null,
    problems: [], // a 400's {field, reason}: the field names the file
  };
  let alive = true;
  let serial = 0;
  const update = () => { if (alive) render(view(), container); };

  function changed() {
    state.preview = null;
    state.result = null;
    state.problems = [];
    state.message = null;
  }

  function addFiles(event) {
    for (const file of event.target.files) {
      state.files.push({ key: ++serial, file, kind: guessKind(file.name) });
    }
    event.target.value = '';
    changed();
    update();
  }

  function formData() {
    const data = new FormData();
    for (const f of state.files) {
      // The server knows a file's kind by its name: send it under the kind she chose.
      data.append('files', f.file, f.kind);
    }
    return data;
  }

  function problem(e) {
    if (e instanceof ApiError && e.status === 403) {
      return { text: 'Your role may not import these files (an officer may import who took part in activities; everything else needs an administrator).', error: true };
    }
    return failure('Not imported', e);
  }

  async function run(dryRun) {
    const kinds = state.files.map((f) => f.kind);
    if (kinds.some((k) => !k)) {
      state.message = { text: 'Say what each file holds first.', error: true };
      update();
      return;
    }
    if (new Set(kinds).size !== kinds.length) {
      state.message = { text: 'Two files hold the same kind: put their rows in one file, or import them one after the other.', error: true };
      update();
      return;
    }
    state.busy = true;
    state.message = null;
    state.problems = [];
    update();
    try {
      const report = await upload(`/api/import${dryRun ? '?dryRun=true' : ''}`, formData());
      if (dryRun) {
        state.preview = report;
      } else {
        state.result = report;
        state.preview = null;
        state.files = [];
      }
    } catch (e) {
      state.message = problem(e);
      state.problems = e instanceof ApiError && e.problem && Array.isArray(e.problem.errors) ? e.problem.errors : [];
    } finally {
      state.busy = false;
      update();
    }
  }

  function fileRow(f) {
    const id = `import-kind-${f.key}`;
    const refused = state.problems.filter((p) => p.field === f.kind || p.field === f.file.name);
    return html`<li class="import-file" data-file=${f.file.name}>
      <span class="name">${f.file.name}</span> <span class="sub">${(f.file.size / 1024).toFixed(1)} KB</span>
      <label for=${id}>holds</label>
      <select id=${id} aria-invalid=${f.kind ? 'false' : 'true'}
        @change=${(e) => { f.kind = e.target.value; changed(); update(); }}>
        <option value="" ?selected=${!f.kind}>Choose what it holds…</option>
        ${KINDS.map((k) => html`<option value=${k.file} ?selected=${k.file === f.kind}>${k.label}</option>`)}
      </select>
      <button type="button" class="link" @click=${() => { state.files = state.files.filter((x) => x !== f); changed(); update(); }}
        aria-label=${`Remove ${f.file.name}`}>Remove</button>
      ${refused.map((p) => html`<p class="field-error" role="alert">${p.reason}</p>`)}
    </li>`;
  }

  function sectionsTable(report, committed) {
    const sections = Object.entries(report.sections || {});
    if (!sections.length) return html`<p class="hint">No row read.</p>`;
    return html`<table class="list import-sections" id=${committed ? 'import-result-sections' : 'import-preview-sections'}>
      <thead><tr><th scope="col">Kind</th><th scope="col">Rows read</th><th scope="col">Accepted</th><th scope="col">Rejected</th>
        ${committed ? html`<th scope="col">New</th><th scope="col">Changed</th>` : nothing}</tr></thead>
      <tbody>${sections.map(([name, c]) => html`<tr data-section=${name}>
        <th scope="row">${SECTION_LABEL[name] || enumLabel(name)}</th><td>${c.received}</td><td class="accepted">${c.accepted}</td>
        <td class=${c.rejected ? 'rejected negative' : 'rejected'}>${c.rejected}</td>
        ${committed ? html`<td class="created">${c.created}</td><td class="updated">${c.updated}</td>` : nothing}</tr>`)}</tbody>
    </table>`;
  }

  function rejections(report) {
    if (!report.rejectedTotal) return html`<p class="notice" role="status">Every row is accepted.</p>`;
    const reasons = Object.entries(report.rejectedByReason || {});
    return html`<h4>Rejected rows (${report.rejectedTotal})</h4>
      ${report.rejectedTotal > report.rejected.length ? html`<p class="hint">The first ${report.rejected.length} are listed one by one;
        every rejected row is counted by reason below.</p>` : nothing}
      <table class="list" id="import-rejected">
        <thead><tr><th scope="col">File</th><th scope="col">Row</th><th scope="col">Id</th><th scope="col">Reason</th></tr></thead>
        <tbody>${report.rejected.map((r) => html`<tr data-file=${r.file} data-row=${r.row}>
          <td>${r.file}</td><td>${r.row}</td><td>${r.id || '—'}</td><td class="reason">${r.reason}</td></tr>`)}</tbody>
      </table>
      ${reasons.length ? html`<table class="list" id="import-reasons">
          <caption class="sub">Rejected rows by reason</caption>
          <thead><tr><th scope="col">Reason</th><th scope="col">Rows</th></tr></thead>
          <tbody>${reasons.map(([reason, count]) => html`<tr><td>${reason}</td><td>${count}</td></tr>`)}</tbody>
        </table>` : nothing}`;
  }

  function preview() {
    const p = state.preview;
    if (!p) return nothing;
    const accepted = Object.values(p.sections || {}).reduce((n, c) => n + c.accepted, 0);
    return html`<section class="card" id="import-preview" aria-labelledby="import-preview-title">
      <h3 id="import-preview-title">Preview: nothing has been written yet</h3>
      ${sectionsTable(p, false)}
      ${rejections(p)}
      <div class="form-footer">
        <button type="button" class="primary" id="import-commit" ?disabled=${state.busy || accepted === 0} @click=${() => run(false)}>
          ${state.busy ? 'Importing…' : `Import the ${accepted} accepted ${accepted === 1 ? 'row' : 'rows'}`}</button>
        ${p.rejectedTotal ? html`<span class="hint">The rejected rows will not be written; correct them and import those again.</span>` : nothing}
      </div>
    </section>`;
  }

  function result() {
    const r = state.result;
    if (!r) return nothing;
    const created = Object.values(r.sections || {}).reduce((n, c) => n + c.created, 0);
    const updated = Object.values(r.sections || {}).reduce((n, c) => n + c.updated, 0);
    return html`<section class="card" id="import-result" aria-labelledby="import-result-title">
      <h3 id="import-result-title">Imported</h3>
      <p class="notice" role="status" id="import-result-text">${created} new, ${updated} changed${r.rejectedTotal
    ? `, ${r.rejectedTotal} rejected (not written)` : ''}.</p>
      ${sectionsTable(r, true)}
      ${r.rejectedTotal ? rejections(r) : nothing}
    </section>`;
  }

  function view() {
    return html`<section class="view import" aria-labelledby="import-title">
      <h2 id="import-title">Import a spreadsheet</h2>
      <p>Save each sheet as CSV, one file per kind of record (<span class="sub">contacts.csv, organisations.csv, ties.csv, …</span>).
        The first row names the columns (<span class="sub">id, name, kind, country, themes…</span>); lists such as themes separate
        their values with <kbd>;</kbd>. A row with the id of a stored record replaces it.</p>
      ${isAdmin() ? nothing : html`<p class="hint">As an officer you may import who took part in activities (ties.csv with
        Source of, Met during and Attended rows); other files need an administrator.</p>`}
      <div class="card">
        <div class="field">
          <label for="import-files">CSV files</label>
          <input id="import-files" type="file" multiple accept=".csv,text/csv" @change=${addFiles}>
        </div>
        ${state.files.length ? html`<ul class="plain import-files" id="import-file-list">${state.files.map(fileRow)}</ul>` : nothing}
        <div class="form-footer">
          <button type="button" class="primary" id="import-check" ?disabled=${state.busy || !state.files.length}
            @click=${() => run(true)}>${state.busy && !state.preview ? 'Checking…' : 'Check (nothing is written)'}</button>
        </div>
      </div>
      ${notice(state.message)}
      ${preview()}
      ${result()}
    </section>`;
  }

  update();
  return {
    dirty: () => state.files.length > 0 && !state.result,
    leave: () => { alive = false; },
  };
}
