// How the map encodes data: colour = coalition, size = the chosen centrality, shape = kind,
// ring = risk. Kept in one place so the legend and the graph never disagree.

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
export const RISK_RING = { ELEVATED: '#f0a202', HIGH: '#c62828' };

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
        'border-width': 0,
      },
    },
    ...Object.entries(SHAPES).map(([label, shape]) => ({ selector: `node[label = "${label}"]`, style: { shape } })),
    {
      selector: 'node[riskLevel = "ELEVATED"]',
      style: { 'border-width': 3, 'border-color': RISK_RING.ELEVATED },
    },
    {
      selector: 'node[riskLevel = "HIGH"]',
      style: { 'border-width': 3, 'border-color': RISK_RING.HIGH },
    },
    {
      selector: 'edge',
      style: {
        width: 0.6,
        'line-color': '#9aa3ad',
        opacity: 0.35,
        // Haystack edges are the cheapest to draw, which matters at 15,000 ties.
        'curve-style': 'haystack',
        'haystack-radius': 0,
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
      selector: 'node:selected',
      style: { 'border-width': 4, 'border-color': '#111', 'min-zoomed-font-size': 0, 'z-index': 20 },
    },
    {
      selector: 'node.path',
      style: {
        'border-width': 4, 'border-color': '#111', opacity: 1, 'text-opacity': 1, 'min-zoomed-font-size': 0, 'z-index': 30,
      },
    },
    {
      selector: 'edge.path',
      style: { width: 5, 'line-color': '#d62728', opacity: 1, 'z-index': 30, 'curve-style': 'straight' },
    },
  ];
}
