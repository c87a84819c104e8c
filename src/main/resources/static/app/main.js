// Entry point: the login form (or the session that survived a reload), then the workspace: a top
// bar of views (router.js, routes.js), the map among them. The session is an HttpOnly cookie; the
// page itself keeps no credentials.
import { byId, say } from './dom.js';
import { ApiError, currentSession, get, login, logout, me, setUnauthorisedHandler } from './api.js';
import { closeMap, mapLoaded, openMap, showView, wireControls } from './map.js';
import { showCoverage } from './coverage.js';
import { showAnalysis } from './analysis/panel.js';
import { startRouter, stopRouter } from './router.js';
import { registerRoutes } from './routes.js';
import { canReadNetwork, clearUser, onIdentityChange, setUser, user, words } from './session.js';
import { rememberCountries } from './ui.js';

/** The map view: loads the network the first time, then shows a path when the address names one. */
async function showMap(container, params) {
  byId('map-view').hidden = false;
  if (!mapLoaded()) {
    wireControls();
    showCoverage();
    await openMap();
  }
  // The view the address names (filters, size, coalition, node, path: map-share.js), or the one she had.
  await showView(params);
  // The analysis panel under the map (app/analysis/panel.js) opens the analysis the address names.
  showAnalysis(params);
  return { leave: () => { byId('map-view').hidden = true; } };
}

function afterShow(pattern) {
  const view = pattern.split('/')[0];
  byId('workspace').hidden = view === 'map';
  if (view !== 'map') byId('map-view').hidden = true;
  for (const a of document.querySelectorAll('#nav a')) {
    const here = a.dataset.view === view;
    a.classList.toggle('current', here);
    if (here) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  window.scrollTo(0, 0);
}

async function showLogin(message) {
  stopRouter();
  closeMap();
  clearUser();
  await logout();
  byId('map-view').hidden = true;
  byId('workspace').hidden = true;
  byId('nav').hidden = true;
  byId('session').hidden = true;
  byId('login-view').hidden = false;
  byId('login-password').value = '';
  say(byId('login-error'), message || '', Boolean(message));
  byId('login-username').focus();
}

/** Shows the links her role may use, and who she is. */
async function refreshIdentity() {
  for (const a of document.querySelectorAll('[data-roles]')) {
    a.hidden = !a.dataset.roles.split(' ').includes(user.role);
  }
  byId('session-user').textContent = user.username;
  byId('session-role').textContent = user.clearance ? user.role : `${user.role} · pseudonyms`;
  const meLink = byId('session-me');
  if (!user.contact) {
    meLink.textContent = 'Link yourself';
    meLink.title = 'Who are you in the network? Referrals start from the contact you link.';
    meLink.classList.add('attention');
  } else {
    meLink.classList.remove('attention');
    meLink.textContent = 'Me';
    try {
      const contact = await get(`/api/contacts/${encodeURIComponent(user.contact)}`);
      meLink.textContent = `Me: ${contact.name}`;
    } catch (e) {
      meLink.textContent = `Me: ${user.contact}`;
    }
  }
}

async function enter(profile) {
  setUser(profile);
  byId('login-view').hidden = true;
  byId('session').hidden = false;
  byId('nav').hidden = false;
  await refreshIdentity();
  words().then(rememberCountries).catch(() => {});
  registerOnce();
  // An officer not yet linked to the contact that is her starts on "Me": referrals start from her.
  const first = !user.contact && user.role === 'OFFICER' ? '#/me' : canReadNetwork() ? '#/map' : '#/reports';
  await startRouter(byId('workspace'), first, afterShow);
}

let registered = false;
function registerOnce() {
  if (!registered) {
    registered = true;
    registerRoutes(showMap);
  }
}

async function onLogin(event) {
  event.preventDefault();
  const username = byId('login-username').value.trim();
  const password = byId('login-password').value;
  const submit = byId('login-submit');
  submit.disabled = true;
  say(byId('login-error'), '');
  try {
    const profile = await login(username, password);
    byId('login-password').value = '';
    await enter(profile);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      say(byId('login-error'), 'Wrong username or password.', true);
    } else if (e instanceof ApiError && e.status === 429) {
      say(byId('login-error'), 'Too many attempts; wait a minute and try again.', true);
    } else if (!byId('login-view').hidden) {
      say(byId('login-error'), `Login failed: ${e.message}`, true);
    }
  } finally {
    submit.disabled = false;
  }
}

async function start() {
  try {
    const session = await currentSession();
    if (session.authenticated) {
      await enter(await me());
      return;
    }
  } catch (e) {
    // The server is not answering: the login form says so when she tries.
  }
  byId('login-view').hidden = false;
  byId('login-username').focus();
}

setUnauthorisedHandler(() => showLogin('Your session has ended (idle too long, or logged out elsewhere); log in again.'));
byId('login-form').addEventListener('submit', onLogin);
byId('logout').addEventListener('click', () => showLogin(''));
onIdentityChange(refreshIdentity);
start();
