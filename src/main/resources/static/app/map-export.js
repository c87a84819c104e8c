// Exports of the view on screen, as PNG and SVG, each with what makes a picture citable: a title, the
// scope (filters, size, focus, path), the graph version, the date, the legend and, for a role that
// sees pseudonyms, a visible "Pseudonymised" mark. The SVG is written here from the nodes' positions
// and styles (no Cytoscape SVG exporter is published as a WebJar); every value is XML-escaped (names
// are data). The PNG draws Cytoscape's image of the canvas on a larger canvas with the same header
// and legend.
import { escapeXml } from './gexf.js';
import { NODE_OUTLINE, RISK_BORDER, SHAPES, UNDIRECTED_TIES } from './style.js';

const HEADER = 92;
const LEGEND_WIDTH = 300;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';
const INK = '#1d232a';
const MUTED = '#4a525b';
const MARK = '#9b1c1c';

/**
 * @typedef {object} ExportMeta
 * @property {string} title
 * @property {string[]} scope      lines describing filters, size, focus, path
 * @property {string} version      "graph version 12"
 * @property {string} date         human date and time
 * @property {boolean} pseudonymised
 * @property {{coalitions: {colour: string, text: string}[], kinds: {kind: string, text: string}[],
 *            risks: {level: string, text: string}[], notes: string[]}} legend
 */

function metaLines(meta) {
  return [meta.scope.join(' · '), [meta.version, meta.date].filter(Boolean).join(' · ')];
}

const PSEUDONYM_TEXT = 'PSEUDONYMISED: protected people appear under pseudonyms';

// ---------------------------------------------------------------------------------------------
// PNG

/** A PNG blob: the header, Cytoscape's image of the viewport, the legend on the right. */
export async function pngBlob(cy, meta) {
  const scale = 2;
  const graph = cy.png({ output: 'blob', bg: '#ffffff', full: false, scale, maxWidth: 6000, maxHeight: 6000 });
  const image = await createImageBitmap(graph);
  const width = image.width + LEGEND_WIDTH * scale;
  const height = Math.max(image.height, legendHeight(meta.legend) * scale) + HEADER * scale;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  drawHeader(ctx, meta, width / scale);
  ctx.drawImage(image, 0, HEADER, image.width / scale, image.height / scale);
  ctx.strokeStyle = '#d0d4da';
  ctx.strokeRect(0.5, HEADER + 0.5, image.width / scale - 1, image.height / scale - 1);
  drawLegend(ctx, meta.legend, image.width / scale + 16, HEADER + 8);
  image.close();
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG failed'))), 'image/png'));
}

function drawHeader(ctx, meta, width) {
  ctx.fillStyle = '#f7f8fa';
  ctx.fillRect(0, 0, width, HEADER);
  ctx.fillStyle = INK;
  ctx.textBaseline = 'alphabetic';
  ctx.font = `600 20px ${FONT}`;
  ctx.fillText(fitted(ctx, meta.title, width - 28), 14, 30);
  ctx.font = `13px ${FONT}`;
  ctx.fillStyle = MUTED;
  metaLines(meta).forEach((line, i) => ctx.fillText(fitted(ctx, line, width - 28), 14, 52 + i * 18));
  if (meta.pseudonymised) {
    ctx.font = `700 13px ${FONT}`;
    const w = ctx.measureText(PSEUDONYM_TEXT).width + 16;
    const x = Math.max(14, width - w - 14);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(x, 10, w, 26);
    ctx.strokeStyle = MARK;
    ctx.lineWidth = 2;
    ctx.strokeRect(x, 10, w, 26);
    ctx.fillStyle = MARK;
    ctx.fillText(PSEUDONYM_TEXT, x + 8, 28);
  }
  ctx.strokeStyle = '#d0d4da';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(0, HEADER - 0.5);
  ctx.lineTo(width, HEADER - 0.5);
  ctx.stroke();
}

const ROW = 20;

function legendRows(legend) {
  const rows = [{ heading: 'Coalitions' }];
  legend.coalitions.forEach((c) => rows.push({ swatch: c.colour, text: c.text }));
  rows.push({ heading: 'Kinds' });
  legend.kinds.forEach((k) => rows.push({ shape: SHAPES[k.kind] || 'ellipse', text: k.text }));
  rows.push({ heading: 'Risk' });
  legend.risks.forEach((r) => rows.push({ risk: r.level, text: r.text }));
  legend.notes.forEach((n) => rows.push({ note: n }));
  return rows;
}

function legendHeight(legend) {
  return legendRows(legend).length * ROW + 24;
}

function drawLegend(ctx, legend, x, y) {
  ctx.font = `600 13px ${FONT}`;
  ctx.fillStyle = INK;
  ctx.fillText('Legend', x, y + 12);
  let top = y + 22;
  for (const row of legendRows(legend)) {
    const cy = top + ROW / 2;
    if (row.heading) {
      ctx.font = `600 12px ${FONT}`;
      ctx.fillStyle = MUTED;
      ctx.fillText(row.heading, x, cy + 4);
    } else if (row.note) {
      ctx.font = `11px ${FONT}`;
      ctx.fillStyle = MUTED;
      ctx.fillText(fitted(ctx, row.note, LEGEND_WIDTH - 24), x, cy + 4);
    } else {
      const border = RISK_BORDER[row.risk] || RISK_BORDER.NONE;
      ctx.beginPath();
      shapePath(ctx, row.shape || 'ellipse', x + 8, cy, 7);
      ctx.fillStyle = row.swatch || (row.risk ? '#ffffff' : '#8a95a3');
      ctx.fill();
      ctx.strokeStyle = border.color;
      ctx.lineWidth = row.risk ? Math.min(border.width, 4) : 1;
      ctx.setLineDash(border.style === 'dashed' ? [3, 2] : []);
      ctx.stroke();
      ctx.setLineDash([]);
      if (border.style === 'double') {
        ctx.beginPath();
        shapePath(ctx, 'ellipse', x + 8, cy, 3);
        ctx.lineWidth = 1.5;
        ctx.stroke();
      }
      ctx.font = `12px ${FONT}`;
      ctx.fillStyle = INK;
      ctx.fillText(fitted(ctx, row.text, LEGEND_WIDTH - 40), x + 22, cy + 4);
    }
    top += ROW;
  }
}

/** `text` cut with an ellipsis to `width` (never squeezed: squeezed glyphs are hard to read). */
function fitted(ctx, text, width) {
  if (ctx.measureText(text).width <= width) return text;
  let cut = text;
  while (cut.length > 1 && ctx.measureText(`${cut}…`).width > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

function shapePath(ctx, shape, x, y, r) {
  const points = polygon(shape, x, y, r * 2, r * 2);
  if (!points) {
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    return;
  }
  points.forEach(([px, py], i) => (i ? ctx.lineTo(px, py) : ctx.moveTo(px, py)));
  ctx.closePath();
}

/** The corners of a node's shape (null for an ellipse). */
function polygon(shape, x, y, w, h) {
  const hw = w / 2;
  const hh = h / 2;
  if (shape === 'diamond') return [[x, y - hh], [x + hw, y], [x, y + hh], [x - hw, y]];
  if (shape === 'hexagon') {
    return [[x - hw, y], [x - hw / 2, y - hh], [x + hw / 2, y - hh], [x + hw, y], [x + hw / 2, y + hh], [x - hw / 2, y + hh]];
  }
  if (shape === 'round-rectangle' || shape === 'rectangle') return [[x - hw, y - hh], [x + hw, y - hh], [x + hw, y + hh], [x - hw, y + hh]];
  return null;
}

// ---------------------------------------------------------------------------------------------
// SVG

const n2 = (v) => (Number.isFinite(v) ? Math.round(v * 10) / 10 : 0);
const a = (name, value) => ` ${name}="${escapeXml(value)}"`;

/** The SVG document of the viewport: header, ties, nodes, the names drawn on screen, legend. */
export function svgText(cy, meta) {
  const gw = cy.width();
  const gh = cy.height();
  const legendH = legendHeight(meta.legend);
  const width = gw + LEGEND_WIDTH;
  const height = HEADER + Math.max(gh, legendH);
  const extent = cy.extent();
  const inView = (p, r) => p.x + r >= extent.x1 && p.x - r <= extent.x2 && p.y + r >= extent.y1 && p.y - r <= extent.y2;
  const out = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(`<svg xmlns="http://www.w3.org/2000/svg"${a('width', width)}${a('height', height)}${a('viewBox', `0 0 ${width} ${height}`)}`
    + ` font-family="${escapeXml(FONT)}">`);
  out.push(`<title>${escapeXml(meta.title)}</title>`);
  out.push(`<desc>${escapeXml([...metaLines(meta), meta.pseudonymised ? PSEUDONYM_TEXT : ''].filter(Boolean).join('\n'))}</desc>`);
  out.push('<defs><clipPath id="graph-clip"><rect x="0" y="0"' + a('width', gw) + a('height', gh) + '/></clipPath>'
    + '<marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">'
    + '<path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/></marker></defs>');
  out.push(`<rect x="0" y="0"${a('width', width)}${a('height', height)} fill="#ffffff"/>`);

  // header
  out.push(`<g id="export-header"><rect x="0" y="0"${a('width', width)}${a('height', HEADER)} fill="#f7f8fa"/>`);
  out.push(`<text id="export-title" x="14" y="30" font-size="20" font-weight="600" fill="${INK}">${escapeXml(meta.title)}</text>`);
  metaLines(meta).forEach((line, i) => out.push(
    `<text class="export-scope" x="14"${a('y', 52 + i * 18)} font-size="13" fill="${MUTED}">${escapeXml(line)}</text>`));
  if (meta.pseudonymised) {
    const w = PSEUDONYM_TEXT.length * 7.6 + 16;
    out.push(`<g id="pseudonymised-mark"><rect${a('x', n2(width - w - 14))} y="10"${a('width', n2(w))} height="26" fill="#ffffff" stroke="${MARK}" stroke-width="2"/>`
      + `<text${a('x', n2(width - w - 6))} y="28" font-size="13" font-weight="700" fill="${MARK}">${escapeXml(PSEUDONYM_TEXT)}</text></g>`);
  }
  out.push(`<line x1="0"${a('y1', HEADER - 0.5)}${a('x2', width)}${a('y2', HEADER - 0.5)} stroke="#d0d4da"/></g>`);

  // graph
  out.push(`<g id="graph"${a('transform', `translate(0 ${HEADER})`)} clip-path="url(#graph-clip)">`);
  out.push(`<rect x="0.5" y="0.5"${a('width', gw - 1)}${a('height', gh - 1)} fill="none" stroke="#d0d4da"/>`);
  const zoom = cy.zoom();
  const edges = [];
  cy.edges().forEach((edge) => {
    if (edge.hasClass('hidden') || edge.source().hasClass('hidden') || edge.target().hasClass('hidden')) return;
    const s = edge.source().position();
    const t = edge.target().position();
    if (!inView(s, 0) && !inView(t, 0)) return;
    edges.push(edge);
  });
  // Faint ties first, emphasised ones on top.
  const weight = (e) => (e.hasClass('path') ? 2 : e.hasClass('near') ? 1 : 0);
  edges.sort((x, y) => weight(x) - weight(y));
  for (const edge of edges) {
    const s = edge.source().renderedPosition();
    const t = edge.target().renderedPosition();
    const faded = edge.hasClass('faded');
    const path = edge.hasClass('path');
    const near = edge.hasClass('near');
    const colour = path ? '#b3261e' : near ? '#5d6670' : '#9aa3ad';
    const strokeWidth = path ? 5 : near ? 1.5 : 0.6;
    const opacity = faded ? 0.05 : path ? 1 : near ? 0.8 : 0.35;
    const arrow = (path || near) && !UNDIRECTED_TIES.includes(edge.data('type')) ? ' marker-end="url(#arrow)"' : '';
    out.push(`<line${a('x1', n2(s.x))}${a('y1', n2(s.y))}${a('x2', n2(t.x))}${a('y2', n2(t.y))}${a('stroke', colour)}`
      + `${a('stroke-width', strokeWidth)}${a('stroke-opacity', opacity)}${a('data-type', edge.data('type') || '')}${arrow}/>`);
  }
  const nodes = cy.nodes().filter((node) => !node.hasClass('hidden') && inView(node.position(), (node.data('size') || 10) / 2));
  const order = (node) => (node.hasClass('path') ? 3 : node.selected() ? 2 : node.hasClass('faded') ? 0 : 1);
  const sorted = nodes.toArray().sort((x, y) => order(x) - order(y));
  for (const node of sorted) out.push(svgNode(node, zoom));
  for (const node of sorted) {
    const text = node.data('text');
    if (!text || node.hasClass('faded')) continue;
    const p = node.renderedPosition();
    const r = ((node.data('size') || 10) * zoom) / 2;
    const font = (node.data('font') || 10) * zoom;
    out.push(`<text class="node-label"${a('data-id', node.id())}${a('x', n2(p.x))}${a('y', n2(p.y + r + 2 + font))} text-anchor="middle"`
      + `${a('font-size', n2(font))} fill="${INK}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeXml(text)}</text>`);
  }
  out.push('</g>');

  // legend
  out.push(`<g id="legend"${a('transform', `translate(${gw + 16} ${HEADER + 8})`)}>`);
  out.push(`<text x="0" y="12" font-size="13" font-weight="600" fill="${INK}">Legend</text>`);
  let top = 22;
  for (const row of legendRows(meta.legend)) {
    const cy0 = top + ROW / 2;
    if (row.heading) {
      out.push(`<text${a('y', cy0 + 4)} x="0" font-size="12" font-weight="600" fill="${MUTED}">${escapeXml(row.heading)}</text>`);
    } else if (row.note) {
      out.push(`<text${a('y', cy0 + 4)} x="0" font-size="11" fill="${MUTED}">${escapeXml(row.note)}</text>`);
    } else {
      const border = RISK_BORDER[row.risk] || RISK_BORDER.NONE;
      const fill = row.swatch || (row.risk ? '#ffffff' : '#8a95a3');
      out.push(`<g class="legend-entry">${shapeSvg(row.shape || 'ellipse', 8, cy0, 14, 14, fill,
        row.risk ? { ...border, width: Math.min(border.width, 4) } : RISK_BORDER.NONE)}`
        + `<text x="22"${a('y', cy0 + 4)} font-size="12" fill="${INK}">${escapeXml(row.text)}</text></g>`);
    }
    top += ROW;
  }
  out.push('</g>');
  out.push('</svg>');
  return out.join('\n');
}

function svgNode(node, zoom) {
  const p = node.renderedPosition();
  const size = (node.data('size') || 10) * zoom;
  const border = RISK_BORDER[node.data('riskLevel')] || RISK_BORDER.NONE;
  const scaled = { ...border, width: border.width * zoom };
  const faded = node.hasClass('faded');
  let out = `<g class="node"${a('data-id', node.id())}${a('data-risk', node.data('riskLevel') || '')}${faded ? ' opacity="0.12"' : ''}>`;
  out += shapeSvg(SHAPES[node.data('label')] || 'ellipse', p.x, p.y, size, size, node.data('color') || '#b8bec6', scaled);
  if (node.selected() || node.hasClass('path')) {
    const ring = size / 2 + scaled.width / 2 + 2 + 1.5;
    out += `<circle${a('cx', n2(p.x))}${a('cy', n2(p.y))}${a('r', n2(ring))} fill="none"${a('stroke', node.hasClass('path') ? '#111111' : '#0b57d0')} stroke-width="3"/>`;
  }
  return `${out}</g>`;
}

/** A shape with its border: solid, dashed, or double (a wide stroke with the fill's colour down its middle). */
function shapeSvg(shape, x, y, w, h, fill, border) {
  const points = polygon(shape, x, y, w, h);
  const geometry = points
    ? (extra) => `<polygon${a('points', points.map(([px, py]) => `${n2(px)},${n2(py)}`).join(' '))}${extra}/>`
    : (extra) => `<ellipse${a('cx', n2(x))}${a('cy', n2(y))}${a('rx', n2(w / 2))}${a('ry', n2(h / 2))}${extra}/>`;
  const dash = border.style === 'dashed' ? a('stroke-dasharray', `${n2(border.width * 1.6)} ${n2(border.width)}`) : '';
  let out = geometry(`${a('fill', fill)}${a('stroke', border.color || NODE_OUTLINE)}${a('stroke-width', n2(border.width))}${dash}`);
  if (border.style === 'double') {
    out += geometry(` fill="none"${a('stroke', fill)}${a('stroke-width', n2(border.width / 3))}`);
  }
  return out;
}
