// GEXF 1.3 (Gephi's native format) for the elements currently on the map, built in the browser
// so the file holds exactly what the user sees: visible nodes and ties, their positions, colours
// and sizes, and the attributes the map uses. Every value is XML-escaped.

const NODE_ATTRIBUTES = [
  ['label', 'string'], ['kind', 'string'], ['region', 'string'], ['themes', 'string'],
  ['riskLevel', 'string'], ['coalition', 'integer'], ['score', 'double'],
];
const EDGE_ATTRIBUTES = [['type', 'string'], ['trust', 'integer']];

// XML 1.0 forbids most control characters and unpaired surrogates even when escaped.
const INVALID_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for an XML attribute or element, dropping characters XML cannot carry. */
export function escapeXml(value) {
  return String(value ?? '')
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function attr(name, value) {
  return ` ${name}="${escapeXml(value)}"`;
}

function rgb(hex) {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex || '');
  return m ? m.slice(1).map((h) => parseInt(h, 16)) : [153, 153, 153];
}

function attvalues(pairs) {
  const present = pairs.filter(([, value]) => value !== undefined && value !== null && value !== '');
  if (present.length === 0) {
    return '';
  }
  return `<attvalues>${present.map(([key, value]) => `<attvalue${attr('for', key)}${attr('value', value)}/>`).join('')}</attvalues>`;
}

function number(value) {
  return Number.isFinite(value) ? Number(value.toFixed(3)) : 0;
}

/**
 * The GEXF document for `nodes` and `edges` (Cytoscape collections).
 * @param {object} meta  {description, date}
 */
export function toGexf(nodes, edges, meta = {}) {
  const out = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push('<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" '
    + 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    + 'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">');
  out.push(`<meta${attr('lastmodifieddate', meta.date || new Date().toISOString().slice(0, 10))}>`
    + `<creator>civnet map</creator><description>${escapeXml(meta.description || '')}</description></meta>`);
  out.push('<graph defaultedgetype="undirected" mode="static">');
  out.push('<attributes class="node">');
  for (const [id, type] of NODE_ATTRIBUTES) {
    out.push(`<attribute${attr('id', id)}${attr('title', id)}${attr('type', type)}/>`);
  }
  out.push('</attributes>');
  out.push('<attributes class="edge">');
  for (const [id, type] of EDGE_ATTRIBUTES) {
    out.push(`<attribute${attr('id', id)}${attr('title', id)}${attr('type', type)}/>`);
  }
  out.push('</attributes>');

  out.push('<nodes>');
  nodes.forEach((node) => {
    const d = node.data();
    const p = node.position();
    const [r, g, b] = rgb(d.color);
    out.push(`<node${attr('id', d.id)}${attr('label', d.name)}>`
      + attvalues([
        ['label', d.label], ['kind', d.kind], ['region', d.region], ['themes', (d.themes || []).join(';')],
        ['riskLevel', d.riskLevel], ['coalition', d.coalition], ['score', d.score],
      ])
      + `<viz:color${attr('r', r)}${attr('g', g)}${attr('b', b)}/>`
      // Gephi's y axis points up, Cytoscape's down.
      + `<viz:position${attr('x', number(p.x))}${attr('y', number(-p.y))} z="0"/>`
      + `<viz:size${attr('value', number(d.size / 2))}/>`
      + '</node>');
  });
  out.push('</nodes>');

  out.push('<edges>');
  let index = 0;
  edges.forEach((edge) => {
    const d = edge.data();
    const weight = d.trust ? attr('weight', d.trust) : '';
    out.push(`<edge${attr('id', `e${index++}`)}${attr('source', d.source)}${attr('target', d.target)}${weight}>`
      + attvalues([['type', d.type], ['trust', d.trust]])
      + '</edge>');
  });
  out.push('</edges>');
  out.push('</graph>');
  out.push('</gexf>');
  return out.join('\n');
}
