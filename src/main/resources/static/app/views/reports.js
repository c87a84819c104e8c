// Reports, for every role (the only view of REPORTS): the coverage report (GET
// /api/reports/coverage: each region's share of the network against its target, and the gaps) as a
// table and a bar chart, and downloads of the coverage and centrality reports as CSV.
import { LatestRead, getFile, get } from '../api.js';
import { download } from '../dom.js';
import { html, nothing, render, svg } from '../html.js';
import { enumLabel, formatDate } from '../labels.js';
import { link, replaceRoute } from '../router.js';
import { failure, notice } from '../ui.js';

const METRICS = [
  { value: 'degree', label: 'Degree (most ties)' },
  { value: 'betweenness', label: 'Betweenness (brokers)' },
  { value: 'closeness', label: 'Closeness' },
  { value: 'harmonic', label: 'Harmonic closeness' },
  { value: 'pagerank', label: 'PageRank' },
  { value: 'eigenvector', label: 'Eigenvector' },
  { value: 'coreness', label: 'Coreness' },
  { value: 'clustering', label: 'Clustering' },
];

const percent = (fraction) => (typeof fraction === 'number' && Number.isFinite(fraction) ? `${(fraction * 100).toFixed(1)}%` : '–');
const points = (fraction) => (typeof fraction === 'number'
  ? `${fraction > 0 ? '+' : ''}${(fraction * 100).toFixed(Math.abs(fraction) < 0.001 ? 2 : 1)} points` : '–');
const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/** Share (bar) against target (marker) per region; colours: #1f5fa8 bar, #b3261e target, both above 3:1 on white. */
function chart(rows) {
  const top = Math.max(0.05, ...rows.flatMap((r) => [r.share || 0, r.targetShare || 0]));
  const labelWidth = 330;
  const barWidth = 520;
  const rowHeight = 34;
  const height = rows.length * rowHeight + 30;
  const x = (v) => labelWidth + (v / top) * barWidth;
  return html`<figure class="coverage-figure">
    <svg id="reports-chart" viewBox=${`0 0 ${labelWidth + barWidth + 90} ${height}`} role="img"
      aria-labelledby="reports-chart-caption" preserveAspectRatio="xMinYMin meet">
      ${rows.map((r, i) => {
    const y = i * rowHeight + 6;
    const below = r.share < r.targetShare;
    return svg`<g class=${below ? 'below' : 'above'} data-region=${r.region}>
          <text x="0" y=${y + 17} class="chart-label">${enumLabel(r.region)}</text>
          <rect x=${labelWidth} y=${y + 4} width=${Math.max(1, x(r.share || 0) - labelWidth)} height="18" class="chart-share"></rect>
          <line x1=${x(r.targetShare || 0)} x2=${x(r.targetShare || 0)} y1=${y} y2=${y + 26} class="chart-target"></line>
          <text x=${Math.max(x(r.share || 0), x(r.targetShare || 0)) + 6} y=${y + 17} class="chart-value">${percent(r.share)}</text>
        </g>`;
  })}
      <g class="chart-legend" transform=${`translate(${labelWidth}, ${rows.length * rowHeight + 14})`}>
        <g class="above"><rect x="0" y="-9" width="14" height="10" class="chart-share"></rect></g><text x="20" y="0" class="chart-note">share, at or above target</text>
        <g class="below"><rect x="190" y="-9" width="14" height="10" class="chart-share"></rect></g><text x="210" y="0" class="chart-note">share, below target</text>
        <line x1="360" x2="360" y1="-11" y2="3" class="chart-target"></line><text x="368" y="0" class="chart-note">target share</text>
      </g>
    </svg>
    <figcaption id="reports-chart-caption" class="sub">Each region’s share of the contacts and organisations with a region, against its target share.</figcaption>
  </figure>`;
}

export default async function show(container, params) {
  const state = {
    asOf: params.asOf || '', metric: params.metric || 'degree', top: 100, report: null, error: null, message: null, busy: false,
  };
  let alive = true;
  const update = () => { if (alive) render(view(), container); };

  function remember() {
    if (alive) replaceRoute(link('reports', { asOf: state.asOf, metric: state.metric === 'degree' ? '' : state.metric }));
  }

  const reads = new LatestRead();

  async function load() {
    const current = reads.begin();
    remember();
    state.error = null;
    try {
      const report = await get('/api/reports/coverage', { asOf: state.asOf });
      if (!current()) return;
      state.report = report;
    } catch (e) {
      if (!current()) return;
      state.report = null;
      state.error = e;
    }
    update();
  }

  async function save(path, params, fallbackName) {
    state.busy = true;
    state.message = null;
    update();
    try {
      const { blob, filename } = await getFile(path, { ...params, format: 'csv' });
      download(blob, filename || fallbackName);
      state.message = { text: `Downloaded ${filename || fallbackName}.` };
    } catch (e) {
      state.message = failure('Not downloaded', e);
    } finally {
      state.busy = false;
      update();
    }
  }

  function regionTable(rows) {
    return html`<table class="list" id="reports-coverage">
      <caption class="sub">Contacts and organisations by region</caption>
      <thead><tr><th scope="col">Region</th><th scope="col">Contacts</th><th scope="col">Organisations</th><th scope="col">Share</th>
        <th scope="col">Target</th><th scope="col">Gap</th><th scope="col">Needed to reach the target</th></tr></thead>
      <tbody>${rows.map((r) => html`<tr data-region=${r.region} class=${r.gap < 0 ? 'below-target' : ''}>
        <th scope="row">${enumLabel(r.region)}</th><td>${r.contacts}</td><td>${r.organisations}</td>
        <td class="share">${percent(r.share)}</td><td>${percent(r.targetShare)}</td>
        <td class=${r.gap < 0 ? 'gap negative' : 'gap'}>${points(r.gap)}</td>
        <td>${r.neededToReachTarget > 0 ? r.neededToReachTarget : '—'}</td></tr>`)}</tbody>
    </table>`;
  }

  function gaps(g) {
    if (!g) return nothing;
    const regions = (list) => (list || []).map(enumLabel).join(', ');
    return html`<section class="card" aria-labelledby="reports-gaps-title">
      <h3 id="reports-gaps-title">Gaps</h3>
      <h4>Mandates with fewer than ${g.minPartners} partners (${g.mandatesBelowMinPartners.length})</h4>
      ${g.mandatesBelowMinPartners.length ? html`<ul class="plain gap-list">${g.mandatesBelowMinPartners.map((m) => html`<li>
        <span class="name">${m.title || m.id}</span> <span class="sub">· ${m.partners} ${m.partners === 1 ? 'partner' : 'partners'}</span></li>`)}</ul>`
    : html`<p class="hint">None.</p>`}
      <h4>Mandates without a partner in a region that matters to them (${g.mandatesWithoutPartnerInRegion.length})</h4>
      ${g.mandatesWithoutPartnerInRegion.length ? html`<ul class="plain gap-list">${g.mandatesWithoutPartnerInRegion.map((m) => html`<li>
        <span class="name">${m.title || m.id}</span> <span class="sub">· ${regions(m.missingRegions)}</span></li>`)}</ul>`
    : html`<p class="hint">None.</p>`}
      <h4>Themes without an organisation in a region (${g.themesWithoutOrganisationInRegion.length})</h4>
      ${g.themesWithoutOrganisationInRegion.length ? html`<ul class="plain gap-list">${g.themesWithoutOrganisationInRegion.map((t) => html`<li>
        <span class="name">${enumLabel(t.theme)}</span> <span class="sub">· ${regions(t.missingRegions)}</span></li>`)}</ul>`
    : html`<p class="hint">None.</p>`}
    </section>`;
  }

  function coverage() {
    if (state.error) return html`<p class="notice error" role="alert">The coverage report could not be read: ${state.error.message}</p>`;
    const r = state.report;
    if (!r) return html`<p class="hint">Loading…</p>`;
    const t = r.totals || {};
    return html`<p id="reports-totals">${count(t.contacts, 'contact', 'contacts')} and ${count(t.organisations, 'organisation', 'organisations')}${t.withoutRegion
      ? ` (${t.withoutRegion} without a region, left out of the shares)` : ''}; ${count(t.mandates, 'mandate', 'mandates')} with ${count(t.partnerships, 'partnership', 'partnerships')}${r.asOf
      ? html`, as on record on <strong>${formatDate(r.asOf)}</strong>` : ''}.</p>
      <div class="reports-coverage">
        ${chart(r.byRegion)}
        ${regionTable(r.byRegion)}
      </div>
      ${gaps(r.gaps)}`;
  }

  function view() {
    return html`<section class="view reports" aria-labelledby="reports-title">
      <h2 id="reports-title">Reports</h2>
      <section class="card" aria-labelledby="reports-coverage-title">
        <h3 id="reports-coverage-title">Coverage: share against target per region</h3>
        <div class="reports-controls no-print">
          <div class="field">
            <label for="reports-asof">As on record on</label>
            <input id="reports-asof" type="date" .value=${state.asOf} min="1900-01-01" max="2200-12-31"
              @change=${(e) => { state.asOf = e.target.value; load(); }}>
            <p class="hint">Leave empty for today; an earlier date shows progress since then.</p>
          </div>
          <button type="button" id="reports-coverage-csv" ?disabled=${state.busy}
            @click=${() => save('/api/reports/coverage', { asOf: state.asOf }, 'coverage.csv')}>Download coverage CSV</button>
        </div>
        ${coverage()}
      </section>
      <section class="card no-print" aria-labelledby="reports-centrality-title">
        <h3 id="reports-centrality-title">Centrality report</h3>
        <p>Who is most central in the network, by a measure you choose, as a CSV file for a spreadsheet.</p>
        <div class="reports-controls">
          <div class="field">
            <label for="reports-metric">Measure</label>
            <select id="reports-metric" @change=${(e) => { state.metric = e.target.value; remember(); }}>
              ${METRICS.map((m) => html`<option value=${m.value} ?selected=${m.value === state.metric}>${m.label}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="reports-top">How many</label>
            <input id="reports-top" type="number" min="1" max="100000" .value=${String(state.top)}
              @input=${(e) => { state.top = Number(e.target.value) || 100; }}>
          </div>
          <button type="button" id="reports-centrality-csv" ?disabled=${state.busy}
            @click=${() => save('/api/reports/centrality', { metric: state.metric, top: state.top }, `centrality-${state.metric}.csv`)}>Download centrality CSV</button>
        </div>
      </section>
      ${notice(state.message)}
    </section>`;
  }

  update();
  // Not awaited: the router can leave this view while the report is still being read.
  load();
  return { leave: () => { alive = false; } };
}
