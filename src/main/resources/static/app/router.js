// Views by the address's fragment: "#/find?region=ARAB_REGION" shows the view "find" with its
// parameters, so the back button, a reload and a bookmark all land on the same view. A view with
// unsaved changes is asked before it is left, here and (beforeunload) when the page is closed.
import { html, render } from './html.js';

const routes = [];
let current = null;
let currentHash = null;
let container = null;
let fallback = '#/map';
let onShow = () => {};
let showing = 0;

/**
 * A view: `pattern` like "contacts/:id", `show(container, params)` renders it and may return an
 * object with `leave()` (cleanup) and `dirty()` (unsaved changes?).
 */
export function route(pattern, view, permitted = () => true) {
  const keys = [];
  const regex = new RegExp(`^${pattern.split('/').map((part) => {
    if (part.startsWith(':')) {
      keys.push(part.slice(1));
      return '([^/]+)';
    }
    return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }).join('/')}$`);
  routes.push({ pattern, regex, keys, view, permitted });
}

/** Parses "#/contacts/c-1?tab=history" into the route and its parameters. */
function resolve(hash) {
  const text = (hash || '').replace(/^#\/?/, '');
  const [path, query] = text.split('?');
  for (const r of routes) {
    const match = r.regex.exec(path);
    if (match) {
      const params = Object.fromEntries(new URLSearchParams(query || ''));
      r.keys.forEach((key, i) => { params[key] = decodeURIComponent(match[i + 1]); });
      return { route: r, params };
    }
  }
  return null;
}

/** Where the views render, the view when the fragment names none, and a hook after each change. */
export function startRouter(target, defaultHash, afterShow) {
  container = target;
  fallback = defaultHash;
  onShow = afterShow || onShow;
  window.addEventListener('hashchange', () => show(location.hash));
  window.addEventListener('beforeunload', (event) => {
    if (current && current.dirty && current.dirty()) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
  return show(location.hash || fallback);
}

/** Leaves the current view (asking first when it has unsaved changes); false when she stays. */
export function leaveCurrent(force) {
  if (!force && current && current.dirty && current.dirty()
      && !window.confirm('You have unsaved changes. Leave this page and lose them?')) {
    return false;
  }
  if (current && current.leave) current.leave();
  current = null;
  return true;
}

async function show(hash) {
  if (hash === currentHash) return;
  if (!leaveCurrent(false)) {
    // Stay: put the fragment back without showing anything again.
    history.replaceState(null, '', currentHash);
    return;
  }
  const named = resolve(hash);
  const refused = named && !named.route.permitted();
  const direct = named && !refused ? named : null;
  const found = direct || resolve(fallback);
  currentHash = direct || refused ? hash : fallback;
  if (location.hash !== currentHash) {
    // The address names the view shown (a bookmark of it opens it again).
    history.replaceState(null, '', currentHash);
  }
  // Each view draws into its own element: one still loading when she moves on draws into an element
  // no longer on the page, never over the next view.
  const host = document.createElement('div');
  host.className = 'view-host';
  container.replaceChildren(host);
  if (refused) {
    onShow('refused', {});
    render(html`<section class="view narrow"><h2>Not for your role</h2>
      <p class="notice" role="status">This view is not open to your role; the top bar lists what is.</p></section>`, host);
    return;
  }
  onShow(found.route.pattern, found.params);
  const mine = ++showing;
  const stillCurrent = () => mine === showing;
  try {
    const shown = (await found.route.view(host, found.params, stillCurrent)) || null;
    if (!stillCurrent()) {
      if (shown && shown.leave) shown.leave();
      return;
    }
    current = shown;
  } catch (e) {
    if (!stillCurrent()) return; // a view she has left: nothing to show
    current = null;
    render(html`<section class="view"><p class="notice error" role="alert">This view could not be shown: ${e.message || String(e)}</p></section>`, host);
    throw e;
  }
}

/** Goes to a view ("#/contacts/c-1"); the same view again re-renders it. */
export function navigate(hash) {
  if (location.hash === hash) {
    currentHash = null;
    show(hash);
  } else {
    location.hash = hash;
  }
}

/** Forgets the current view without asking (logout). */
export function stopRouter() {
  showing += 1;
  if (current && current.leave) current.leave();
  current = null;
  currentHash = null;
}

/** A fragment with parameters: link('find', {region: 'AFRICA'}) → "#/find?region=AFRICA". */
export function link(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return `#/${path}${text ? `?${text}` : ''}`;
}

/**
 * Changes the address of the view on show without showing it again: a form whose new record was
 * just saved now edits it ("#/visits/new" → "#/visits/v-1/edit"), so a reload or a retry does not
 * create a second one.
 */
export function replaceRoute(hash) {
  history.replaceState(null, '', hash);
  currentHash = hash;
}
