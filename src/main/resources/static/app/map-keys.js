// Keyboard use of the graph: the canvas takes focus (Tab reaches it like any control); the arrow
// keys move the selection to the nearest visible node in that direction, Home to the most central
// visible node, Enter opens the selected node's details, Escape clears the selection. A live
// region says which node is selected, so the move is heard as well as seen.

const DIRECTIONS = {
  ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1],
};

/** The visible, not faded node nearest to `from` in direction `[dx, dy]` (within ±60°), or null. */
export function nearestInDirection(cy, from, [dx, dy]) {
  const p = from.position();
  let best = null;
  let bestCost = Infinity;
  cy.nodes().forEach((node) => {
    if (node.same(from) || node.hasClass('hidden') || node.hasClass('faded')) return;
    const q = node.position();
    const vx = q.x - p.x;
    const vy = q.y - p.y;
    const along = vx * dx + vy * dy;
    if (along <= 0) return;
    const across = Math.abs(vx * dy - vy * dx);
    if (across > along * 1.8) return; // outside the cone
    const cost = along + 2 * across;
    if (cost < bestCost) {
      bestCost = cost;
      best = node;
    }
  });
  return best;
}

/** The visible node nearest the middle of the view. */
function nearestToCentre(cy) {
  const e = cy.extent();
  const cx = (e.x1 + e.x2) / 2;
  const cyy = (e.y1 + e.y2) / 2;
  let best = null;
  let bestDistance = Infinity;
  cy.nodes().forEach((node) => {
    if (node.hasClass('hidden') || node.hasClass('faded')) return;
    const q = node.position();
    const d = Math.hypot(q.x - cx, q.y - cyy);
    if (d < bestDistance) {
      bestDistance = d;
      best = node;
    }
  });
  return best;
}

/**
 * Wires the keys on the graph's container.
 * @param {HTMLElement} container  the #cy element
 * @param {object} map  {cy(), move(id) (select without details, keep in view), open(id) (details), clear(), announce(text)}
 */
export function wireKeys(container, map) {
  container.tabIndex = 0;
  container.setAttribute('role', 'application');
  container.setAttribute('aria-roledescription', 'network graph');
  container.setAttribute('aria-label',
    'Network graph. Arrow keys move between nodes, Home goes to the most central node, Enter opens the details, Escape clears the selection.');
  container.addEventListener('keydown', (event) => {
    const cy = map.cy();
    if (!cy || event.altKey || event.ctrlKey || event.metaKey) return;
    const selected = cy.nodes(':selected').filter((n) => !n.hasClass('hidden'));
    if (DIRECTIONS[event.key]) {
      event.preventDefault();
      const from = selected.nonempty() ? selected[0] : null;
      const next = from ? nearestInDirection(cy, from, DIRECTIONS[event.key]) : nearestToCentre(cy);
      if (next) map.move(next.id());
      else map.announce('No node further in that direction.');
    } else if (event.key === 'Home') {
      event.preventDefault();
      const hubs = cy.nodes('.hub').filter((n) => !n.hasClass('hidden') && !n.hasClass('faded'));
      const pool = hubs.nonempty() ? hubs : cy.nodes().filter((n) => !n.hasClass('hidden'));
      const top = pool.max((n) => n.data('size') || 0).ele;
      if (top) map.move(top.id());
    } else if (event.key === 'Enter' || event.key === ' ') {
      if (selected.nonempty()) {
        event.preventDefault();
        map.open(selected[0].id());
      }
    } else if (event.key === 'Escape') {
      if (selected.nonempty()) {
        event.preventDefault();
        map.clear();
      }
    }
  });
}
