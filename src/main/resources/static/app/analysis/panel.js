// The analysis panel below the map: brokers, groups at risk, a resilience what-if and coverage,
// each a table linked both ways with the map (a row highlights and centres its nodes; a node
// selected on the map selects its row). The open view is kept in the address
// (#/map?analysis=brokers), next to whatever else of the map's state is there.
import { html, nothing, render } from '../html.js';
import { clearHighlight, highlight, onSelect, resizeMap } from '../map.js';
import { replaceRoute } from '../router.js';
import brokers from './brokers.js';
import isolation from './isolation.js';
import resilience from './resilience.js';
import coverage from './coverage.js';

const VIEWS = [brokers, isolation, resilience, coverage];
const byId = new Map(VIEWS.map((v) => [v.id, v]));

let host = null;
let mapInstance = null;

/** What every view shares: the open view, the selected row, and how a row reaches the map. */
const ctx = {
  open: null,
  selected: null,
  larger: false,
  params: {},
  update: () => draw(),
  /** Highlights ids on the map for the row `key` (see map.js highlight for the options). */
  show(key, ids, options = {}) {
    ctx.selected = key;
    ctx.fromRow = true;
    try {
      highlight(ids, options);
    } finally {
      ctx.fromRow = false;
    }
    draw();
  },
  clear() {
    ctx.selected = null;
    clearHighlight();
    draw();
  },
  /** Opens another view (e.g. the what-if from a broker's row). */
  go(view) {
    openView(view);
  },
  writeUrl() {
    writeUrl();
  },
  views: byId,
};

function writeUrl() {
  const text = location.hash.replace(/^#\/?/, '');
  const [path, query] = text.split('?');
  if (path !== 'map' && !(path === '' && !document.getElementById('map-view').hidden)) return;
  const params = new URLSearchParams(query || '');
  if (ctx.open) params.set('analysis', ctx.open); else params.delete('analysis');
  const view = byId.get(ctx.open);
  for (const name of ['asOf']) params.delete(name);
  if (view && view.urlParams) {
    for (const [name, value] of Object.entries(view.urlParams(ctx))) if (value) params.set(name, value);
  }
  const next = params.toString();
  const hash = `#/map${next ? `?${next}` : ''}`;
  if (hash !== location.hash) replaceRoute(hash);
}

function openView(id) {
  const view = byId.get(id) || null;
  const changed = ctx.open !== (view ? view.id : null);
  ctx.open = view ? view.id : null;
  if (changed) ctx.selected = null;
  const mapView = host.closest('.map-view');
  mapView.classList.toggle('analysis-open', Boolean(view));
  place();
  resizeMap();
  writeUrl();
  draw();
  if (view) view.load(ctx).then(draw, draw);
}

function close() {
  clearHighlight();
  openView(null);
}

/** A node selected on the map: its row in the open view, selected and scrolled into view. */
function nodeSelected(id) {
  if (ctx.fromRow || !ctx.open) return;
  const view = byId.get(ctx.open);
  const key = view.rowFor ? view.rowFor(id, ctx) : null;
  if (key) ctx.selected = key;
  draw();
  if (!key) return;
  const row = host.querySelector(`tr[data-key="${CSS.escape(key)}"]`);
  if (row) row.scrollIntoView({ block: 'nearest' });
}

function toggleLarger() {
  ctx.larger = !ctx.larger;
  host.closest('.map-view').classList.toggle('analysis-large', ctx.larger);
  resizeMap();
  draw();
}

function tabKeydown(event) {
  if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
  const tabs = [...host.querySelectorAll('[role=tab]')];
  const at = tabs.indexOf(event.target);
  const next = tabs[(at + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
  next.focus();
  event.preventDefault();
}

function draw() {
  if (!host) return;
  const view = byId.get(ctx.open);
  render(html`
    <div class="analysis-bar">
      <h2 id="analysis-title">Analyses</h2>
      <div role="tablist" aria-labelledby="analysis-title" class="analysis-tabs" @keydown=${tabKeydown}>
        ${VIEWS.map((v) => html`<button type="button" role="tab" id=${`analysis-tab-${v.id}`} data-analysis=${v.id}
            aria-selected=${v.id === ctx.open ? 'true' : 'false'} aria-controls="analysis-body"
            @click=${() => openView(v.id)}>${v.label}</button>`)}
      </div>
      ${view ? html`<button type="button" id="analysis-larger" aria-pressed=${ctx.larger ? 'true' : 'false'}
          @click=${toggleLarger}>${ctx.larger ? 'Smaller panel' : 'Larger panel'}</button>
        <button type="button" id="analysis-clear" class="link" @click=${() => ctx.clear()}
          ?disabled=${ctx.selected === null}>Clear highlight</button>
        <button type="button" id="analysis-close" aria-label="Close the analysis panel" @click=${close}>Close ✕</button>` : nothing}
    </div>
    ${view ? html`<div id="analysis-body" class="analysis-body" role="tabpanel" data-view=${view.id}
        aria-labelledby=${`analysis-tab-${view.id}`}>${view.render(ctx)}</div>` : nothing}
  `, host);
}

/** The panel starts where the controls column ends (its width is the map's business). */
function place() {
  const controls = document.querySelector('#map-view .controls');
  if (host && controls && controls.offsetWidth) host.style.left = `${controls.offsetWidth}px`;
}

/**
 * Mounts the panel under the map (once per drawn map) and opens `params.analysis`, if any.
 * Called by main.js showMap after the map is drawn.
 */
export function showAnalysis(params = {}) {
  const area = document.getElementById('map-view');
  if (!area) return;
  if (!host) {
    window.addEventListener('resize', place);
    host = document.createElement('section');
    host.id = 'analysis-panel';
    host.className = 'analysis-panel';
    host.setAttribute('aria-label', 'Analyses');
    area.appendChild(host);
  }
  if (window.civnetMap !== mapInstance) {
    // A newly drawn map (another login): the answers of the last one are not hers.
    mapInstance = window.civnetMap;
    VIEWS.forEach((v) => v.reset && v.reset());
    ctx.selected = null;
    onSelect(nodeSelected);
  }
  ctx.params = params;
  VIEWS.forEach((v) => v.attach && v.attach(ctx));
  VIEWS.forEach((v) => v.fromUrl && v.fromUrl(params));
  if (params.analysis && byId.has(params.analysis)) {
    openView(params.analysis);
  } else {
    openView(ctx.open);
  }
}
