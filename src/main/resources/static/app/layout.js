// Layout by coalition, so the 2,000-contact demo network is readable in a few seconds.
//
// fCoSE's force-directed phase runs at least 5·n iterations (layout-base's FDLayout), each over all
// n nodes: for the demo network (about 2,400 nodes, 15,000 ties) that took minutes in headless
// Chromium, and fCoSE's "draft" quality (its spectral phase alone) on the whole graph draws one
// hairball. Coalitions are what the map is about, so the map lays out each coalition on its own
// with fCoSE's spectral phase (fast on a few hundred nodes), then places the coalitions with the
// full fCoSE on a small graph whose nodes are discs as large as each coalition's drawing and
// whose edges join coalitions that share the most ties.
//
// Everything runs in headless Cytoscape instances that hold only ids, sizes and ties (no labels
// to measure, nothing to draw); the caller applies the positions in one batch.
/* global cytoscape */

/** fCoSE's spectral phase for one coalition. */
const GROUP_LAYOUT = {
  name: 'fcose',
  quality: 'draft',
  randomize: true,
  animate: false,
  fit: false,
  packComponents: false,
  samplingType: true,
  sampleSize: 25,
  // Spectral coordinates scale with this; wide enough that the nodes of a coalition rarely overlap.
  nodeSeparation: 160,
};

/** The full fCoSE for the graph of coalitions: discs that do not overlap, pulled together by shared ties. */
const COALITION_LAYOUT = {
  name: 'fcose',
  quality: 'proof',
  randomize: true,
  animate: false,
  fit: false,
  packComponents: false,
  nodeSeparation: 80,
  nodeRepulsion: () => 60000,
  edgeElasticity: () => 0.2,
  gravity: 0.6,
  gravityRange: 2.0,
  numIter: 2500,
  tile: false,
};

/** The whole graph at once, when there are no coalitions to group by. */
const WHOLE_LAYOUT = {
  name: 'fcose', quality: 'draft', randomize: true, animate: false, fit: false, packComponents: false,
};

/** Space between two coalitions' discs, in model units. */
const GAP = 30;
/** How many links each coalition keeps in the coalition graph. */
const LINKS_PER_COALITION = 3;
const NO_GROUP = '\u0000none';

const SIZE_STYLE = [{ selector: 'node', style: { width: 'data(size)', height: 'data(size)', shape: 'ellipse' } }];

function runOn(eles, options) {
  const layout = eles.layout(options);
  const stopped = layout.promiseOn('layoutstop');
  layout.run();
  return stopped;
}

/**
 * Positions for a graph laid out by group.
 * @param {Array<{id: string, size: number, group: *}>} nodes
 * @param {Array<{source: string, target: string}>} edges  ties between those nodes
 * @returns {Promise<Map<string, {x: number, y: number}>>}
 */
export async function layoutByGroup(nodes, edges) {
  // fCoSE starts from random positions: with Math.random seeded for the layout, the same network
  // gives the same picture in every browser, so a colleague opening a shared view sees what she saw.
  const random = Math.random;
  Math.random = seeded(42);
  try {
    return await layoutSeeded(nodes, edges);
  } finally {
    Math.random = random;
  }
}

/** mulberry32: a small seeded generator of numbers in [0, 1). */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function layoutSeeded(nodes, edges) {
  const groupOf = new Map(nodes.map((n) => [n.id, n.group ?? NO_GROUP]));
  const groups = new Map();
  for (const n of nodes) {
    const key = groupOf.get(n.id);
    if (!groups.has(key)) groups.set(key, { nodes: [], edges: [] });
    groups.get(key).nodes.push(n);
  }
  const links = new Map();
  for (const e of edges) {
    const a = groupOf.get(e.source);
    const b = groupOf.get(e.target);
    if (a === undefined || b === undefined) continue;
    if (a === b) {
      groups.get(a).edges.push(e);
    } else {
      const [x, y] = String(a) < String(b) ? [a, b] : [b, a];
      const key = `${x}\u0000${y}`;
      const link = links.get(key) || { a: x, b: y, ties: 0 };
      link.ties++;
      links.set(key, link);
    }
  }

  const positions = new Map();
  if (groups.size <= 1) {
    const [only] = groups.values();
    await layoutGraph(only ? only.nodes : [], only ? only.edges : [], WHOLE_LAYOUT, positions);
    return positions;
  }

  // 1. Each group on its own (in its own small instance, so fCoSE's neighbourhood walks stay
  //    inside the group), centred on the origin; remember the radius of its drawing.
  const radius = new Map();
  for (const [key, group] of groups) {
    if (group.nodes.length <= 2) {
      group.nodes.forEach((n, i) => positions.set(n.id, { x: i * 40 - (group.nodes.length - 1) * 20, y: 0 }));
    } else {
      await layoutGraph(group.nodes, group.edges, GROUP_LAYOUT, positions);
    }
    radius.set(key, centre(group.nodes, positions));
  }

  // 2. The groups as discs, joined where they share ties.
  const discId = new Map([...groups.keys()].map((key, i) => [key, `g${i}`]));
  const discs = cytoscape({
    headless: true,
    styleEnabled: true,
    style: SIZE_STYLE,
    elements: [
      ...[...groups.keys()].map((key) => ({ data: { id: discId.get(key), size: 2 * radius.get(key) + GAP } })),
      ...strongest(links.values()).map((link, i) => ({
        data: {
          id: `l${i}`,
          source: discId.get(link.a),
          target: discId.get(link.b),
          length: radius.get(link.a) + radius.get(link.b) + GAP,
        },
      })),
    ],
  });
  await runOn(discs.elements(), { ...COALITION_LAYOUT, idealEdgeLength: (edge) => edge.data('length') });

  // 3. Move each group onto its disc.
  for (const [key, group] of groups) {
    const disc = discs.getElementById(discId.get(key)).position();
    for (const n of group.nodes) {
      const p = positions.get(n.id);
      positions.set(n.id, { x: p.x + disc.x, y: p.y + disc.y });
    }
  }
  discs.destroy();
  return positions;
}

/** Runs `options` on a headless instance holding just these nodes and edges; records the positions. */
async function layoutGraph(nodes, edges, options, positions) {
  const instance = cytoscape({
    headless: true,
    styleEnabled: true,
    style: SIZE_STYLE,
    elements: {
      nodes: nodes.map((n) => ({ data: { id: n.id, size: n.size || 10 } })),
      edges: edges.map((e, i) => ({ data: { id: `e${i}`, source: e.source, target: e.target } })),
    },
  });
  await runOn(instance.elements(), options);
  instance.nodes().forEach((node) => {
    const p = node.position();
    positions.set(node.id(), { x: p.x, y: p.y });
  });
  instance.destroy();
}

/** Moves the nodes' drawing to be centred on the origin; returns the radius of its bounding box. */
function centre(nodes, positions) {
  let x1 = Infinity; let y1 = Infinity; let x2 = -Infinity; let y2 = -Infinity;
  for (const n of nodes) {
    const p = positions.get(n.id);
    const r = (n.size || 10) / 2;
    x1 = Math.min(x1, p.x - r); x2 = Math.max(x2, p.x + r);
    y1 = Math.min(y1, p.y - r); y2 = Math.max(y2, p.y + r);
  }
  const cx = (x1 + x2) / 2;
  const cy = (y1 + y2) / 2;
  for (const n of nodes) {
    const p = positions.get(n.id);
    positions.set(n.id, { x: p.x - cx, y: p.y - cy });
  }
  return Math.max(20, Math.hypot(x2 - x1, y2 - y1) / 2);
}

/**
 * For each group, its links with the most ties: the coalition graph would otherwise be nearly a
 * clique, which fCoSE draws as a ball with no structure.
 */
function strongest(links) {
  const byGroup = new Map();
  for (const link of links) {
    for (const g of [link.a, link.b]) {
      if (!byGroup.has(g)) byGroup.set(g, []);
      byGroup.get(g).push(link);
    }
  }
  const kept = new Set();
  for (const list of byGroup.values()) {
    list.sort((x, y) => y.ties - x.ties).slice(0, LINKS_PER_COALITION).forEach((link) => kept.add(link));
  }
  return [...kept];
}
