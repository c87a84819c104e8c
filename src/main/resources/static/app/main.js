// Entry point: the login form, then the map. No credentials are stored anywhere but in memory.
import { byId, say } from './dom.js';
import { ApiError, login, logout, setUnauthorisedHandler } from './api.js';
import { closeMap, openMap, wireControls } from './map.js';
import { showCoverage } from './coverage.js';

function showLogin(message) {
  closeMap();
  logout();
  byId('map-view').hidden = true;
  byId('session').hidden = true;
  byId('login-view').hidden = false;
  byId('login-password').value = '';
  say(byId('login-error'), message || '', Boolean(message));
  byId('login-username').focus();
}

async function onLogin(event) {
  event.preventDefault();
  const username = byId('login-username').value.trim();
  const password = byId('login-password').value;
  const submit = byId('login-submit');
  submit.disabled = true;
  say(byId('login-error'), '');
  try {
    const me = await login(username, password);
    byId('login-password').value = '';
    byId('session-user').textContent = me.username;
    byId('session-role').textContent = me.clearance ? me.role : `${me.role} · pseudonyms`;
    byId('session').hidden = false;
    byId('login-view').hidden = true;
    byId('map-view').hidden = false;
    wireControls();
    showCoverage();
    await openMap();
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

setUnauthorisedHandler(() => showLogin('Your session is no longer valid; log in again.'));
byId('login-form').addEventListener('submit', onLogin);
byId('logout').addEventListener('click', () => showLogin(''));
byId('login-username').focus();
