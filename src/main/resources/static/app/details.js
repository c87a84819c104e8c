// The details panel: what the map knows of a node, then its record and ties from the API.
// Everything shown is text (textContent); an ANALYST gets pseudonymised records from the server
// and this panel shows them as they come.
import { byId, clear, el, humanise, say } from './dom.js';
import { ApiError, get, recordPath } from './api.js';

const MAX_TIES = 200;
/** Record fields already shown in the heading, or not useful to a reader. */
const SKIPPED_FIELDS = new Set(['id', 'name', 'title']);

let requestCounter = 0;

function formatValue(value) {
  if (value === null || value === undefined || value === '') {
    return null;
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? null : value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : humaniseEnum(v))).join(', ');
  }
  if (typeof value === 'boolean') {
    return value ? 'yes' : 'no';
  }
  if (typeof value === 'object') {
    return JSON.stringify(value);
  }
  return humaniseEnum(value);
}

function humaniseEnum(value) {
  return typeof value === 'string' && /^[A-Z0-9]+(_[A-Z0-9]+)+$/.test(value) ? humanise(value) : String(value);
}

function field(list, name, value) {
  const text = formatValue(value);
  if (text === null) {
    return;
  }
  list.appendChild(el('dt', {}, name));
  list.appendChild(el('dd', { dataset: { field: name } }, text));
}

/**
 * Shows `node` (a Cytoscape node) in the panel.
 * @param {object} map  {nameOf(id), select(id), metric, coalitionInfo(id), setPathEnd(which, id)}
 */
export async function showDetails(node, map) {
  const request = ++requestCounter;
  const d = node.data();
  byId('details-empty').hidden = true;
  byId('details-body').hidden = false;
  byId('details-body').dataset.id = d.id;
  byId('details-name').textContent = d.name || d.id;
  byId('details-sub').textContent = [d.label, humanise(d.kind), humanise(d.region)].filter(Boolean).join(' · ');

  const actions = clear(byId('details-actions'));
  if (d.label === 'Contact') {
    actions.appendChild(el('button', { type: 'button', id: 'path-from-here', onclick: () => map.setPathEnd('from', d.id) },
      'Path from here'));
    actions.appendChild(el('button', { type: 'button', id: 'path-to-here', onclick: () => map.setPathEnd('to', d.id) },
      'Path to here'));
  }
  actions.appendChild(el('button', { type: 'button', onclick: () => map.centre(d.id) }, 'Centre'));

  const fields = clear(byId('details-fields'));
  const coalition = map.coalitionInfo(d.coalition);
  if (coalition) {
    fields.appendChild(el('dt', {}, 'coalition'));
    fields.appendChild(el('dd', { dataset: { field: 'coalition' } },
      el('span', { className: 'swatch', style: { background: coalition.color } }), ` #${coalition.id} (${coalition.size} members)`));
  }
  if (d.score !== undefined && d.score !== null) {
    field(fields, map.metric(), Number(d.score).toPrecision(3));
  }
  field(fields, 'risk level', d.riskLevel);
  field(fields, 'themes', d.themes);

  const tiesList = clear(byId('details-ties'));
  const tiesMessage = byId('details-ties-message');
  say(tiesMessage, 'Loading…');

  const path = recordPath(d.label, d.id);
  const [record, ties] = await Promise.allSettled([
    path ? get(path) : Promise.resolve(null),
    get('/api/ties', { node: d.id }),
  ]);
  if (request !== requestCounter) {
    return; // another node was clicked meanwhile
  }
  if (record.status === 'fulfilled' && record.value) {
    for (const [key, value] of Object.entries(record.value)) {
      if (!SKIPPED_FIELDS.has(key) && !['themes', 'riskLevel', 'region', 'kind'].includes(key)) {
        field(fields, key, value);
      }
    }
  } else if (record.status === 'rejected') {
    fields.appendChild(el('dt', {}, 'record'));
    fields.appendChild(el('dd', {}, record.reason instanceof ApiError && record.reason.status === 404
      ? 'not available to your role' : `could not be loaded (${record.reason.message})`));
  }

  if (ties.status === 'rejected') {
    if (ties.reason instanceof ApiError && ties.reason.status === 404) {
      say(tiesMessage, 'Ties are not available to your role.');
    } else {
      say(tiesMessage, `Ties could not be loaded: ${ties.reason.message}`, true);
    }
    return;
  }
  const all = Array.isArray(ties.value) ? ties.value : [];
  say(tiesMessage, all.length === 0 ? 'No ties.' : `${all.length} ties${all.length > MAX_TIES ? `, first ${MAX_TIES} shown` : ''}`);
  for (const tie of all.slice(0, MAX_TIES)) {
    const other = tie.from === d.id ? tie.to : tie.from;
    const direction = tie.from === d.id ? '→' : '←';
    const extras = [
      tie.trust ? `trust ${tie.trust}` : null,
      tie.role ? String(tie.role) : null,
      tie.lastContact ? `last contact ${tie.lastContact}` : (tie.since ? `since ${tie.since}` : null),
    ].filter(Boolean).join(' · ');
    const target = map.has(other)
      ? el('button', { type: 'button', className: 'link', onclick: () => map.select(other, true) }, map.nameOf(other))
      : el('span', {}, map.nameOf(other));
    tiesList.appendChild(el('li', { dataset: { other } },
      el('span', { className: 'tie-type' }, `${humanise(tie.type)} ${direction}`), target,
      extras ? el('span', { className: 'sub' }, ` ${extras}`) : null));
  }
}

export function clearDetails() {
  requestCounter++;
  byId('details-empty').hidden = false;
  byId('details-body').hidden = true;
}
