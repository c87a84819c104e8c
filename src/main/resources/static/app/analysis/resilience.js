// Resilience what-if (POST /api/analysis/resilience {"remove":[ids]}): pick people — the node
// selected on the map, a broker or a group's single point of failure from the other tables, or by
// name — and see who would lose every path to the mandates; they are highlighted on the map.
import { send } from '../api.js';
import { html, nothing } from '../html.js';
import { enumLabel } from '../labels.js';
import { nameOf, nodesWhere, selectedNode } from '../map.js';
import { Picker } from '../ui.js';
import { percent, sortOf, table } from './table.js';
import { graphLine, problem } from './common.js';

const state = {
  chosen: [],
  result: null,
  error: null,
  running: false,
  ran: [],
};
let context = null;

const picker = new Picker({
  labels: ['Contact', 'Organisation'],
  label: 'Add a person or organisation by name',
  onPick: (m) => addToWhatIf({ id: m.id, name: m.name }, false),
  onChange: () => context && context.update(),
  exclude: (m) => state.chosen.some((c) => c.id === m.id),
});

/** Adds someone to the what-if (from another table, the map or the picker) and opens it. */
export function addToWhatIf(person, open = true) {
  if (!state.chosen.some((c) => c.id === person.id)) state.chosen.push({ id: person.id, name: person.name || nameOf(person.id) });
  if (context) {
    if (open) context.go('resilience'); else context.update();
  }
}

/** Replaces the people of the what-if and runs it (a group's brokers, "what if we lose them?"). */
export function whatIfWithout(people) {
  state.chosen = people.map((p) => ({ id: p.id, name: p.name || nameOf(p.id) }));
  if (context) {
    context.go('resilience');
    run(context);
  }
}

function remove(id, ctx) {
  state.chosen = state.chosen.filter((c) => c.id !== id);
  ctx.update();
}

async function run(ctx) {
  if (!state.chosen.length || state.running) return;
  state.running = true;
  state.error = null;
  ctx.update();
  try {
    state.ran = state.chosen.map((c) => ({ ...c }));
    state.result = await send('POST', '/api/analysis/resilience', { remove: state.ran.map((c) => c.id) });
    showResult(ctx);
  } catch (e) {
    state.result = null;
    state.error = e;
  } finally {
    state.running = false;
    ctx.update();
  }
}

/** Highlights who loses every path (and, with a red ring, who was removed). */
function showResult(ctx, centre = true) {
  const r = state.result;
  if (!r) return;
  const removed = r.removed || [];
  ctx.show('what-if', [...r.lostAllPaths, ...removed], { centre, key: removed });
}

function person(id, r) {
  return { id, name: nameOf(id), atRisk: (r.atRiskLostAllPaths || []).includes(id) };
}

const lostColumns = [
  { key: 'name', label: 'Loses every path', value: (p) => p.name, cell: (p) => html`<span class="name">${p.name}</span>` },
  { key: 'atRisk', label: 'At risk', value: (p) => (p.atRisk ? 1 : 0), cell: (p) => (p.atRisk ? html`<strong class="at-risk">At risk</strong>` : 'No') },
];

const groupColumns = [
  { key: 'name', label: 'Group', value: (g) => enumLabel(g.name), cell: (g) => enumLabel(g.name) },
  { key: 'membersCutOff', label: 'Members cut off', numeric: true, value: (g) => g.membersCutOff, cell: (g) => g.membersCutOff },
  { key: 'before', label: 'No path before', numeric: true, value: (g) => g.unreachableShareBefore, cell: (g) => percent(g.unreachableShareBefore) },
  { key: 'after', label: 'No path after', numeric: true, value: (g) => g.unreachableShareAfter, cell: (g) => percent(g.unreachableShareAfter) },
  { key: 'isolated', label: 'Isolated after', value: (g) => (g.isolatedAfter ? 1 : 0), cell: (g) => (g.isolatedAfter ? 'Yes' : 'No') },
];

function results(ctx) {
  const r = state.result;
  if (state.error) return problem('The what-if could not be run', state.error);
  if (!r) return html`<p class="hint">Nobody removed yet: add people, then run.</p>`;
  const lost = r.lostAllPaths.map((id) => person(id, r));
  const sort = sortOf('analysis-resilience-lost', { key: 'atRisk', dir: 'desc' });
  const groupSort = sortOf('analysis-resilience-groups', { key: 'membersCutOff', dir: 'desc' });
  return html`<p id="analysis-resilience-summary" class="whatif-summary">Without ${state.ran.map((c) => c.name).join(', ')}:
      <strong>${lost.length}</strong> ${lost.length === 1 ? 'loses' : 'lose'} every path to the mandates
      (${r.atRiskLostAllPaths.length} of them at risk). Reached before: ${percent(r.before.share)}; after: ${percent(r.after.share)}.
      <span class="sub">${graphLine(r)}</span></p>
    <div class="analysis-columns">
      <section aria-labelledby="analysis-lost-title">
        <h3 id="analysis-lost-title">Who loses every path</h3>
        ${table({
    id: 'analysis-resilience-table', caption: 'People who lose every path to the mandates', columns: lostColumns, rows: lost, ctx, sort,
    onSort: (s) => { Object.assign(sort, s); ctx.update(); },
    rowKey: (p) => p.id,
    rowLabel: (p) => `${p.name}${p.atRisk ? ', at risk' : ''}`,
    activate: (p) => {
      ctx.show(p.id, [...r.lostAllPaths, ...(r.removed || [])], { centre: p.id, key: r.removed || [], select: p.id });
    },
    empty: 'Nobody: everyone keeps a path to a mandate.',
  })}
      </section>
      <section aria-labelledby="analysis-groups-changed-title">
        <h3 id="analysis-groups-changed-title">Groups that lose members</h3>
        ${table({
    id: 'analysis-resilience-groups', caption: 'Groups by theme', columns: groupColumns, rows: r.groups || [], ctx, sort: groupSort,
    onSort: (s) => { Object.assign(groupSort, s); ctx.update(); },
    rowKey: (g) => `group:${g.name}`,
    rowLabel: (g) => `${enumLabel(g.name)}: ${g.membersCutOff} cut off`,
    activate: (g) => {
      const members = new Set(nodesWhere((d) => (d.themes || []).includes(g.name)));
      const ids = r.lostAllPaths.filter((id) => members.has(id));
      ctx.show(`group:${g.name}`, [...ids, ...(r.removed || [])], { centre: true, key: r.removed || [] });
    },
    empty: 'No group loses a member.',
  })}
      </section>
    </div>`;
}

function reset() {
  state.chosen = [];
  state.result = null;
  state.error = null;
  state.ran = [];
}

export default {
  id: 'resilience',
  label: 'Resilience what-if',
  reset,
  attach(ctx) { context = ctx; },
  load(ctx) {
    context = ctx;
    return Promise.resolve();
  },
  rowFor(id) {
    if (state.result && state.result.lostAllPaths.includes(id)) return id;
    return null;
  },
  render(ctx) {
    context = ctx;
    const selected = selectedNode();
    const selectedChosen = selected && state.chosen.some((c) => c.id === selected);
    return html`<p class="hint">Who would lose every path to the mandates if these people were lost (moved on, arrested, withdrawn)?
        Add them from the map, the brokers or the groups at risk, or by name.</p>
      <div class="whatif-controls">
        <div class="whatif-chosen">
          <h3 id="analysis-chosen-title">Removed in this what-if</h3>
          ${state.chosen.length ? html`<ul class="chips" aria-labelledby="analysis-chosen-title" id="analysis-chosen">
            ${state.chosen.map((c) => html`<li data-id=${c.id}>${c.name}
              <button type="button" class="chip-remove" aria-label=${`Take ${c.name} out of the what-if`} @click=${() => remove(c.id, ctx)}>✕</button></li>`)}
          </ul>` : html`<p class="hint" id="analysis-chosen">Nobody yet.</p>`}
          <button type="button" id="analysis-add-selected" ?disabled=${!selected || selectedChosen}
            @click=${() => addToWhatIf({ id: selected, name: nameOf(selected) }, false)}>${selected
  ? `Add ${nameOf(selected)} (selected on the map)` : 'Add the person selected on the map'}</button>
        </div>
        ${picker.view()}
        <div class="whatif-run">
          <button type="button" class="primary" id="analysis-run" ?disabled=${!state.chosen.length || state.running}
            @click=${() => run(ctx)}>${state.running ? 'Running…' : 'Run the what-if'}</button>
          <button type="button" id="analysis-whatif-reset" ?disabled=${!state.chosen.length && !state.result}
            @click=${() => { reset(); ctx.clear(); }}>Start again</button>
        </div>
      </div>
      ${results(ctx)}`;
  },
};
