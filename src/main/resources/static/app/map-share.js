// Views to share: the map's state lives in the address, so a bookmark, a reload or a link sent to a
// colleague opens the same view ("#/map?region=AFRICA&size=betweenness&node=c-1"). Only what differs
// from the default view is written; parameters other views of the map add (e.g. `analysis`) are kept.
import { link, replaceRoute } from './router.js';

/** The parameters this module owns, in the order they are written. */
export const VIEW_KEYS = ['region', 'theme', 'risk', 'kinds', 'size', 'coalition', 'node', 'path'];
export const DEFAULT_METRIC = 'degree';

/** Whether the address names any part of a map view (otherwise the map keeps the view she has). */
export function namesView(params) {
  return VIEW_KEYS.some((key) => params[key] !== undefined && params[key] !== '');
}

const list = (text) => String(text || '').split(',').map((s) => s.trim()).filter(Boolean);

/** The address's parameters as a view: {region, theme, risk, kinds: [..] | null (all), size, coalition, node, path: [..]}. */
export function viewFromParams(params) {
  return {
    region: params.region || '',
    theme: params.theme || '',
    risk: params.risk || '',
    kinds: params.kinds ? list(params.kinds) : null,
    size: params.size || DEFAULT_METRIC,
    coalition: params.coalition === undefined || params.coalition === '' ? null : String(params.coalition),
    node: params.node || null,
    path: list(params.path),
  };
}

/** The view as parameters, leaving out what is the default. */
export function paramsFromView(view) {
  return {
    region: view.region || undefined,
    theme: view.theme || undefined,
    risk: view.risk || undefined,
    kinds: view.kinds ? view.kinds.join(',') : undefined,
    size: view.size && view.size !== DEFAULT_METRIC ? view.size : undefined,
    coalition: view.coalition === null || view.coalition === undefined ? undefined : view.coalition,
    node: view.node || undefined,
    path: view.path && view.path.length ? view.path.join(',') : undefined,
  };
}

/** Parameters in the address that belong to others (kept as they are). */
function otherParams() {
  const query = (location.hash.split('?')[1]) || '';
  const others = {};
  for (const [key, value] of new URLSearchParams(query)) {
    if (!VIEW_KEYS.includes(key)) others[key] = value;
  }
  return others;
}

/**
 * Writes the view into the address without showing the page again (history.replaceState through
 * the router, which then knows the address as the current view's). Does nothing once she has left
 * the map (an answer arriving late must not rewrite another view's address).
 */
export function writeView(view) {
  if (!/^#\/map(\?|$)/.test(location.hash || '#/map') || document.getElementById('map-view').hidden) return;
  const hash = link('map', { ...paramsFromView(view), ...otherParams() });
  if (hash !== location.hash) replaceRoute(hash);
}
