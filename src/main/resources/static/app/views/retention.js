// Contacts to review for retention (GET /api/retention/review): no activity, tie contact,
// introduction or update of the record for a number of years (civnet.retention.review-after-years,
// or the span chosen here). A list for a person to decide on, oldest first; civnet deletes nothing by
// itself. An ADMIN erases from the person's page. Span and date are kept in the address.
import { LatestRead, get } from '../api.js';
import { html, nothing, render } from '../html.js';
import { enumLabel, formatDate } from '../labels.js';
import { link, replaceRoute } from '../router.js';
import { isAdmin } from '../session.js';
import { countryLabel, failure, notice } from '../ui.js';

const PAGE = 100;

export default async function show(container, params) {
  const state = { years: params.years || '', asOf: params.asOf || '', page: 0, review: null, message: null, loading: true };
  let alive = true;
  const update = () => { if (alive) render(view(), container); };

  // "Next" twice, or another span while a page is on its way: only the answer to her last choice is shown.
  const reads = new LatestRead();

  async function load() {
    const current = reads.begin();
    state.loading = true;
    update();
    try {
      const query = { page: state.page, size: PAGE };
      if (state.years) query.years = state.years;
      if (state.asOf) query.asOf = state.asOf;
      const review = await get('/api/retention/review', query);
      if (!current()) return;
      state.review = review;
      state.message = null;
    } catch (e) {
      if (!current()) return;
      state.message = failure('The review list could not be read', e);
    } finally {
      if (current()) {
        state.loading = false;
        update();
      }
    }
  }

  function apply(event) {
    event.preventDefault();
    const data = new FormData(event.target);
    state.years = String(data.get('years') || '');
    state.asOf = String(data.get('asOf') || '');
    state.page = 0;
    const kept = {};
    if (state.years) kept.years = state.years;
    if (state.asOf) kept.asOf = state.asOf;
    replaceRoute(link('retention', kept));
    load();
  }

  function table(review) {
    if (!review.items.length) {
      return html`<p class="hint" id="retention-empty">No contact is without activity since ${formatDate(review.cutoff)}.</p>`;
    }
    return html`<table class="list" id="retention-list">
      <caption class="sub">${review.total} ${review.total === 1 ? 'contact' : 'contacts'} with nothing recorded since
        ${formatDate(review.cutoff)}, oldest first</caption>
      <thead><tr><th scope="col">Person</th><th scope="col">Kind</th><th scope="col">Country</th>
        <th scope="col">Last sign of life</th><th scope="col">Responsible officer</th></tr></thead>
      <tbody>${review.items.map((item) => html`<tr data-id=${item.id}>
        <td><a class="name" href=${`#/contacts/${encodeURIComponent(item.id)}`}>${item.name || item.id}</a></td>
        <td>${enumLabel(item.kind) || '—'}</td>
        <td>${item.country ? countryLabel(item.country) : '—'}</td>
        <td>${item.lastActivity ? formatDate(item.lastActivity) : html`<span class="sub">nothing recorded</span>`}</td>
        <td>${item.responsibleOfficer || '—'}</td></tr>`)}</tbody>
    </table>
    ${review.total > PAGE ? html`<p class="pager">
      <button type="button" ?disabled=${state.page === 0} @click=${() => { state.page -= 1; load(); }}>Previous</button>
      <span class="sub">Page ${state.page + 1} of ${Math.ceil(review.total / PAGE)}</span>
      <button type="button" ?disabled=${(state.page + 1) * PAGE >= review.total} @click=${() => { state.page += 1; load(); }}>Next</button>
    </p>` : nothing}`;
  }

  function view() {
    const review = state.review;
    return html`<section class="view retention-view" aria-labelledby="retention-title">
      <h2 id="retention-title">Contacts to review for retention</h2>
      <p class="hint">People with no activity, no tie contact, no introduction and no change to their record for
        ${review ? review.years : 'the configured number of'} years. Nothing is deleted automatically: decide for each
        whether to keep them${isAdmin() ? ', or erase them from their page' : ' (an administrator can erase a person from their page)'}.</p>
      <form class="retention-filters" id="retention-filters" @submit=${apply}>
        <div class="field"><label for="retention-years">Years without activity</label>
          <input id="retention-years" name="years" type="number" min="1" max="100" .value=${state.years || (review ? String(review.years) : '')}></div>
        <div class="field"><label for="retention-as-of">As of</label>
          <input id="retention-as-of" name="asOf" type="date" .value=${state.asOf}></div>
        <button type="submit" class="primary">Show</button>
      </form>
      <div aria-live="polite">${notice(state.message)}</div>
      ${state.loading && !review ? html`<p class="hint">Loading…</p>` : nothing}
      ${review ? table(review) : nothing}
    </section>`;
  }

  update();
  await load();
  return { leave: () => { alive = false; } };
}
