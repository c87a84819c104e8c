// Groups at risk (GET /api/analysis/isolation?groupBy=theme): groups ranked by isolation with
// their unreached members, hops to the mandates, single points of failure and the brokers they
// depend on; the parts of the network no mandate reaches; cut points and bridges; suggested ties.
import { get } from '../api.js';
import { html, nothing } from '../html.js';
import { enumLabel } from '../labels.js';
import { nameOf, nodesWhere } from '../map.js';
import { fixed, percent, sortOf, table, whole } from './table.js';
import { whatIfWithout } from './resilience.js';
import { graphLine, humaniseSentence, loadState, problem } from './common.js';

const state = loadState();
let unreachedIds = new Set();

function load() {
  return state.load(async () => {
    const data = await get('/api/analysis/isolation', { groupBy: 'theme' });
    unreachedIds = new Set((data.unreached || []).flatMap((u) => u.members || []));
    return data;
  });
}

/** The map's data of one node (themes, region…), or null. */
function nodeData(id) {
  let found = null;
  nodesWhere((d) => { if (d.id === id) found = d; return false; });
  return found;
}

function membersOf(group) {
  return nodesWhere((d) => (d.themes || []).includes(group.name));
}

function unreachedOf(group) {
  return membersOf(group).filter((id) => unreachedIds.has(id));
}

const names = (ids) => ids.map(nameOf).join(', ');

function showGroup(ctx, g) {
  const members = membersOf(g);
  const key = [...unreachedOf(g), ...(g.brokers || []).map((b) => b.id)];
  ctx.show(`group:${g.name}`, members.length ? members : key, { centre: true, key });
}

const groupColumns = [
  {
    key: 'name', label: 'Group (theme)', value: (g) => enumLabel(g.name),
    cell: (g) => html`<span class="name">${enumLabel(g.name)}</span>
      <span class="sub">${g.atRisk ? `${g.atRiskMembers} at risk · ` : ''}${humaniseSentence(g.explanation)}</span>`,
  },
  { key: 'score', label: 'Isolation', numeric: true, value: (g) => g.score, cell: (g) => fixed(g.score) },
  { key: 'size', label: 'Members', numeric: true, value: (g) => g.size, cell: (g) => whole(g.size) },
  {
    key: 'unreachable', label: 'No path to a mandate', numeric: true, value: (g) => g.unreachableMembers,
    cell: (g) => (g.unreachableMembers ? html`<strong class="at-risk">${g.unreachableMembers}</strong> <span class="sub">${percent(g.unreachableShare)}</span>` : '0'),
  },
  {
    key: 'hops', label: 'Hops to the mandates', numeric: true, value: (g) => g.medianHops,
    cell: (g) => html`${fixed(g.medianHops, 1)}<span class="sub">${g.maxHops !== null && g.maxHops !== undefined ? ` (max ${g.maxHops})` : ''}</span>`,
  },
  {
    key: 'single', label: 'Single points of failure', numeric: true, value: (g) => g.singlePointMembers,
    cell: (g) => (g.singlePointMembers ? html`${g.singlePointMembers} <span class="sub">${percent(g.singlePointShare)}</span>` : '0'),
  },
  {
    key: 'brokers', label: 'Depends on', value: null,
    cell: (g) => ((g.brokers || []).length ? html`<span class="depends">${g.brokers.map((b) => `${b.name || nameOf(b.id)} (cuts off ${b.membersCutOff})`).join(', ')}</span>` : '—'),
  },
];

function groupDetail(ctx, g) {
  const unreached = unreachedOf(g);
  const brokers = g.brokers || [];
  const focus = (id) => ctx.show(`group:${g.name}`, membersOf(g), { centre: id, key: [...unreached, ...brokers.map((b) => b.id)], select: id });
  return html`<section class="group-detail" id="analysis-group-detail" aria-labelledby="analysis-group-detail-title" data-group=${g.name}>
    <h3 id="analysis-group-detail-title">${enumLabel(g.name)}: ${whole(g.size)} members, isolation ${fixed(g.score)}</h3>
    <h4>No path to any mandate (${unreached.length})</h4>
    ${unreached.length ? html`<ul class="chips" id="analysis-group-unreached">${unreached.map((id) => html`<li>
      <button type="button" class="link" data-id=${id} @click=${() => focus(id)}>${nameOf(id)}</button></li>`)}</ul>` : html`<p class="hint">Every member has a path.</p>`}
    <h4>Single points of failure: the people the group depends on (${brokers.length})</h4>
    ${brokers.length ? html`<ul class="chips" id="analysis-group-brokers">${brokers.map((b) => html`<li>
      <button type="button" class="link" data-id=${b.id} @click=${() => focus(b.id)}>${b.name || nameOf(b.id)}</button>
      <span class="sub">cuts off ${b.membersCutOff}${b.member ? ', a member' : ''}</span></li>`)}</ul>
      <button type="button" id="analysis-group-whatif" @click=${() => whatIfWithout(brokers.map((b) => ({ id: b.id, name: b.name })))}>What if we lose ${brokers.length === 1 ? 'this person' : 'these people'}?</button>`
    : html`<p class="hint">${g.singlePointMembers ? `${g.singlePointMembers} members hang on one tie.` : 'Nobody: no one person cuts members off.'}</p>`}
  </section>`;
}

const unreachedColumns = [
  { key: 'size', label: 'Size', numeric: true, value: (u) => u.size, cell: (u) => u.size },
  { key: 'regions', label: 'Regions', value: null, cell: (u) => (u.regions || []).map((c) => `${enumLabel(c.value)} (${c.count})`).join(', ') || '—' },
  { key: 'themes', label: 'Themes', value: null, cell: (u) => (u.themes || []).map((c) => `${enumLabel(c.value)} (${c.count})`).join(', ') || '—' },
  { key: 'members', label: 'Members', value: null, cell: (u) => html`<span class="depends">${names((u.members || []).slice(0, 12))}${(u.members || []).length > 12 ? ', …' : ''}</span>` },
];

const cutColumns = [
  { key: 'name', label: 'Cut point', value: (c) => c.name, cell: (c) => html`<span class="name">${c.name || nameOf(c.id)}</span>${c.mandate ? html` <span class="sub">mandate</span>` : nothing}` },
  { key: 'atRisk', label: 'At-risk people cut off', numeric: true, value: (c) => c.atRiskCutOff, cell: (c) => c.atRiskCutOff },
  { key: 'vertices', label: 'Nodes cut off', numeric: true, value: (c) => c.verticesCutOff, cell: (c) => c.verticesCutOff },
  {
    key: 'act', label: 'What-if', value: null,
    cell: (c) => html`<button type="button" class="small" aria-label=${`What if we lose ${c.name || nameOf(c.id)}?`}
      @click=${() => whatIfWithout([{ id: c.id, name: c.name }])}>Run what-if</button>`,
  },
];

const bridgeColumns = [
  { key: 'tie', label: 'Bridge (tie)', value: (b) => nameOf(b.from), cell: (b) => `${nameOf(b.from)} — ${nameOf(b.to)}` },
  { key: 'atRisk', label: 'At-risk people cut off', numeric: true, value: (b) => b.atRiskCutOff, cell: (b) => b.atRiskCutOff },
  { key: 'vertices', label: 'Nodes cut off', numeric: true, value: (b) => b.verticesCutOff, cell: (b) => b.verticesCutOff },
];

const tieColumns = [
  { key: 'contact', label: 'At-risk contact', value: (t) => nameOf(t.contact), cell: (t) => nameOf(t.contact) },
  {
    key: 'candidate', label: 'New tie to', value: (t) => nameOf(t.candidate),
    cell: (t) => html`${nameOf(t.candidate)} <span class="sub">${t.candidateHopsToMandate} ${t.candidateHopsToMandate === 1 ? 'hop' : 'hops'} from a mandate</span>`,
  },
  { key: 'routes', label: 'Routes before → after', numeric: true, value: (t) => t.routesAfter - t.routesBefore, cell: (t) => `${t.routesBefore} → ${t.routesAfter}` },
  { key: 'beneficiaries', label: 'People helped', numeric: true, value: (t) => t.beneficiaries, cell: (t) => t.beneficiaries },
  { key: 'introducers', label: 'Who could introduce', value: null, cell: (t) => ((t.introducers || []).length ? names(t.introducers) : '—') },
];

const tieKey = (t) => `tie:${t.contact}:${t.candidate}`;

function section(id, title, body) {
  return html`<section class="analysis-section" aria-labelledby=${`${id}-title`}><h3 id=${`${id}-title`}>${title}</h3>${body}</section>`;
}

export default {
  id: 'isolation',
  label: 'Groups at risk',
  reset() { state.reset(); unreachedIds = new Set(); },
  load,
  rowFor(id) {
    const d = state.data;
    if (!d) return null;
    if ((d.cutVertices || []).some((c) => c.id === id)) return `cut:${id}`;
    const bridge = (d.bridges || []).find((b) => b.from === id || b.to === id);
    if (bridge) return `bridge:${bridge.from}:${bridge.to}`;
    const tie = (d.suggestedTies || []).find((t) => t.contact === id || t.candidate === id);
    if (tie) return tieKey(tie);
    const broker = (d.groups || []).find((g) => (g.brokers || []).some((b) => b.id === id));
    if (broker) return `group:${broker.name}`;
    const data = nodeData(id);
    const themes = data ? data.themes || [] : [];
    const group = (d.groups || []).find((g) => themes.includes(g.name));
    return group ? `group:${group.name}` : null;
  },
  render(ctx) {
    const d = state.data;
    if (!d) return state.error ? problem('The groups at risk could not be computed', state.error) : html`<p class="hint">Computing the groups at risk…</p>`;
    const sorted = (id, fallback) => {
      const sort = sortOf(id, fallback);
      return { sort, onSort: (s) => { Object.assign(sort, s); ctx.update(); } };
    };
    const r = d.routes || {};
    return html`<p class="hint">${graphLine(d)} Groups by theme, most isolated first. <span class="definition">${humaniseSentence(d.scoreDefinition)}.</span></p>
      ${section('analysis-groups', 'Groups ranked by isolation', table({
    id: 'analysis-groups-table', caption: 'Groups at risk', columns: groupColumns, rows: d.groups || [], ctx,
    ...sorted('analysis-groups-table', { key: 'score', dir: 'desc' }),
    rowKey: (g) => `group:${g.name}`,
    rowLabel: (g) => `${enumLabel(g.name)}, isolation ${fixed(g.score)}, ${g.unreachableMembers} without a path`,
    activate: (g) => showGroup(ctx, g),
    detail: (g) => groupDetail(ctx, g),
  }))}
      ${section('analysis-unreached', `Parts of the network no mandate reaches (${(d.unreached || []).length})`, table({
    id: 'analysis-unreached-table', caption: 'Unreached parts', columns: unreachedColumns, rows: d.unreached || [], ctx,
    rowKey: (u) => `part:${(u.members || [])[0]}`,
    rowLabel: (u) => `${u.size} people and organisations without a path`,
    activate: (u) => ctx.show(`part:${(u.members || [])[0]}`, u.members || [], { centre: true }),
    empty: 'None: a mandate reaches everyone.',
  }))}
      <p class="hint" id="analysis-routes">At-risk contacts: ${whole(r.none)} with no route to a mandate, ${whole(r.one)} with one, ${whole(r.twoOrMore)} with two or more independent routes.</p>
      ${section('analysis-cuts', `Cut points: people whose loss cuts others off (${(d.cutVertices || []).length})`, table({
    id: 'analysis-cuts-table', caption: 'Cut points', columns: cutColumns, rows: d.cutVertices || [], ctx,
    ...sorted('analysis-cuts-table', { key: 'atRisk', dir: 'desc' }),
    rowKey: (c) => `cut:${c.id}`,
    rowLabel: (c) => `${c.name || nameOf(c.id)}: cuts off ${c.atRiskCutOff} at risk`,
    activate: (c) => ctx.show(`cut:${c.id}`, [c.id], { centre: true, select: c.id, key: [c.id] }),
    empty: 'None: no one person cuts at-risk people off.',
  }))}
      ${section('analysis-bridges', `Bridges: ties whose loss cuts others off (${(d.bridges || []).length})`, table({
    id: 'analysis-bridges-table', caption: 'Bridges', columns: bridgeColumns, rows: d.bridges || [], ctx,
    ...sorted('analysis-bridges-table', { key: 'atRisk', dir: 'desc' }),
    rowKey: (b) => `bridge:${b.from}:${b.to}`,
    rowLabel: (b) => `Tie ${nameOf(b.from)} to ${nameOf(b.to)}`,
    activate: (b) => ctx.show(`bridge:${b.from}:${b.to}`, [b.from, b.to], { centre: true, edges: [[b.from, b.to]] }),
    empty: 'None: no single tie cuts at-risk people off.',
  }))}
      ${section('analysis-ties', `Suggested new ties (${(d.suggestedTies || []).length})`, table({
    id: 'analysis-ties-table', caption: 'Suggested new ties', columns: tieColumns, rows: d.suggestedTies || [], ctx,
    ...sorted('analysis-ties-table', { key: 'beneficiaries', dir: 'desc' }),
    rowKey: tieKey,
    rowLabel: (t) => `Introduce ${nameOf(t.contact)} to ${nameOf(t.candidate)}`,
    activate: (t) => ctx.show(tieKey(t), [t.contact, t.candidate, ...(t.introducers || [])], { centre: true, edges: [[t.contact, t.candidate]], key: [t.contact] }),
    empty: 'No new tie would add a route.',
  }))}`;
  },
};
