// Coverage against the regional targets (GET /api/reports/coverage): each region's share of the
// contacts and organisations now, on an earlier date to compare with (?asOf=), and its target;
// the gaps. A region's row highlights its people and organisations on the map, a mandate its node.
import { get } from '../api.js';
import { html, nothing, svg } from '../html.js';
import { enumLabel, formatDate } from '../labels.js';
import { nodesWhere } from '../map.js';
import { percent, table } from './table.js';
import { loadState, problem } from './common.js';

const now = loadState();
let then = loadState();
let asOf = '';

const points = (fraction) => (typeof fraction === 'number' && Number.isFinite(fraction)
  ? `${fraction > 0 ? '+' : ''}${(fraction * 100).toFixed(Math.abs(fraction) < 0.001 ? 2 : 1)} points` : '–');

function loadThen() {
  if (!asOf) return Promise.resolve(null);
  return then.load(() => get('/api/reports/coverage', { asOf }));
}

function setAsOf(value, ctx) {
  asOf = value;
  then = loadState();
  ctx.writeUrl();
  ctx.update();
  loadThen().then(ctx.update, ctx.update);
}

/** Bars: share now (blue), share on the compared date (grey, below it), target (red line). */
function chart(rows, earlier) {
  const byRegion = new Map((earlier ? earlier.byRegion : []).map((r) => [r.region, r]));
  const top = Math.max(0.05, ...rows.flatMap((r) => [r.share || 0, r.targetShare || 0, (byRegion.get(r.region) || {}).share || 0]));
  const labelWidth = 250;
  const barWidth = 300;
  const rowHeight = earlier ? 40 : 30;
  const height = rows.length * rowHeight + 28;
  const x = (v) => labelWidth + (v / top) * barWidth;
  return html`<figure class="analysis-chart">
    <svg id="analysis-coverage-chart" viewBox=${`0 0 ${labelWidth + barWidth + 70} ${height}`} role="img"
      aria-labelledby="analysis-coverage-caption" preserveAspectRatio="xMinYMin meet">
      ${rows.map((r, i) => {
    const y = i * rowHeight + 4;
    const old = byRegion.get(r.region);
    const below = r.share < r.targetShare;
    return svg`<g data-region=${r.region} class=${below ? 'below' : 'above'}>
        <text x="0" y=${y + 14} class="chart-label">${enumLabel(r.region)}</text>
        <rect x=${labelWidth} y=${y + 3} width=${Math.max(1, x(r.share || 0) - labelWidth)} height="14" class="bar-now"></rect>
        ${old ? svg`<rect x=${labelWidth} y=${y + 20} width=${Math.max(1, x(old.share || 0) - labelWidth)} height="9" class="bar-then"></rect>` : nothing}
        <line x1=${x(r.targetShare || 0)} x2=${x(r.targetShare || 0)} y1=${y} y2=${y + (old ? 32 : 21)} class="target"></line>
        <text x=${Math.max(x(r.share || 0), x(r.targetShare || 0)) + 5} y=${y + 14} class="chart-value">${percent(r.share)}</text>
      </g>`;
  })}
      <g transform=${`translate(${labelWidth}, ${rows.length * rowHeight + 18})`} class="chart-legend">
        <rect x="0" y="-9" width="12" height="10" class="bar-now"></rect><text x="16" y="0" class="chart-note">now</text>
        ${earlier ? svg`<rect x="52" y="-8" width="12" height="8" class="bar-then"></rect><text x="68" y="0" class="chart-note">${formatDate(earlier.asOf)}</text>` : nothing}
        <line x1="170" x2="170" y1="-11" y2="2" class="target"></line><text x="176" y="0" class="chart-note">target</text>
      </g>
    </svg>
    <figcaption id="analysis-coverage-caption" class="sub">Share of the contacts and organisations with a region, against the target share${earlier ? `, now and on ${formatDate(earlier.asOf)}` : ''}.</figcaption>
  </figure>`;
}

function regionRows(report, earlier) {
  const byRegion = new Map((earlier ? earlier.byRegion : []).map((r) => [r.region, r]));
  return report.byRegion.map((r) => ({ ...r, then: byRegion.get(r.region) || null }));
}

function columns(earlier) {
  return [
    { key: 'region', label: 'Region', cell: (r) => enumLabel(r.region) },
    { key: 'share', label: 'Share', numeric: true, cell: (r) => percent(r.share) },
    { key: 'target', label: 'Target', numeric: true, cell: (r) => percent(r.targetShare) },
    { key: 'gap', label: 'Gap', numeric: true, cell: (r) => html`<span class=${r.gap < 0 ? 'at-risk' : ''}>${points(r.gap)}</span>` },
    { key: 'needed', label: 'Needed to reach the target', numeric: true, cell: (r) => (r.neededToReachTarget > 0 ? r.neededToReachTarget : '—') },
    ...(earlier ? [
      { key: 'then', label: `Share on ${formatDate(earlier.asOf)}`, numeric: true, cell: (r) => (r.then ? percent(r.then.share) : '–') },
      { key: 'change', label: 'Change', numeric: true, cell: (r) => (r.then ? points(r.share - r.then.share) : '–') },
    ] : []),
  ];
}

function gaps(ctx, g) {
  if (!g) return nothing;
  const showMandate = (m) => ctx.show(`mandate:${m.id}`, [m.id], { centre: true, select: m.id });
  const mandateColumns = (extra) => [
    { key: 'title', label: 'Mandate', cell: (m) => m.title || m.id },
    extra,
  ];
  return html`<section class="analysis-section" aria-labelledby="analysis-gaps-title">
    <h3 id="analysis-gaps-title">Gaps</h3>
    <div class="analysis-columns">
      <div>${table({
    id: 'analysis-gap-partners', caption: `Mandates with fewer than ${g.minPartners} partners`, ctx,
    columns: mandateColumns({ key: 'partners', label: 'Partners', numeric: true, cell: (m) => m.partners }),
    rows: g.mandatesBelowMinPartners || [], rowKey: (m) => `mandate:${m.id}`, rowLabel: (m) => `${m.title}: ${m.partners} partners`,
    activate: showMandate,
  })}</div>
      <div>${table({
    id: 'analysis-gap-regions', caption: 'Mandates without a partner in a region that matters to them', ctx,
    columns: mandateColumns({ key: 'missing', label: 'Missing', cell: (m) => (m.missingRegions || []).map(enumLabel).join(', ') }),
    rows: g.mandatesWithoutPartnerInRegion || [], rowKey: (m) => `mandate:${m.id}`, rowLabel: (m) => m.title,
    activate: showMandate,
  })}</div>
    </div>
    <h4>Themes without an organisation in a region (${(g.themesWithoutOrganisationInRegion || []).length})</h4>
    <p class="themes-gap">${(g.themesWithoutOrganisationInRegion || []).map((t) => `${enumLabel(t.theme)}: ${(t.missingRegions || []).map(enumLabel).join(', ')}`).join('; ') || 'None.'}</p>
  </section>`;
}

export default {
  id: 'coverage',
  label: 'Coverage',
  reset() { now.reset(); then = loadState(); },
  fromUrl(params) {
    if (params.analysis === 'coverage' && (params.asOf || '') !== asOf) {
      asOf = params.asOf || '';
      then = loadState();
    }
  },
  urlParams() { return { asOf }; },
  load() {
    return Promise.all([now.load(() => get('/api/reports/coverage')), loadThen()]);
  },
  rowFor(id, ctx) {
    if (ctx.selected && ctx.selected.startsWith('mandate:') && ctx.selected === `mandate:${id}`) return ctx.selected;
    let region = null;
    nodesWhere((d) => { if (d.id === id) region = d.region; return false; });
    return region ? `region:${region}` : null;
  },
  render(ctx) {
    const report = now.data;
    if (!report) return now.error ? problem('The coverage report could not be read', now.error) : html`<p class="hint">Reading the coverage report…</p>`;
    const earlier = asOf ? then.data : null;
    const t = report.totals || {};
    return html`<div class="coverage-controls">
        <p id="analysis-coverage-totals">${t.contacts} contacts and ${t.organisations} organisations on ${formatDate(report.asOf)}.</p>
        <label for="analysis-asof">Compare with the network as on record on</label>
        <input id="analysis-asof" type="date" .value=${asOf} min="1900-01-01" max=${report.asOf || '2200-12-31'}
          @change=${(e) => setAsOf(e.target.value, ctx)}>
        ${asOf ? html`<button type="button" id="analysis-asof-clear" @click=${() => setAsOf('', ctx)}>No comparison</button>` : nothing}
        ${asOf && then.error ? problem('The earlier report could not be read', then.error) : nothing}
        ${asOf && !then.data && !then.error ? html`<span class="hint">Reading ${formatDate(asOf)}…</span>` : nothing}
      </div>
      <div class="analysis-columns coverage-layout">
        ${chart(report.byRegion, earlier)}
        ${table({
    id: 'analysis-coverage-table', caption: 'Coverage by region', columns: columns(earlier), rows: regionRows(report, earlier), ctx,
    rowKey: (r) => `region:${r.region}`,
    rowLabel: (r) => `${enumLabel(r.region)}: share ${percent(r.share)}, target ${percent(r.targetShare)}`,
    activate: (r) => ctx.show(`region:${r.region}`, nodesWhere((d) => d.region === r.region), { centre: true }),
  })}
      </div>
      ${gaps(ctx, report.gaps)}`;
  },
};
