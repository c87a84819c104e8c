// Brokers (GET /api/analysis/brokers): who connects otherwise separate parts of the network —
// betweenness, Burt's constraint and effective size, Gould–Fernandez brokerage roles, a score
// and the API's sentence saying why.
import { get } from '../api.js';
import { html, nothing } from '../html.js';
import { enumLabel, kindLabel } from '../labels.js';
import { fixed, sortOf, table, whole } from './table.js';
import { addToWhatIf } from './resilience.js';
import { graphLine, humaniseSentence, loadState, problem } from './common.js';

export const TOP = 25;
const state = loadState();

const ROLE_ORDER = ['COORDINATOR', 'CONSULTANT', 'GATEKEEPER', 'REPRESENTATIVE', 'LIAISON'];

/** The roles this broker plays more than chance would (z ≥ 2), strongest first. */
function mainRoles(b) {
  const roles = Object.entries(b.roles || {})
    .filter(([, r]) => r && r.count > 0)
    .sort((x, y) => (y[1].zScore ?? 0) - (x[1].zScore ?? 0) || ROLE_ORDER.indexOf(x[0]) - ROLE_ORDER.indexOf(y[0]));
  const strong = roles.filter(([, r]) => (r.zScore ?? 0) >= 2);
  return (strong.length ? strong : roles).slice(0, 3);
}

const columns = [
  {
    key: 'name', label: 'Broker', value: (b) => b.name,
    cell: (b) => html`<span class="name">${b.name || b.id}</span>
      <span class="sub">${[b.label === 'Contact' ? enumLabel(b.kind) : kindLabel(b.label), enumLabel(b.region)].filter(Boolean).join(' · ')}</span>`,
  },
  { key: 'score', label: 'Score', numeric: true, value: (b) => b.score, cell: (b) => fixed(b.score) },
  { key: 'betweenness', label: 'Betweenness', numeric: true, value: (b) => b.betweenness, cell: (b) => fixed(b.betweenness, 3) },
  { key: 'constraint', label: 'Constraint', numeric: true, value: (b) => b.constraint, cell: (b) => fixed(b.constraint, 3) },
  { key: 'effectiveSize', label: 'Effective size', numeric: true, value: (b) => b.effectiveSize, cell: (b) => fixed(b.effectiveSize, 1) },
  {
    key: 'roles', label: 'Brokerage roles', value: null,
    cell: (b) => html`<ul class="roles">${mainRoles(b).map(([role, r]) => html`<li>${enumLabel(role)}
      <span class="sub">${whole(r.count)}${typeof r.zScore === 'number' ? ` · z ${r.zScore.toFixed(1)}` : ''}</span></li>`)}</ul>`,
  },
  { key: 'why', label: 'Why', value: null, cell: (b) => html`<span class="why">${humaniseSentence(b.why)}</span>` },
  {
    key: 'act', label: 'What-if', value: null,
    cell: (b) => html`<button type="button" class="small" data-whatif=${b.id} aria-label=${`Add ${b.name || b.id} to the resilience what-if`}
      @click=${() => addToWhatIf({ id: b.id, name: b.name })}>＋ What-if</button>`,
  },
];

export default {
  id: 'brokers',
  label: 'Brokers',
  reset() { state.reset(); },
  load() {
    return state.load(() => get('/api/analysis/brokers', { top: TOP }));
  },
  rowFor(id) {
    return state.data && state.data.brokers.some((b) => b.id === id) ? id : null;
  },
  render(ctx) {
    if (!state.data) return state.error ? problem('The brokers could not be computed', state.error) : html`<p class="hint">Computing the brokers…</p>`;
    const sort = sortOf('analysis-brokers', { key: 'score', dir: 'desc' });
    return html`<p class="hint">${graphLine(state.data)} The ${TOP} strongest brokers. ${state.data.scoreDefinition ? html`<span class="definition">${state.data.scoreDefinition}.</span>` : nothing}
      Lower constraint and larger effective size: more open, non-redundant ties. Roles (Gould–Fernandez) count the paths this person brokers between groups of ${state.data.groupBy ? enumLabel(state.data.groupBy).toLowerCase() : 'region'}; z: how far above chance.</p>
      ${table({
    id: 'analysis-brokers-table', caption: 'Brokers', columns, rows: state.data.brokers, ctx, sort,
    onSort: (s) => { Object.assign(sort, s); ctx.update(); },
    rowKey: (b) => b.id,
    rowLabel: (b) => `${b.name || b.id}, score ${fixed(b.score)}`,
    activate: (b) => ctx.show(b.id, [b.id], { centre: true, select: b.id }),
    empty: 'No brokers in this network.',
  })}`;
  },
};
