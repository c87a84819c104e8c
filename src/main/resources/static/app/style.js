// How the map encodes data: colour = coalition, size = the chosen centrality, shape = kind,
// border pattern and colour = risk (dashed = elevated, double = high: told apart without colour).
// Kept in one place so the legend, the exports and the graph never disagree.

/** Colours for the largest coalitions (Tableau 10 and a few more, told apart in print and on screen). */
export const COALITION_PALETTE = [
  '#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7',
  '#9c755f', '#17becf', '#bcbd22', '#8c564b', '#1f77b4', '#98df8a', '#c5b0d5', '#c49c94',
];
/** Coalitions beyond the palette, and nodes in none. */
export const OTHER_COLOUR = '#b8bec6';

export const KINDS = ['Contact', 'Organisation', 'Mandate', 'Network'];
export const SHAPES = {
  Contact: 'ellipse', Organisation: 'round-rectangle', Mandate: 'diamond', Network: 'hexagon',
};
/**
 * Risk by pattern as well as colour (Okabe–Ito vermillion and a dark red, both ≥ 3:1 against white;
 * dashed vs double, so they differ in greyscale and for colour-blind readers).
 */
export const RISK_RING = { ELEVATED: '#b35900', HIGH: '#9b1c1c' };
export const RISK_BORDER = {
  NONE: { width: 1, style: 'solid', color: '#3b4450' },
  ELEVATED: { width: 3.5, style: 'dashed', color: RISK_RING.ELEVATED },
  HIGH: { width: 7, style: 'double', color: RISK_RING.HIGH },
};
/** Every node's outline (9.9:1 against white), so light coalition colours still stand out. */
export const NODE_OUTLINE = RISK_BORDER.NONE.color;
/** Tie types with no direction: drawn without arrows. */
export const UNDIRECTED_TIES = ['KNOWS', 'PARTNERS_WITH'];
export const SELECTION_COLOUR = '#0b57d0';

export const MIN_SIZE = 12;
export const MAX_SIZE = 72;
/** How many of the most central nodes are named at every zoom level when there are no coalitions. */
export const HUBS = 12;
/** On-screen font size of the hubs' names, in pixels. */
export const HUB_FONT_PX = 13;
/** On-screen font size of the selected node's and a highlighted path's names, in pixels. */
export const SELECTED_FONT_PX = 15;
/** Font size of the other names, in model units (they appear once zoomed in far enough). */
export const BASE_FONT = 10;

/** The Cytoscape stylesheet. */
export function stylesheet() {
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(color)',
        shape: 'ellipse',
        width: 'data(size)',
        height: 'data(size)',
        // Text and size come from data (map.js refreshLabel): a short name at BASE_FONT, shown once
        // zoomed in, or a full name at a constant size on screen for hubs, paths and the selection.
        label: 'data(text)',
        'font-size': 'data(font)',
        'min-zoomed-font-size': 8,
        'text-valign': 'bottom',
        'text-margin-y': 2,
        color: '#1d232a',
        'text-outline-color': '#ffffff',
        'text-outline-width': 1.5,
        'border-width': RISK_BORDER.NONE.width,
        'border-style': RISK_BORDER.NONE.style,
        'border-color': RISK_BORDER.NONE.color,
      },
    },
    ...Object.entries(SHAPES).map(([label, shape]) => ({ selector: `node[label = "${label}"]`, style: { shape } })),
    ...['ELEVATED', 'HIGH'].map((level) => ({
      selector: `node[riskLevel = "${level}"]`,
      style: {
        'border-width': RISK_BORDER[level].width,
        'border-style': RISK_BORDER[level].style,
        'border-color': RISK_BORDER[level].color,
      },
    })),
    {
      selector: 'edge',
      style: {
        width: 0.6,
        'line-color': '#9aa3ad',
        opacity: 0.35,
        // Haystack edges are the cheapest to draw, which matters at 15,000 ties.
        'curve-style': 'haystack',
        'haystack-radius': 0,
        'target-arrow-shape': 'none',
      },
    },
    {
      // The ties of the selected node, drawn so their direction shows (none for KNOWS).
      selector: 'edge.near',
      style: {
        width: 1.5, opacity: 0.8, 'line-color': '#5d6670', 'curve-style': 'straight', 'z-index': 15,
        'target-arrow-shape': 'triangle', 'target-arrow-color': '#5d6670', 'arrow-scale': 0.8,
      },
    },
    {
      // The most central nodes keep a readable name at every zoom.
      selector: 'node.hub',
      style: { 'min-zoomed-font-size': 0, 'z-index': 10 },
    },
    { selector: '.hidden', style: { display: 'none' } },
    { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0 } },
    {
      // An outline outside the border, so the risk pattern stays visible on the selected node.
      selector: 'node:selected',
      style: {
        'outline-width': 3, 'outline-color': SELECTION_COLOUR, 'outline-offset': 2, 'outline-style': 'solid',
        'min-zoomed-font-size': 0, 'z-index': 20,
      },
    },
    {
      selector: 'node.path',
      style: {
        'outline-width': 3, 'outline-color': '#111', 'outline-offset': 2, 'outline-style': 'solid',
        opacity: 1, 'text-opacity': 1, 'min-zoomed-font-size': 0, 'z-index': 30,
      },
    },
    {
      selector: 'edge.path',
      style: {
        width: 5, 'line-color': '#b3261e', opacity: 1, 'z-index': 30, 'curve-style': 'straight',
        'target-arrow-shape': 'triangle', 'target-arrow-color': '#b3261e',
      },
    },
    // Last, so no rule above gives an undirected tie an arrow.
    ...UNDIRECTED_TIES.map((type) => ({ selector: `edge[type = "${type}"]`, style: { 'target-arrow-shape': 'none' } })),
  ];
}
