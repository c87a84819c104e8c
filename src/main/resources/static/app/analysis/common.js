// Small pieces the analysis views share.
import { ApiError } from '../api.js';
import { html } from '../html.js';
import { enumLabel } from '../labels.js';

/** One answer of the API, asked once per drawn map (reset() forgets it). */
export function loadState() {
  const s = {
    data: null,
    error: null,
    pending: null,
    reset() { s.data = null; s.error = null; s.pending = null; },
    load(fetch) {
      if (s.data) return Promise.resolve(s.data);
      if (!s.pending) {
        s.error = null;
        s.pending = fetch().then((data) => { s.data = data; return data; },
          (e) => { s.error = e; s.pending = null; });
      }
      return s.pending;
    },
  };
  return s;
}

/** "Graph version 17, 2,355 nodes." — which state of the network an answer describes. */
export function graphLine(data) {
  const parts = [];
  if (data && data.graphVersion !== undefined) parts.push(`Graph version ${data.graphVersion}`);
  if (data && data.snapshot && data.snapshot.vertices !== undefined) parts.push(`${data.snapshot.vertices.toLocaleString('en-GB')} nodes`);
  return parts.length ? `${parts.join(', ')}.` : '';
}

/** The API's sentences name enumeration values ("ASIA_PACIFIC"): show their labels instead. */
export function humaniseSentence(text) {
  return String(text || '').replace(/\b[A-Z][A-Z0-9_]{2,}\b/g, (word) => enumLabel(word));
}

export function problem(prefix, e) {
  return html`<p class="notice error" role="alert">${prefix}: ${e instanceof ApiError ? e.message : String(e)}</p>`;
}
