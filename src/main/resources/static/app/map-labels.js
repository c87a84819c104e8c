// Collision-aware labelling: names never overlap. After every zoom or pan (and after a change of
// selection, path, focus or filters) the map decides which names to draw: by priority (the selected
// node, the path, the focused coalition, the hubs, then larger nodes first) it keeps a name only if
// its drawn box overlaps no name already kept. A node's `text` data is its shown name or '' (the
// stylesheet draws `data(text)`), so "shown" is one fact the page, the exports and the tests share.
import { BASE_FONT, HUB_FONT_PX, SELECTED_FONT_PX } from './style.js';

/** Names smaller than this on screen are not drawn (the stylesheet's min-zoomed-font-size). */
const MIN_SCREEN_FONT = 8;
/** Space kept between two names, in screen pixels. */
const GAP_PX = 2;
/** Most names considered in one pass (the largest nodes first); the rest stay unnamed until zoomed in. */
const MAX_CANDIDATES = 1500;
/** A name's own box: no node body, no tap overlay, no selection outline. */
export const LABEL_BOX = {
  includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false, includeUnderlays: false, includeOutlines: false,
};

/** The text and font a node would have if its name is drawn. */
function wanted(node, zoom) {
  const emphasis = node.hasClass('path') || node.hasClass('analysis') || node.selected() ? SELECTED_FONT_PX : node.hasClass('hub') ? HUB_FONT_PX : 0;
  return emphasis
    ? { text: node.data('name'), font: emphasis / zoom, screen: emphasis, emphasis: true }
    : { text: node.data('shortName'), font: BASE_FONT, screen: BASE_FONT * zoom, emphasis: false };
}

function priority(node) {
  if (node.selected()) return 0;
  if (node.hasClass('path') || node.hasClass('analysis')) return 1;
  if (node.hasClass('focus')) return 2;
  if (node.hasClass('hub')) return 3;
  return 4;
}

function overlaps(a, b) {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/**
 * Decides which names are drawn. Only nodes on screen (and not hidden or faded) can be named;
 * every other node's text is ''. Returns how many names are shown.
 */
export function placeLabels(cy) {
  if (!cy || cy.destroyed()) return 0;
  const zoom = cy.zoom();
  const extent = cy.extent();
  const candidates = [];
  cy.nodes().forEach((node) => {
    if (node.hasClass('hidden') || node.hasClass('faded') || node.hasClass('analysis-faded')) return;
    const p = node.position();
    const r = (node.data('size') || 10) / 2;
    if (p.x + r < extent.x1 || p.x - r > extent.x2 || p.y + r < extent.y1 || p.y - r > extent.y2) return;
    const want = wanted(node, zoom);
    if (!want.text || want.screen < MIN_SCREEN_FONT) return;
    candidates.push({ node, want, rank: priority(node), size: node.data('size') || 0 });
  });
  candidates.sort((a, b) => a.rank - b.rank || b.size - a.size || (a.node.id() < b.node.id() ? -1 : 1));
  const considered = candidates.slice(0, MAX_CANDIDATES);
  const chosen = new Set(considered.map((c) => c.node.id()));

  // 1. Every candidate gets its name (so Cytoscape can measure it), everyone else none.
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      if (!chosen.has(node.id())) setText(node, '', BASE_FONT);
    });
    for (const c of considered) setText(c.node, c.want.text, c.want.font);
  });

  // 2. Greedy by priority: keep a name whose box meets no kept box (a grid finds the neighbours).
  const gap = GAP_PX / zoom;
  const cell = 120 / zoom;
  const grid = new Map();
  const dropped = [];
  let shown = 0;
  for (const c of considered) {
    const b = c.node.boundingBox(LABEL_BOX);
    if (!(b.w > 0 && b.h > 0)) continue;
    const box = { x1: b.x1 - gap, y1: b.y1 - gap, x2: b.x2 + gap, y2: b.y2 + gap };
    const cells = [];
    for (let gx = Math.floor(box.x1 / cell); gx <= Math.floor(box.x2 / cell); gx++) {
      for (let gy = Math.floor(box.y1 / cell); gy <= Math.floor(box.y2 / cell); gy++) cells.push(`${gx},${gy}`);
    }
    const clash = cells.some((key) => (grid.get(key) || []).some((other) => overlaps(box, other)));
    if (clash) {
      dropped.push(c.node);
      continue;
    }
    for (const key of cells) {
      if (!grid.has(key)) grid.set(key, []);
      grid.get(key).push(box);
    }
    shown++;
  }

  // 3. The names that lost are not drawn.
  cy.batch(() => dropped.forEach((node) => setText(node, '', BASE_FONT)));
  return shown;
}

function setText(node, text, font) {
  if (node.data('text') !== text || node.data('font') !== font) {
    node.data({ text, font });
    // Cytoscape does not see a change of a data-mapped label or font size as a change of bounds
    // (the mapping itself is unchanged), so its cached box, and the texture drawn from it, would
    // keep the old name's size: clipped names, wrong collision boxes.
    if (typeof node.dirtyBoundingBoxCache === 'function') node.dirtyBoundingBoxCache();
  }
}

/** Re-labels once the view has settled (zoom, pan, layout end), at most once per frame burst. */
export function labelWhenSettled(cy, delay = 120) {
  let timer = null;
  const run = () => {
    clearTimeout(timer);
    timer = setTimeout(() => placeLabels(cy), delay);
  };
  cy.on('zoom pan viewport', run);
  cy.on('layoutstop', run);
  return run;
}
