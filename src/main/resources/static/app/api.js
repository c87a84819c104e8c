// The page's only way to the server: the public REST API, as the logged-in user of a session. The
// session lives in an HttpOnly cookie the page cannot read (so a script injected into the page
// could not steal it); every state-changing request carries the session's CSRF token, which the
// page keeps in memory and fetches again from GET /api/session after a reload.

/** An HTTP error with the server's problem detail, when it sent one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && (problem.detail || problem.title) ? (problem.detail || problem.title) : `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

let csrf = null;
let loggedIn = false;
let onUnauthorised = () => {};

/** Called when a request comes back 401 after login (the session ended, or the user was deleted). */
export function setUnauthorisedHandler(handler) {
  onUnauthorised = handler;
}

/** The answer to one request, or an ApiError carrying the server's problem detail. */
async function fetchChecked(method, path, { body, contentType, accept = 'application/json' } = {}) {
  const headers = {
    Accept: accept,
    // Without this the server answers 401 with WWW-Authenticate and the browser pops its own dialog.
    'X-Requested-With': 'XMLHttpRequest',
  };
  if (method !== 'GET' && csrf) {
    headers[csrf.header] = csrf.token;
  }
  if (contentType) {
    headers['Content-Type'] = contentType;
  }
  const response = await fetch(path, { method, headers, body, credentials: 'same-origin', cache: 'no-store' });
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch (ignored) {
      // not JSON
    }
    throw new ApiError(response.status, problem);
  }
  return response;
}

async function request(method, path, options = {}) {
  const response = await fetchChecked(method, path, options);
  return response.status === 204 ? null : response.json();
}

/** `path` with `params` as its query (empty values left out). */
function withQuery(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      query.set(key, String(value));
    }
  }
  return query.toString() ? `${path}?${query}` : path;
}

function remember(session) {
  csrf = session.csrfToken ? { header: session.csrfHeader, token: session.csrfToken } : null;
  loggedIn = Boolean(session.authenticated);
  return session;
}

/** The current session (after a reload: still logged in?) with its CSRF token. */
export async function currentSession() {
  return remember(await request('GET', '/api/session'));
}

/** Logs in with the page's form; returns the user as GET /api/me describes it. */
export async function login(username, password) {
  await currentSession();
  const form = new URLSearchParams({ username, password });
  await request('POST', '/api/session', { body: form, contentType: 'application/x-www-form-urlencoded' });
  // The session id and its CSRF token change at login.
  await currentSession();
  return request('GET', '/api/me');
}

/** The logged-in user (GET /api/me). */
export function me() {
  return request('GET', '/api/me');
}

/** Ends the session on the server (every tab of this browser is logged out). */
export async function logout() {
  if (loggedIn) {
    try {
      await request('POST', '/api/session/logout');
    } catch (ignored) {
      // already ended
    }
  }
  csrf = null;
  loggedIn = false;
}

/** GET `path` (with `params` as the query) as the logged-in user. */
export async function get(path, params = {}) {
  return guarded(() => request('GET', withQuery(path, params)));
}

/** POST, PUT, PATCH or DELETE `body` (JSON) to `path` as the logged-in user, with the CSRF token. */
export function send(method, path, body, contentType = 'application/json') {
  const payload = body === undefined ? undefined
    : contentType.endsWith('json') ? JSON.stringify(body) : body;
  return guarded(() => request(method, path, { body: payload, contentType: body === undefined ? undefined : contentType }), true);
}

async function guarded(call, write) {
  try {
    return await call();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401 && loggedIn) {
      loggedIn = false;
      onUnauthorised();
    } else if (e instanceof ApiError && e.status === 403 && write && loggedIn && !(await stillLoggedIn())) {
      // An ended session fails a write on its CSRF token (403) before it could fail on the login (401).
      loggedIn = false;
      onUnauthorised();
    }
    throw e;
  }
}

async function stillLoggedIn() {
  try {
    return Boolean(remember(await request('GET', '/api/session')).authenticated);
  } catch (ignored) {
    return false;
  }
}

/** The path of a node's record, by its label. */
export function recordPath(label, id) {
  const collection = {
    Contact: 'contacts', Organisation: 'organisations', Mandate: 'mandates', Network: 'networks',
  }[label];
  return collection ? `/api/${collection}/${encodeURIComponent(id)}` : null;
}

/**
 * POSTs `formData` (multipart: files) to `path` with the CSRF token; the browser sets the
 * multipart Content-Type with its boundary, so none is set here. Answers JSON like `send`.
 */
export function upload(path, formData) {
  return guarded(() => request('POST', path, { body: formData }));
}

/**
 * GETs `path` as a file (e.g. `Accept: text/csv`): `{ blob, filename }`, the name taken from the
 * answer's Content-Disposition when it gives one. Errors as for `get`.
 */
export async function getFile(path, params = {}, accept = 'text/csv') {
  return guarded(async () => {
    const response = await fetchChecked('GET', withQuery(path, params), { accept });
    const disposition = response.headers.get('Content-Disposition') || '';
    const named = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
    return { blob: await response.blob(), filename: named ? decodeURIComponent(named[1]) : null };
  });
}

/**
 * Keeps only the most recent of a view's reads: `const current = reads.begin()` before a read,
 * `if (!current()) return` after it. A person who switches filter while the previous answer is
 * still on its way must see the answer to her last choice, not whichever came back last.
 */
export class LatestRead {
  #count = 0;

  begin() {
    const ticket = ++this.#count;
    return () => ticket === this.#count;
  }
}
