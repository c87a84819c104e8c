// The network map: loads the graph, coalitions and a centrality from the analysis API, draws them
// with Cytoscape.js and fCoSE, and wires the filters, search, legend, referral paths and exports.
/* global cytoscape, cytoscapeFcose */
import { showWithheld } from './withheld.js';
import { byId, clear, download, el, say } from './dom.js';
import { ApiError, LatestRead, get } from './api.js';
import { clearDetails, showDetails } from './details.js';
import { toGexf } from './gexf.js';
import { enumLabel, formatDate, kindLabel } from './labels.js';
import { layoutByGroup } from './layout.js';
import { pngBlob, svgText } from './map-export.js';
import { wireKeys } from './map-keys.js';
import { labelWhenSettled, placeLabels } from './map-labels.js';
import { namesView, viewFromParams, writeView } from './map-share.js';
import { pseudonymised } from './session.js';
import {
  BASE_FONT, COALITION_PALETTE, HUBS, KINDS, MAX_SIZE, MIN_SIZE, OTHER_COLOUR, RISK_BORDER, SHAPES, stylesheet,
} from './style.js';

/** The same scope on every analysis call, so graph, coalitions and scores describe the same nodes. */
const SCOPE = { nodes: KINDS.join(',') };
const SEED = 42;
const MAX_SEARCH_RESULTS = 25;
/** The API's largest `top`: enough to size every node of any network civnet is meant for. */
const MAX_TOP = 100000;

let cy = null;
const state = {
  nodesById: new Map(),
  coalitions: new Map(),
  modularity: null,
  metric: 'degree',
  pathFrom: null,
  pathTo: null,
  paths: [],
  activePath: null,
  focusCoalition: null,
  /** Positions before a path or a coalition was laid out afresh, restored when it is cleared. */
  savedPositions: null,
  graphVersion: null,
  timings: {},
};
/** The last asked of each kind of read: an earlier answer arriving late is dropped (api.js LatestRead). */
const metricReads = new LatestRead();
const pathReads = new LatestRead();
/** Re-decides which names are drawn once the view settles (map-labels.js). */
let scheduleLabels = () => {};

/** For the browser test and the curious: the Cytoscape instance and the measured times. */
function exposeForTests() {
  window.civnetMap = { cy, timings: state.timings, ready: true };
}

function ensureFcose() {
  if (typeof cytoscape !== 'function') {
    throw new Error('Cytoscape.js did not load');
  }
  if (!cytoscape('layout', 'fcose')) {
    cytoscape.use(cytoscapeFcose);
  }
}

/** Whether the network is drawn (the map view loads it on its first visit). */
export function mapLoaded() {
  return cy !== null;
}

/** Highlights a path given by its nodes (a referral found in another view). */
export function showPathNodes(ids) {
  if (!cy) return;
  state.paths = [{ nodes: ids }];
  const list = clear(byId('path-results'));
  list.appendChild(el('li', { dataset: { index: 0 }, onclick: () => highlightPath(0) }, ids.map(nameOf).join(' → ')));
  say(byId('path-message'), 'The path named in the address (from Find introducers or a shared link).');
  highlightPath(0);
}

// ---------------------------------------------------------------------------------------------
// views to share (map-share.js): the state in the address, restored from it

/** The view on screen, as map-share.js writes it into the address. */
export function currentView() {
  const filter = currentFilter();
  const allKinds = [...document.querySelectorAll('#filter-kinds input')].map((i) => i.value);
  const kinds = allKinds.filter((k) => filter.kinds.has(k));
  const path = state.activePath === null ? [] : ((state.paths[state.activePath] || {}).nodes || []);
  const selected = cy ? cy.nodes(':selected') : null;
  return {
    region: filter.region,
    theme: filter.theme,
    risk: filter.risk,
    kinds: kinds.length === allKinds.length ? null : kinds,
    size: state.metric,
    coalition: state.focusCoalition === null ? null : String(state.focusCoalition),
    node: selected && selected.nonempty() ? selected[0].id() : null,
    path,
  };
}

/** Puts the view on screen into the address (replaceState: no new history entry, nothing re-shown). */
export function shareView() {
  if (cy) writeView(currentView());
}

/**
 * Shows the view the address names (a shared link, a bookmark, a path from another view); with
 * none named, keeps the view she had and writes it into the address.
 */
export async function showView(params) {
  if (!cy) return;
  if (namesView(params)) {
    await applyView(viewFromParams(params));
  }
  shareView();
}

function setSelect(id, value) {
  const select = byId(id);
  select.value = [...select.options].some((o) => o.value === value) ? value : '';
}

async function applyView(view) {
  setSelect('filter-region', view.region);
  setSelect('filter-theme', view.theme);
  setSelect('filter-risk', view.risk);
  for (const input of document.querySelectorAll('#filter-kinds input')) {
    input.checked = view.kinds === null || view.kinds.includes(input.value);
  }
  if (view.size !== state.metric && [...byId('size-metric').options].some((o) => o.value === view.size)) {
    byId('size-metric').value = view.size;
    await changeMetric();
  }
  clearPathHighlight();
  pathReads.begin(); // a path search still on its way belongs to the view she had
  state.paths = [];
  state.activePath = null;
  clear(byId('path-results'));
  say(byId('path-message'), '');
  applyFilters();
  const coalition = view.coalition === null ? null : [...state.coalitions.keys()].find((id) => String(id) === view.coalition);
  if ((coalition ?? null) !== state.focusCoalition) await focusCoalition(coalition ?? state.focusCoalition);
  if (view.path.length) {
    showPathNodes(view.path);
  }
  if (view.node && cy.getElementById(view.node).nonempty()) {
    select(view.node, true);
  } else {
    cy.nodes(':selected').unselect();
    clearDetails();
  }
}

export function nameOf(id) {
  const node = state.nodesById.get(id);
  return node && node.name ? node.name : id;
}

// ---------------------------------------------------------------------------------------------
// loading

/** Loads everything and draws the map; resolves when the layout is done. */
export async function openMap() {
  ensureFcose();
  const status = byId('status');
  say(status, 'Loading the network…');
  const started = performance.now();
  state.metric = byId('size-metric').value;
  const [graph, coalitions, scores] = await Promise.allSettled([
    get('/api/analysis/graph', SCOPE),
    get('/api/analysis/coalitions', { algorithm: 'leiden', seed: SEED, ...SCOPE }),
    centralityScores(state.metric),
  ]);
  if (graph.status === 'rejected') {
    say(status, `The network could not be loaded: ${graph.reason.message}`, true);
    throw graph.reason;
  }
  state.timings.fetchMillis = Math.round(performance.now() - started);

  const coalitionOf = readCoalitions(coalitions);
  const scoreOf = scores.status === 'fulfilled' ? scoreMap(scores.value) : new Map();
  const elements = buildElements(graph.value, coalitionOf, scoreOf);
  state.graphVersion = graph.value.graphVersion ?? null;

  say(status, `Arranging ${state.nodesById.size} nodes…`);
  // Let the status paint before the layout keeps the main thread busy.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const layoutStarted = performance.now();
  const positions = await layoutByGroup(
    elements.filter((e) => e.group === 'nodes').map((e) => ({ id: e.data.id, size: e.data.size, group: e.data.coalition })),
    elements.filter((e) => e.group === 'edges').map((e) => ({ source: e.data.source, target: e.data.target })));
  state.timings.layoutMillis = Math.round(performance.now() - layoutStarted);
  for (const e of elements) {
    if (e.group === 'nodes') e.position = positions.get(e.data.id);
  }

  const renderStarted = performance.now();
  if (cy) {
    cy.destroy();
  }
  cy = cytoscape({
    container: byId('cy'),
    elements,
    style: stylesheet(),
    layout: { name: 'preset', fit: false },
    minZoom: 0.02,
    maxZoom: 5,
    boxSelectionEnabled: false,
    selectionType: 'single',
    // Cheaper frames while panning and zooming a large graph.
    textureOnViewport: true,
    hideEdgesOnViewport: true,
    motionBlur: false,
    pixelRatio: 1,
  });
  cy.on('tap', 'node', (event) => select(event.target.id(), false));
  cy.on('select unselect', 'node', (event) => {
    event.target.connectedEdges().toggleClass('near', event.target.selected());
    scheduleLabels();
  });
  scheduleLabels = labelWhenSettled(cy);
  fitTo(cy.nodes(), 20);
  markHubs();
  await firstFrame();
  state.timings.renderMillis = Math.round(performance.now() - renderStarted);
  state.timings.totalMillis = Math.round(performance.now() - started);

  fillFilters();
  drawLegend(scores.status === 'fulfilled');
  showWithheld(graph.value);
  applyFilters();
  placeLabels(cy);
  exposeForTests();
  if (coalitions.status === 'rejected') {
    say(byId('legend-modularity'), `(unavailable: ${coalitions.reason.message})`, true);
  }
  if (scores.status === 'rejected') {
    byId('legend-size').textContent = `Sizes unavailable: ${scores.reason.message}`;
  }
}

function readCoalitions(result) {
  state.coalitions.clear();
  const coalitionOf = new Map();
  if (result.status !== 'fulfilled' || !Array.isArray(result.value.coalitions)) {
    state.modularity = null;
    return coalitionOf;
  }
  state.modularity = result.value.modularity;
  const sorted = [...result.value.coalitions].sort((a, b) => (b.size ?? b.members.length) - (a.size ?? a.members.length));
  sorted.forEach((c, rank) => {
    const info = {
      id: c.id,
      size: c.size ?? (c.members || []).length,
      // Colour by the coalition's stable number (the server keeps it across writes), so a group keeps
      // its colour tomorrow; the largest groups get one, the rest are grey.
      color: rank < COALITION_PALETTE.length ? COALITION_PALETTE[c.id % COALITION_PALETTE.length] : OTHER_COLOUR,
      rank,
      themes: c.themes || [],
      regions: c.regions || [],
      core: c.core || [],
      bridges: c.bridges || [],
    };
    state.coalitions.set(c.id, info);
    for (const member of c.members || []) {
      coalitionOf.set(member, c.id);
    }
  });
  return coalitionOf;
}

/**
 * Scores for every node: asks for all of them, and when the server caps `top` (a 400 naming
 * the field) asks again for as many as it allows; nodes beyond that get the smallest size.
 */
async function centralityScores(metric) {
  try {
    return await get('/api/analysis/centrality', { metric, top: MAX_TOP, ...SCOPE });
  } catch (e) {
    const limit = e instanceof ApiError && e.status === 400 ? topLimit(e.problem) : null;
    if (!limit) throw e;
    return get('/api/analysis/centrality', { metric, top: limit, ...SCOPE });
  }
}

function topLimit(problem) {
  const errors = problem && Array.isArray(problem.errors) ? problem.errors : [];
  const error = errors.find((x) => x && x.field === 'top');
  const match = error && /(\d+)/.exec(String(error.reason || ''));
  const limit = match ? Number(match[1]) : null;
  return limit && limit < MAX_TOP ? limit : null;
}

function scoreMap(response) {
  const map = new Map();
  for (const row of response.scores || []) {
    map.set(row.id, row.score);
  }
  return map;
}

/** Node size from a score: square-root scale between the smallest and largest score. */
function sizer(scoreOf) {
  const values = [...scoreOf.values()].filter(Number.isFinite);
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 0;
  return (score) => {
    if (!Number.isFinite(score) || max <= min) {
      return values.length ? MIN_SIZE : (MIN_SIZE + MAX_SIZE) / 3;
    }
    return MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt((score - min) / (max - min));
  };
}

const LABEL_CHARS = 32;

function shorten(name) {
  return name.length <= LABEL_CHARS ? name : `${name.slice(0, LABEL_CHARS - 1).trimEnd()}…`;
}

function buildElements(graph, coalitionOf, scoreOf) {
  state.nodesById.clear();
  const size = sizer(scoreOf);
  const elements = [];
  for (const n of graph.nodes || []) {
    state.nodesById.set(n.id, n);
    const coalition = coalitionOf.has(n.id) ? coalitionOf.get(n.id) : null;
    const info = coalition === null ? null : state.coalitions.get(coalition);
    const score = scoreOf.get(n.id);
    elements.push({
      group: 'nodes',
      data: {
        id: n.id,
        name: n.name || n.id,
        shortName: shorten(n.name || n.id),
        text: shorten(n.name || n.id),
        font: BASE_FONT,
        label: n.label,
        kind: n.kind,
        region: n.region,
        themes: Array.isArray(n.themes) ? n.themes : [],
        riskLevel: n.riskLevel,
        coarsened: n.coarsened === true,
        degreeRange: n.degreeRange ?? null,
        coalition,
        color: info ? info.color : OTHER_COLOUR,
        score: score === undefined ? null : score,
        size: size(score),
      },
    });
  }
  let index = 0;
  for (const e of graph.edges || []) {
    if (state.nodesById.has(e.from) && state.nodesById.has(e.to) && e.from !== e.to) {
      elements.push({
        group: 'edges',
        data: { id: `t${index++}`, source: e.from, target: e.to, type: e.type, trust: e.trust ?? null },
      });
    }
  }
  return elements;
}

/** Fits `eles` in the view, but never closer than 1:1 (a handful of nodes would fill the screen). */
function fitTo(eles, padding) {
  if (!cy || eles.empty()) return;
  cy.fit(eles, padding);
  if (cy.zoom() > 1) {
    cy.zoom(1);
    cy.center(eles);
  }
}

/** Resolves once Cytoscape has drawn a frame (or after a second, if it draws none). */
function firstFrame() {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 1000);
    cy.one('render', () => { clearTimeout(timer); resolve(); });
  });
}

/** Re-sizes the nodes by another centrality (no new layout). */
async function changeMetric() {
  state.metric = byId('size-metric').value;
  say(byId('status'), `Loading ${state.metric}…`);
  // She may pick another measure while the scores of this one are on their way: only the last sizes the nodes.
  const current = metricReads.begin();
  try {
    const response = await centralityScores(state.metric);
    if (!current()) return;
    const scoreOf = scoreMap(response);
    const size = sizer(scoreOf);
    cy.batch(() => cy.nodes().forEach((node) => {
      const score = scoreOf.get(node.id());
      node.data({ score: score === undefined ? null : score, size: size(score) });
    }));
    markHubs();
    drawLegend(true);
    updateStatus();
    shareView();
  } catch (e) {
    if (!current()) return;
    say(byId('status'), `${state.metric} could not be loaded: ${e.message}`, true);
  }
}

/**
 * The most central member of each coloured coalition is named at every zoom level (one name per
 * cluster, so names do not pile up in the largest one); without coalitions, the HUBS most central nodes.
 */
function markHubs() {
  const best = new Map();
  cy.nodes().forEach((node) => {
    const score = node.data('score');
    // The hubs of what is shown: a filtered view names its own most central nodes.
    if (!Number.isFinite(score) || node.hasClass('hidden')) return;
    const info = state.coalitions.get(node.data('coalition'));
    const key = info ? (info.rank < COALITION_PALETTE.length ? info.id : null) : `node:${node.id()}`;
    if (key === null) return;
    const current = best.get(key);
    if (!current || score > current.data('score')) best.set(key, node);
  });
  const hubs = [...best.values()].sort((a, b) => b.data('score') - a.data('score')).slice(0, Math.max(HUBS, COALITION_PALETTE.length));
  const previous = cy.nodes('.hub');
  cy.batch(() => {
    previous.removeClass('hub');
    hubs.forEach((node) => node.addClass('hub'));
  });
  refreshLabels();
}

/**
 * Names: a short name at a fixed model size (shown once zoomed in), or, for hubs, path nodes and
 * the selected node, the full name at a fixed size on screen; never two overlapping (map-labels.js
 * decides, by priority, once the view settles). Set through data, not through class styles:
 * Cytoscape keeps a label's cached size when a class changes its font.
 */
function refreshLabels() {
  if (cy) scheduleLabels();
}

// ---------------------------------------------------------------------------------------------
// filters

function fillFilters() {
  const regions = new Set();
  const themes = new Set();
  const kinds = new Set();
  for (const n of state.nodesById.values()) {
    if (n.region) regions.add(n.region);
    for (const t of n.themes || []) themes.add(t);
    kinds.add(n.label);
  }
  const regionSelect = byId('filter-region');
  const themeSelect = byId('filter-theme');
  resetOptions(regionSelect, 'all regions', [...regions].sort());
  resetOptions(themeSelect, 'all themes', [...themes].sort());
  const kindBox = byId('filter-kinds');
  [...kindBox.querySelectorAll('label')].forEach((label) => label.remove());
  for (const kind of KINDS.filter((k) => kinds.has(k))) {
    kindBox.appendChild(el('label', {},
      el('input', { type: 'checkbox', value: kind, checked: true, name: 'kind', onchange: applyFilters }), kindLabel(kind)));
  }
}

function resetOptions(select, allLabel, values) {
  const previous = select.value;
  clear(select);
  select.appendChild(el('option', { value: '' }, allLabel));
  for (const value of values) {
    select.appendChild(el('option', { value }, enumLabel(value)));
  }
  select.value = values.includes(previous) ? previous : '';
}

function nodePasses(d, filter) {
  if (!filter.kinds.has(d.label)) return false;
  // As the API's scope: a node without the attribute is not outside the region or theme.
  if (filter.region && d.region && d.region !== filter.region) return false;
  if (filter.theme && d.themes.length > 0 && !d.themes.includes(filter.theme)) return false;
  if (filter.risk && d.riskLevel) {
    if (filter.risk === 'AT_RISK' ? d.riskLevel === 'NONE' : d.riskLevel !== filter.risk) return false;
  }
  return true;
}

function currentFilter() {
  return {
    region: byId('filter-region').value,
    theme: byId('filter-theme').value,
    risk: byId('filter-risk').value,
    kinds: new Set([...document.querySelectorAll('#filter-kinds input:checked')].map((i) => i.value)),
  };
}

export function applyFilters() {
  if (!cy) return;
  const filter = currentFilter();
  const pathIds = new Set(cy.nodes('.path').map((n) => n.id()));
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      const visible = pathIds.has(node.id()) || nodePasses(node.data(), filter);
      node.toggleClass('hidden', !visible);
    });
    cy.edges().forEach((edge) => {
      edge.toggleClass('hidden', edge.source().hasClass('hidden') || edge.target().hasClass('hidden'));
    });
  });
  fitTo(cy.nodes(':visible'), 20);
  markHubs();
  updateSearch();
  updateStatus();
  for (const li of document.querySelectorAll('#legend-kinds li[data-kind]')) {
    li.firstChild.setAttribute('aria-pressed', filter.kinds.has(li.dataset.kind) ? 'true' : 'false');
  }
  for (const li of document.querySelectorAll('#legend-risk li[data-risk]')) {
    li.firstChild.setAttribute('aria-pressed', filter.risk === li.dataset.risk ? 'true' : 'false');
  }
  refreshLabels();
  shareView();
}

function updateStatus() {
  const nodes = cy.nodes(':visible').length;
  const edges = cy.edges(':visible').length;
  const total = cy.nodes().length;
  const t = state.timings;
  const parts = [
    `${nodes} of ${total} nodes, ${edges} ties shown`,
    state.coalitions.size ? `${state.coalitions.size} coalitions (modularity ${formatNumber(state.modularity)})` : null,
    t.layoutMillis !== undefined ? `layout ${(t.layoutMillis / 1000).toFixed(2)} s` : null,
    t.renderMillis !== undefined ? `drawing ${(t.renderMillis / 1000).toFixed(2)} s` : null,
    t.fetchMillis !== undefined ? `data ${(t.fetchMillis / 1000).toFixed(2)} s` : null,
  ];
  say(byId('status'), parts.filter(Boolean).join(' · '));
  byId('status').dataset.layoutMillis = t.layoutMillis ?? '';
}

function formatNumber(value) {
  return typeof value === 'number' ? value.toFixed(3) : '–';
}

/** Lays out the visible nodes again, by coalition, so a filtered view uses the whole canvas. */
async function relayoutVisible() {
  if (!cy) return;
  say(byId('status'), 'Arranging…');
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const nodes = cy.nodes(':visible');
  const started = performance.now();
  const positions = await layoutByGroup(
    nodes.map((n) => ({ id: n.id(), size: n.data('size'), group: n.data('coalition') })),
    cy.edges(':visible').filter((e) => !e.hasClass('path-extra'))
      .map((e) => ({ source: e.source().id(), target: e.target().id() })));
  state.timings.layoutMillis = Math.round(performance.now() - started);
  cy.batch(() => nodes.forEach((n) => n.position(positions.get(n.id()))));
  fitTo(nodes, 20);
  updateStatus();
}

// ---------------------------------------------------------------------------------------------
// selection and search

/** Selects a node, shows its details and, when asked, brings it into view. */
export function select(id, bringIntoView) {
  const node = cy.getElementById(id);
  if (node.empty()) return;
  cy.nodes(':selected').unselect();
  node.select();
  if (bringIntoView) {
    centre(id);
  }
  showDetails(node, detailsContext);
  shareView();
}

/** Keyboard: moves the selection (no details yet), keeps the node in view and says its name. */
function moveTo(id) {
  const node = cy.getElementById(id);
  if (node.empty()) return;
  cy.nodes(':selected').unselect();
  node.select();
  const p = node.renderedPosition();
  const margin = 40;
  if (p.x < margin || p.y < margin || p.x > cy.width() - margin || p.y > cy.height() - margin) {
    cy.animate({ center: { eles: node } }, { duration: 200 });
  }
  const d = node.data();
  announce(`${d.name}. ${[kindLabel(d.label), enumLabel(d.kind), enumLabel(d.region)].filter(Boolean).join(', ')}. Enter opens the details.`);
  shareView();
}

function clearSelection() {
  cy.nodes(':selected').unselect();
  clearDetails();
  announce('Selection cleared.');
  shareView();
}

function announce(text) {
  let region = byId('map-announce');
  if (!region) {
    region = el('div', { id: 'map-announce', className: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
    byId('cy').parentElement.appendChild(region);
  }
  region.textContent = text;
}

function centre(id) {
  const node = cy.getElementById(id);
  if (node.nonempty() && node.visible()) {
    cy.zoom({ level: Math.max(cy.zoom(), 1.2), renderedPosition: node.renderedPosition() });
    cy.center(node);
  }
}

const detailsContext = {
  nameOf,
  has: (id) => cy && cy.getElementById(id).nonempty(),
  select,
  centre,
  metric: () => state.metric,
  metricLabel: () => {
    const text = byId('size-metric').selectedOptions[0].textContent;
    return text.charAt(0).toUpperCase() + text.slice(1);
  },
  coalitionInfo: (id) => (id === null || id === undefined ? null : state.coalitions.get(id)),
  setPathEnd,
};

function fold(text) {
  return String(text || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function updateSearch() {
  const list = clear(byId('search-results'));
  // What the list answers (a test waits for the answer to all she typed before clicking a match).
  list.dataset.query = byId('search').value.trim();
  const query = fold(byId('search').value.trim());
  if (!cy || query.length === 0) return;
  const matches = [];
  let hidden = 0;
  cy.nodes().forEach((node) => {
    const name = fold(node.data('name'));
    const at = name.indexOf(query);
    if (at < 0) return;
    if (node.hasClass('hidden')) {
      hidden++;
      return;
    }
    matches.push({ node, rank: at === 0 ? 0 : 1, name: node.data('name') });
  });
  matches.sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name));
  for (const { node } of matches.slice(0, MAX_SEARCH_RESULTS)) {
    const d = node.data();
    list.appendChild(el('li', {},
      el('button', { type: 'button', dataset: { id: d.id }, onclick: () => select(d.id, true) },
        d.name, el('span', { className: 'sub' }, [kindLabel(d.label), enumLabel(d.region)].filter(Boolean).join(' · ')))));
  }
  if (matches.length > MAX_SEARCH_RESULTS) {
    list.appendChild(el('li', { className: 'hint' }, `${matches.length - MAX_SEARCH_RESULTS} more; type more of the name`));
  }
  if (matches.length === 0) {
    list.appendChild(el('li', { className: 'hint' }, hidden ? `No visible match (${hidden} hidden by filters)` : 'No match'));
  }
}

// ---------------------------------------------------------------------------------------------
// referral paths

function setPathEnd(which, id) {
  if (which === 'from') state.pathFrom = id; else state.pathTo = id;
  for (const [key, value] of [['path-from', state.pathFrom], ['path-to', state.pathTo]]) {
    const dd = byId(key);
    dd.textContent = value ? nameOf(value) : '—';
    dd.classList.toggle('empty', !value);
    dd.dataset.id = value || '';
  }
  byId('find-path').disabled = !(state.pathFrom && state.pathTo && state.pathFrom !== state.pathTo);
}

function describeUnreachable(item) {
  if (item === null || item === undefined) return '';
  if (typeof item !== 'object') return String(item);
  if (item.id && item.reason) return `${nameOf(item.id)}: ${item.reason}`;
  return Object.values(item).filter((v) => typeof v === 'string' || typeof v === 'number').map(String).join(' · ');
}

async function findPath() {
  const message = byId('path-message');
  const list = clear(byId('path-results'));
  clearPathHighlight();
  say(message, 'Searching…');
  // A second search (other ends) before the first answered: the first answer is not drawn over it.
  const current = pathReads.begin();
  try {
    const result = await get('/api/referrals', { from: state.pathFrom, to: state.pathTo, k: 3 });
    if (!current()) return;
    state.paths = Array.isArray(result.paths) ? result.paths : [];
    if (state.paths.length === 0) {
      const reasons = (result.unreachable || []).map(describeUnreachable).filter(Boolean);
      say(message, `No referral path${reasons.length ? `: ${reasons.join('; ')}` : ''}`, true);
      return;
    }
    say(message, `${state.paths.length} path${state.paths.length > 1 ? 's' : ''}; click one to highlight it.`);
    state.paths.forEach((path, i) => {
      const details = [
        typeof path.score === 'number' ? `score ${path.score.toFixed(2)}` : null,
        path.firstAsk ? `first ask: ${nameOf(path.firstAsk)}` : null,
        path.explanation || null,
      ].filter(Boolean).join(' · ');
      list.appendChild(el('li', { dataset: { index: i }, onclick: () => highlightPath(i) },
        (path.nodes || []).map(nameOf).join(' → '), el('span', { className: 'sub' }, details)));
    });
    highlightPath(0);
  } catch (e) {
    if (!current()) return;
    say(message, e instanceof ApiError ? `Path search failed: ${e.message}` : String(e), true);
  }
}

/**
 * Path and focus views lay their nodes out afresh (a line for a path, fCoSE for a coalition); the
 * positions they had are kept and come back when the view is cleared.
 */
function saveAndMove(nodes, positions) {
  restorePositions(false);
  state.savedPositions = new Map(nodes.map((n) => [n.id(), { ...n.position() }]));
  return Promise.all(nodes.map((n) => n.animation({ position: positions.get(n.id()) }, { duration: 350 }).play().promise()));
}

function restorePositions(animate) {
  if (!cy || !state.savedPositions) return;
  const saved = state.savedPositions;
  state.savedPositions = null;
  cy.batch(() => saved.forEach((p, id) => {
    const node = cy.getElementById(id);
    if (node.empty()) return;
    node.stop(true, true);
    if (animate) node.animate({ position: p }, { duration: 300 }); else node.position(p);
  }));
}

/**
 * A path's nodes from left to right through where they were, as far apart as the canvas allows; when
 * names are wider than the spacing, every other node goes up a row so neighbours' names never meet.
 */
function lineOf(nodes) {
  const count = nodes.length;
  const zoom = Math.max(cy.zoom(), 0.05);
  const cx = nodes.reduce((sum, n) => sum + n.position().x, 0) / count;
  const cyy = nodes.reduce((sum, n) => sum + n.position().y, 0) / count;
  const first = nodes[0].position();
  const last = nodes[count - 1].position();
  const flip = last.x < first.x;
  const widest = Math.max(...nodes.map((n) => String(n.data('name')).length * 8.5 + 16));
  const largest = Math.max(...nodes.map((n) => n.data('size') || 10)) * zoom;
  const gapPx = Math.max(60, Math.min(widest, (cy.width() - 140) / Math.max(1, count - 1)));
  const rowPx = gapPx < widest ? largest / 2 + 26 : 12;
  const positions = new Map();
  nodes.forEach((n, i) => {
    const offset = ((i - (count - 1) / 2) * gapPx * (flip ? -1 : 1)) / zoom;
    positions.set(n.id(), { x: cx + offset, y: cyy + ((i % 2 ? rowPx : -rowPx) / zoom) });
  });
  return positions;
}

function clearPathHighlight() {
  if (!cy) return;
  state.activePath = null;
  restorePositions(false);
  cy.batch(() => {
    cy.remove('edge.path-extra');
    cy.elements().removeClass('path faded');
  });
  refreshLabels();
  document.querySelectorAll('#path-results li').forEach((li) => li.classList.remove('active'));
}

function highlightPath(index) {
  clearPathHighlight();
  const path = state.paths[index];
  if (!path || !cy) return;
  const ids = (path.nodes || []).filter((id) => cy.getElementById(id).nonempty());
  cy.batch(() => {
    let highlighted = cy.collection();
    ids.forEach((id, i) => {
      const node = cy.getElementById(id);
      highlighted = highlighted.union(node);
      if (i + 1 < ids.length) {
        const next = cy.getElementById(ids[i + 1]);
        let edge = node.edgesWith(next);
        if (edge.empty()) {
          // The hop is a tie outside the drawn scope: draw it for the highlight only.
          edge = cy.add({ group: 'edges', data: { id: `path-${i}`, source: id, target: ids[i + 1] }, classes: 'path-extra' });
        }
        highlighted = highlighted.union(edge);
      }
    });
    highlighted.removeClass('hidden');
    highlighted.addClass('path');
    cy.elements().not(highlighted).addClass('faded');
  });
  state.activePath = index;
  const item = document.querySelector(`#path-results li[data-index="${index}"]`);
  if (item) item.classList.add('active');
  const nodes = ids.map((id) => cy.getElementById(id));
  if (nodes.length > 1) {
    // Fit first, so the line's spacing is measured at the zoom she will see it at.
    fitTo(cy.collection(nodes), 80);
    const positions = lineOf(nodes);
    saveAndMove(nodes, positions).then(() => {
      if (state.activePath === index) fitTo(cy.nodes('.path'), 50);
      refreshLabels();
    });
  } else {
    fitTo(cy.nodes('.path'), 80);
  }
  refreshLabels();
  updateStatus();
  shareView();
}

function clearPath() {
  clearPathHighlight();
  pathReads.begin(); // nor over a cleared one
  state.paths = [];
  state.activePath = null;
  clear(byId('path-results'));
  say(byId('path-message'), '');
  setPathEnd('from', null);
  setPathEnd('to', null);
  applyFilters();
}

// ---------------------------------------------------------------------------------------------
// legend

/** What the legend shows, shared by the page's legend and the exports. */
function legendModel(hasScores = true) {
  const ranked = [...state.coalitions.values()].sort((a, b) => a.rank - b.rank);
  const coalitions = ranked.slice(0, COALITION_PALETTE.length).map((c) => {
    const themes = c.themes.slice(0, 2).map((t) => enumLabel(t.theme ?? t.value)).join(', ');
    const core = c.core.slice(0, 1).map((m) => shorten(m.name || nameOf(m.id))).join(', ');
    return { id: c.id, colour: c.color, text: [`#${c.id} · ${c.size} members`, themes, core ? `core: ${core}` : null].filter(Boolean).join(' · ') };
  });
  const rest = ranked.length - COALITION_PALETTE.length;
  const other = rest > 0 ? `${rest} smaller coalitions` : ranked.length === 0 ? 'No coalitions' : null;
  return {
    coalitions, other,
    kinds: KINDS.map((kind) => ({ kind, text: kindLabel(kind) })),
    risks: Object.keys(RISK_BORDER).map((level) => ({
      level,
      text: { NONE: 'No known risk (thin solid border)', ELEVATED: 'Elevated risk (dashed border)', HIGH: 'High risk (thick double border)' }[level],
    })),
    size: hasScores ? `Size: ${byId('size-metric').selectedOptions[0].textContent} (square-root scale).` : '',
  };
}

/** The legend: each entry a button (coalition: focus it; kind: show or hide it; risk: filter by it). */
function drawLegend(hasScores) {
  const model = legendModel(hasScores);
  const list = clear(byId('legend-coalitions'));
  byId('legend-modularity').textContent = state.modularity === null ? '' : `modularity ${formatNumber(state.modularity)}`;
  for (const c of model.coalitions) {
    const active = state.focusCoalition !== null && String(state.focusCoalition) === String(c.id);
    list.appendChild(el('li', { className: active ? 'clickable active' : 'clickable', dataset: { coalition: c.id } },
      el('button', {
        type: 'button', className: 'legend-button', 'aria-pressed': active ? 'true' : 'false',
        title: 'Focus this coalition (again to show all)', onclick: () => focusCoalition(c.id),
      }, el('span', { className: 'swatch', style: { background: c.colour } }), el('span', {}, c.text))));
  }
  if (model.other) {
    list.appendChild(el('li', {}, el('span', { className: 'swatch', style: { background: OTHER_COLOUR } }), el('span', {}, model.other)));
  }
  const shown = currentFilter();
  const kinds = clear(byId('legend-kinds'));
  for (const k of model.kinds) {
    const on = shown.kinds.size === 0 || shown.kinds.has(k.kind);
    kinds.appendChild(el('li', { dataset: { kind: k.kind } }, el('button', {
      type: 'button', className: 'legend-button', 'aria-pressed': on ? 'true' : 'false', title: `Show or hide ${k.text} nodes`,
      onclick: () => toggleKind(k.kind),
    }, el('span', { className: `shape shape-${k.kind}`, title: SHAPES[k.kind] }), el('span', {}, k.text))));
  }
  const risk = clear(byId('legend-risk'));
  for (const r of model.risks) {
    const b = RISK_BORDER[r.level];
    const on = shown.risk === r.level;
    risk.appendChild(el('li', { dataset: { risk: r.level } }, el('button', {
      type: 'button', className: 'legend-button', 'aria-pressed': on ? 'true' : 'false', title: `Show only nodes with ${r.text.split(' (')[0].toLowerCase()} (again to show all)`,
      onclick: () => { setSelect('filter-risk', on ? '' : r.level); applyFilters(); drawLegend(true); },
    }, el('span', {
      className: `ring ring-${r.level}`,
      style: { borderColor: b.color, borderStyle: b.style, borderWidth: `${Math.min(b.width, 4.5)}px` },
    }), el('span', {}, r.text))));
  }
  byId('legend-size').textContent = model.size ? `${model.size} Names are shown where they do not overlap; zoom in for more.` : '';
}

function toggleKind(kind) {
  const input = document.querySelector(`#filter-kinds input[value="${CSS.escape(kind)}"]`);
  if (!input) return;
  input.checked = !input.checked;
  applyFilters();
  drawLegend(true);
}

/** Focuses a coalition (again: shows all): the others fade, its members are laid out afresh. */
async function focusCoalition(id) {
  if (!cy) return;
  restorePositions(false);
  state.focusCoalition = state.focusCoalition === id ? null : id;
  cy.batch(() => {
    cy.elements().removeClass('faded focus');
    if (state.focusCoalition !== null) {
      const members = cy.nodes().filter((n) => n.data('coalition') === id);
      members.addClass('focus');
      cy.elements().not(members.union(members.edgesWith(members))).addClass('faded');
    }
  });
  document.querySelectorAll('#legend-coalitions li[data-coalition]').forEach((li) => {
    const active = state.focusCoalition !== null && li.dataset.coalition === String(id);
    li.classList.toggle('active', active);
    const button = li.querySelector('button');
    if (button) button.setAttribute('aria-pressed', active ? 'true' : 'false');
  });
  shareView();
  if (state.focusCoalition === null) {
    refreshLabels();
    return;
  }
  const members = cy.nodes(':visible').filter((n) => n.data('coalition') === id);
  if (members.length > 1) {
    const positions = await layoutByGroup(
      members.map((n) => ({ id: n.id(), size: n.data('size'), group: null })),
      members.edgesWith(members).map((e) => ({ source: e.source().id(), target: e.target().id() })));
    if (state.focusCoalition !== id) return;
    // The fresh drawing, centred where the coalition was.
    const bb = members.boundingBox();
    const centre = { x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2 };
    let mx = 0; let my = 0;
    positions.forEach((p) => { mx += p.x; my += p.y; });
    mx /= positions.size; my /= positions.size;
    // Spread the drawing so its names have room: about 60 model units per member around the centre.
    let radius = 1;
    positions.forEach((p) => { radius = Math.max(radius, Math.hypot(p.x - mx, p.y - my)); });
    const spread = Math.max(1, (Math.sqrt(positions.size) * 60) / radius);
    positions.forEach((p, key) => positions.set(key, { x: (p.x - mx) * spread + centre.x, y: (p.y - my) * spread + centre.y }));
    await saveAndMove(members.toArray(), positions);
    if (state.focusCoalition !== id) return;
  }
  fitTo(members, 40);
  refreshLabels();
}

// ---------------------------------------------------------------------------------------------
// exports

function stamp() {
  return new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
}

/** What an exported picture says about itself: title, scope, graph version, date, legend, mark. */
function exportMeta() {
  const filter = currentFilter();
  const allKinds = [...document.querySelectorAll('#filter-kinds input')].map((i) => i.value);
  const scope = [
    filter.region ? `Region: ${enumLabel(filter.region)}` : 'All regions',
    filter.theme ? `Theme: ${enumLabel(filter.theme)}` : 'all themes',
    filter.risk ? `Risk: ${byId('filter-risk').selectedOptions[0].textContent}` : null,
    filter.kinds.size < allKinds.length ? `Kinds: ${[...filter.kinds].map(kindLabel).join(', ') || 'none'}` : null,
    `Size by ${byId('size-metric').selectedOptions[0].textContent}`,
    state.focusCoalition !== null ? `Coalition #${state.focusCoalition} in focus` : null,
    state.activePath !== null ? `Path: ${((state.paths[state.activePath] || {}).nodes || []).map(nameOf).join(' → ')}` : null,
    `${cy.nodes(':visible').length} nodes shown`,
  ].filter(Boolean);
  const model = legendModel(true);
  const notes = [model.size, model.other, 'Colour: coalition · shape: kind · border: risk'].filter(Boolean);
  return {
    title: 'civnet network map',
    scope,
    version: state.graphVersion === null ? 'graph version unknown' : `Graph version ${state.graphVersion}`,
    date: `Exported ${formatDate(new Date().toISOString())}`,
    pseudonymised: pseudonymised(),
    legend: { coalitions: model.coalitions, kinds: model.kinds, risks: model.risks, notes },
  };
}

async function exportPng() {
  if (!cy) return;
  try {
    download(await pngBlob(cy, exportMeta()), `civnet-map-${stamp()}.png`);
  } catch (e) {
    say(byId('status'), `The PNG could not be made: ${e.message}`, true);
  }
}

function exportSvg() {
  if (!cy) return;
  download(new Blob([svgText(cy, exportMeta())], { type: 'image/svg+xml' }), `civnet-map-${stamp()}.svg`);
}

export function currentGexf() {
  const nodes = cy.nodes(':visible');
  const edges = cy.edges(':visible').filter((e) => !e.hasClass('path-extra'));
  const filter = currentFilter();
  const description = [
    `civnet map: ${nodes.length} nodes, ${edges.length} ties`,
    `size by ${state.metric}`,
    filter.region ? `region ${filter.region}` : null,
    filter.theme ? `theme ${filter.theme}` : null,
    filter.risk ? `risk ${filter.risk}` : null,
  ].filter(Boolean).join('; ');
  return toGexf(nodes, edges, { description });
}

function exportGexf() {
  if (!cy) return;
  download(new Blob([currentGexf()], { type: 'application/xml' }), `civnet-map-${stamp()}.gexf`);
}

// ---------------------------------------------------------------------------------------------
// wiring

let wired = false;

/** Connects the controls once. */
export function wireControls() {
  if (wired) return;
  wired = true;
  byId('size-metric').addEventListener('change', changeMetric);
  for (const id of ['filter-region', 'filter-theme', 'filter-risk']) {
    byId(id).addEventListener('change', applyFilters);
  }
  let searchTimer = null;
  byId('search').addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(updateSearch, 120);
  });
  byId('search').addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      const first = document.querySelector('#search-results button');
      if (first) first.click();
    }
  });
  byId('relayout').addEventListener('click', relayoutVisible);
  byId('fit').addEventListener('click', () => cy && fitTo(cy.nodes(':visible'), 20));
  byId('find-path').addEventListener('click', findPath);
  byId('clear-path').addEventListener('click', clearPath);
  byId('export-png').addEventListener('click', exportPng);
  byId('export-svg').addEventListener('click', exportSvg);
  wireKeys(byId('cy'), {
    cy: () => cy, move: moveTo, open: (id) => select(id, false), clear: clearSelection, announce,
  });
  byId('export-gexf').addEventListener('click', exportGexf);
}

/** Forgets the map (on logout). */
export function closeMap() {
  if (cy) {
    cy.destroy();
    cy = null;
  }
  state.nodesById.clear();
  state.coalitions.clear();
  state.paths = [];
  state.activePath = null;
  state.savedPositions = null;
  state.focusCoalition = null;
  scheduleLabels = () => {};
  setPathEnd('from', null);
  setPathEnd('to', null);
  clear(byId('path-results'));
  say(byId('path-message'), '');
  clear(byId('search-results'));
  byId('search').value = '';
  clearDetails();
  delete window.civnetMap;
}

// ---------------------------------------------------------------------------------------------
// hooks for the analysis panel (app/analysis/*): highlight and centre nodes, hear selections.
// Everything the panel needs from the map goes through these exports; they add their own class
// and style, so they never undo a referral path's highlight, the filters or the labels.

const ANALYSIS_STYLE = [
  { selector: 'node.analysis', style: { 'border-width': 4, 'border-color': '#111', 'min-zoomed-font-size': 0, 'z-index': 25, opacity: 1, 'text-opacity': 1 } },
  { selector: 'node.analysis-key', style: { 'border-width': 6, 'border-color': '#b3261e', 'border-style': 'double' } },
  { selector: 'edge.analysis', style: { width: 4, 'line-color': '#b3261e', opacity: 1, 'z-index': 25, 'curve-style': 'straight' } },
  { selector: '.analysis-faded', style: { opacity: 0.1, 'text-opacity': 0 } },
];
const selectListeners = [];
let styledCy = null;

function ensureAnalysisStyle() {
  if (styledCy === cy) return;
  styledCy = cy;
  const style = cy.style();
  for (const rule of ANALYSIS_STYLE) style.selector(rule.selector).style(rule.style);
  style.update();
  cy.on('select', 'node', (event) => selectListeners.forEach((listener) => listener(event.target.id())));
}

/**
 * Highlights `ids` (the rest of the map fades), `key` ids get a second, red ring (e.g. the broker a
 * group depends on); `edges` (pairs of ids) are drawn too, as a tie of the map or a dashed new one.
 * `centre`: bring them into view (true), or only the node of that id; `select`: the one id whose details the side panel shows.
 * Returns the ids that are on the map.
 */
export function highlight(ids, { centre: bringIntoView = true, key = [], edges = [], select: selectId = null } = {}) {
  if (!cy) return [];
  ensureAnalysisStyle();
  clearHighlight();
  const nodes = cy.collection(ids.map((id) => cy.getElementById(id)).filter((n) => n.nonempty()));
  let lit = nodes;
  cy.batch(() => {
    edges.forEach(([from, to], i) => {
      const a = cy.getElementById(from);
      const b = cy.getElementById(to);
      if (a.empty() || b.empty()) return;
      let edge = a.edgesWith(b);
      if (edge.empty()) {
        edge = cy.add({ group: 'edges', data: { id: `analysis-${i}`, source: from, target: to }, classes: 'analysis-extra' });
        edge.style({ 'line-style': 'dashed' });
      }
      lit = lit.union(edge);
    });
    lit.removeClass('hidden').addClass('analysis');
    cy.collection(key.map((id) => cy.getElementById(id)).filter((n) => n.nonempty())).addClass('analysis-key');
    cy.elements().not(lit).addClass('analysis-faded');
  });
  if (selectId && cy.getElementById(selectId).nonempty()) {
    select(selectId, false);
  }
  const one = typeof bringIntoView === 'string' ? cy.getElementById(bringIntoView) : nodes;
  if (bringIntoView && one.nonempty()) {
    if (one.length === 1) {
      // Centred on the node itself: its bounding box would include a label sized for the old zoom.
      const zoom = Math.max(cy.zoom(), 1.2);
      const p = one.position();
      cy.viewport({ zoom, pan: { x: cy.width() / 2 - p.x * zoom, y: cy.height() / 2 - p.y * zoom } });
    } else {
      fitTo(nodes, 60);
    }
  }
  refreshLabels();
  return nodes.map((n) => n.id());
}

/** Ends the analysis highlight (the map's own path and focus highlights stay). */
export function clearHighlight() {
  if (!cy) return;
  cy.batch(() => {
    cy.remove('edge.analysis-extra');
    cy.elements().removeClass('analysis analysis-key analysis-faded');
  });
  refreshLabels();
}

/** Calls `listener(id)` whenever a node is selected on the map (a click, a search, a row). */
export function onSelect(listener) {
  if (!selectListeners.includes(listener)) selectListeners.push(listener);
  if (cy) ensureAnalysisStyle();
}

/** The id of the node selected on the map, or null. */
export function selectedNode() {
  const node = cy ? cy.nodes(':selected') : null;
  return node && node.nonempty() ? node[0].id() : null;
}

/** The ids of the nodes on the map whose data (id, name, label, kind, region, themes, riskLevel) passes `test`. */
export function nodesWhere(test) {
  return cy ? cy.nodes().filter((n) => test(n.data())).map((n) => n.id()) : [];
}

/** Tells Cytoscape its container changed size (the panel opened or closed). */
export function resizeMap() {
  if (cy) cy.resize();
}
// ---------------------------------------------------------------------------------------------
