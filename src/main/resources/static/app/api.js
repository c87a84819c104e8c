// The page's only way to the server: the public REST API with HTTP Basic credentials that live in
// this module's memory (never in storage or cookies), so closing or reloading the page logs out.

/** An HTTP error with the server's problem detail, when it sent one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && (problem.detail || problem.title) ? (problem.detail || problem.title) : `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

let authorization = null;
let onUnauthorised = () => {};

/** Called when a request comes back 401 after login (e.g. the user was deleted). */
export function setUnauthorisedHandler(handler) {
  onUnauthorised = handler;
}

function basic(username, password) {
  // btoa only takes Latin-1; encode the UTF-8 bytes so any password works.
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const b of bytes) {
    binary += String.fromCharCode(b);
  }
  return `Basic ${btoa(binary)}`;
}

async function request(path, header) {
  const response = await fetch(path, {
    headers: {
      Accept: 'application/json',
      // Without this the server answers 401 with WWW-Authenticate and the browser pops its own dialog.
      'X-Requested-With': 'XMLHttpRequest',
      ...(header ? { Authorization: header } : {}),
    },
    credentials: 'omit',
    cache: 'no-store',
  });
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch (ignored) {
      // not JSON
    }
    throw new ApiError(response.status, problem);
  }
  return response.status === 204 ? null : response.json();
}

/** Checks the credentials with GET /api/me and keeps them for later calls; returns the user. */
export async function login(username, password) {
  const header = basic(username, password);
  const me = await request('/api/me', header);
  authorization = header;
  return me;
}

export function logout() {
  authorization = null;
}

/** GET `path` (with `params` as the query) as the logged-in user. */
export async function get(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      query.set(key, String(value));
    }
  }
  const url = query.toString() ? `${path}?${query}` : path;
  try {
    return await request(url, authorization);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401 && authorization) {
      onUnauthorised();
    }
    throw e;
  }
}

/** The path of a node's record, by its label. */
export function recordPath(label, id) {
  const collection = {
    Contact: 'contacts', Organisation: 'organisations', Mandate: 'mandates', Network: 'networks',
  }[label];
  return collection ? `/api/${collection}/${encodeURIComponent(id)}` : null;
}
