// The details panel: what the map knows of a node, then its record and ties from the API, in human
// labels (labels.js: field names, enumerations, dates; countries by name; activities by title).
// Everything shown is text (textContent); an ANALYST gets pseudonymised records from the server
// and this panel shows them as they come.
import { regionText } from './withheld.js';
import { byId, clear, el, say } from './dom.js';
import { ApiError, get, recordPath } from './api.js';
import { enumLabel, fieldLabel, formatDate, kindLabel, valueLabel } from './labels.js';
import { UNDIRECTED_TIES } from './style.js';
import { countryLabel } from './ui.js';

const MAX_TIES = 200;
/** Record fields already shown in the heading, or not useful to a reader. */
const SKIPPED_FIELDS = new Set(['id', 'name', 'title']);
/** How a directed tie reads from its other end ("Amina Kone" on an organisation's panel: "Affiliate"). */
const INCOMING = {
  AFFILIATED_WITH: 'Affiliate', MEMBER_OF: 'Member', SOURCE_OF: 'Source', ATTENDED: 'Participant', MET_DURING: 'Met during it',
};
/** Records that are not on the map, named by their title (or what they are), by the tie that leads to them. */
const ACTIVITY_PATHS = { ATTENDED: 'trainings', MET_DURING: 'country-visits', SOURCE_OF: 'communications' };
const activityNames = new Map();

let requestCounter = 0;

/** A record's value as text: dates, enumerations, countries, yes/no; null when there is none. */
function formatValue(name, value) {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return null;
  }
  if (name === 'country') return countryLabel(value);
  if (name === 'countries' && Array.isArray(value)) return value.map(countryLabel).join(', ');
  if (Array.isArray(value) && value.some((v) => typeof v === 'object' && v !== null)) {
    return value.map((v) => (typeof v === 'object' && v !== null ? (v.name || v.title || v.id || '') : valueLabel(name, v))).join(', ');
  }
  if (typeof value === 'object' && !Array.isArray(value)) {
    return value.name || value.title || Object.entries(value).map(([k, v]) => `${fieldLabel(k)}: ${valueLabel(k, v)}`).join('; ');
  }
  return valueLabel(name, value);
}

function field(list, name, value, label = fieldLabel(name)) {
  const text = formatValue(name, value);
  if (text === null) {
    return;
  }
  list.appendChild(el('dt', {}, label));
  list.appendChild(el('dd', { dataset: { field: name } }, text));
}

/** The title of an activity (training, country visit, communication) a tie leads to; its id if unknown. */
async function activityName(type, id) {
  const key = `${type}:${id}`;
  if (activityNames.has(key)) return activityNames.get(key);
  const collection = ACTIVITY_PATHS[type];
  let name = id;
  if (collection) {
    try {
      const r = await get(`/api/${collection}/${encodeURIComponent(id)}`);
      if (r.title) {
        name = r.date ? `${r.title} (${formatDate(r.date)})` : r.title;
      } else if (collection === 'country-visits') {
        name = `Country visit to ${countryLabel(r.country)}${r.startDate ? `, ${formatDate(r.startDate)}` : ''}`;
      } else if (collection === 'communications') {
        name = `${enumLabel(r.type) || 'Communication'}${r.country ? ` on ${countryLabel(r.country)}` : ''}${r.date ? `, ${formatDate(r.date)}` : ''}`;
      }
    } catch (e) {
      name = { trainings: 'A training', 'country-visits': 'A country visit', communications: 'A communication' }[collection];
    }
  }
  activityNames.set(key, name);
  return name;
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
  byId('details-sub').textContent = [kindLabel(d.label), enumLabel(d.kind), regionText(d, enumLabel)].filter(Boolean).join(' · ');

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
    fields.appendChild(el('dt', {}, 'Coalition'));
    fields.appendChild(el('dd', { dataset: { field: 'coalition' } },
      el('span', { className: 'swatch', style: { background: coalition.color } }), ` #${coalition.id} (${coalition.size} members)`));
  }
  if (d.score !== undefined && d.score !== null) {
    field(fields, 'score', Number(d.score).toPrecision(3), map.metricLabel ? map.metricLabel() : fieldLabel(map.metric()));
  }
  if (d.riskLevel) {
    const pattern = { NONE: '', ELEVATED: ' (dashed border)', HIGH: ' (double border)' }[d.riskLevel] || '';
    field(fields, 'riskLevel', `${enumLabel(d.riskLevel)}${pattern}`);
  }
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
      if (!SKIPPED_FIELDS.has(key) && !['themes', 'riskLevel', 'region', 'kind', 'coarsened', 'degreeRange', 'withheld'].includes(key)) {
        field(fields, key, key === 'mandate' || key === 'mandates' ? names(value, map) : value);
      }
    }
  } else if (record.status === 'rejected') {
    fields.appendChild(el('dt', {}, 'Record'));
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
    const outgoing = tie.from === d.id;
    const other = outgoing ? tie.to : tie.from;
    // Undirected ties (KNOWS) read the same from both ends: no arrow, no direction.
    const type = UNDIRECTED_TIES.includes(tie.type) || outgoing ? enumLabel(tie.type) : (INCOMING[tie.type] || enumLabel(tie.type));
    const extras = [
      tie.trust ? `trust ${tie.trust} of 5` : null,
      tie.role ? String(tie.role) : null,
      tie.lastContact ? `last contact ${formatDate(tie.lastContact)}` : (tie.since ? `since ${formatDate(tie.since)}` : null),
    ].filter(Boolean).join(' · ');
    let target;
    if (map.has(other)) {
      target = el('button', { type: 'button', className: 'link', onclick: () => map.select(other, true) }, map.nameOf(other));
    } else {
      target = el('span', { className: 'activity' }, map.nameOf(other));
      if (ACTIVITY_PATHS[tie.type]) {
        activityName(tie.type, other).then((name) => { if (request === requestCounter) target.textContent = name; });
      }
    }
    tiesList.appendChild(el('li', { dataset: { other, type: tie.type } },
      el('span', { className: 'tie-type' }, type), ' ', target,
      extras ? el('span', { className: 'sub' }, ` ${extras}`) : null));
  }
}

/** Mandate ids as the titles the map knows. */
function names(value, map) {
  return Array.isArray(value) ? value.map((id) => map.nameOf(id)) : map.nameOf(value);
}

export function clearDetails() {
  requestCounter++;
  byId('details-empty').hidden = false;
  byId('details-body').hidden = true;
}
