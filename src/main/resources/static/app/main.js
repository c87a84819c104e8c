// Entry point: the login form (or the session that survived a reload), then the map. The session
// is an HttpOnly cookie; the page itself keeps no credentials.
import { byId, say } from './dom.js';
import { ApiError, currentSession, login, logout, me, setUnauthorisedHandler } from './api.js';
import { closeMap, openMap, wireControls } from './map.js';
import { showCoverage } from './coverage.js';

async function showLogin(message) {
  closeMap();
  await logout();
  byId('map-view').hidden = true;
  byId('session').hidden = true;
  byId('login-view').hidden = false;
  byId('login-password').value = '';
  say(byId('login-error'), message || '', Boolean(message));
  byId('login-username').focus();
}

async function enter(user) {
  byId('session-user').textContent = user.username;
  byId('session-role').textContent = user.clearance ? user.role : `${user.role} · pseudonyms`;
  byId('session').hidden = false;
  byId('login-view').hidden = true;
  byId('map-view').hidden = false;
  wireControls();
  showCoverage();
  await openMap();
}

async function onLogin(event) {
  event.preventDefault();
  const username = byId('login-username').value.trim();
  const password = byId('login-password').value;
  const submit = byId('login-submit');
  submit.disabled = true;
  say(byId('login-error'), '');
  try {
    const user = await login(username, password);
    byId('login-password').value = '';
    await enter(user);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      say(byId('login-error'), 'Wrong username or password.', true);
    } else if (e instanceof ApiError && e.status === 429) {
      say(byId('login-error'), 'Too many attempts; wait a minute and try again.', true);
    } else if (byId('map-view').hidden) {
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
start();
