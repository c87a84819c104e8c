// Record that two people know each other (a KNOWS tie) with how much she trusts the tie, since
// when and the last contact. POST /api/ties creates the tie, or merges into the one already
// recorded (only the fields sent change), which the page then says.
import { ApiError, get, send } from '../api.js';
import { Form } from '../forms.js';
import { html, nothing, render } from '../html.js';
import { navigate } from '../router.js';
import { canWrite } from '../session.js';
import { Picker, describeMatch } from '../ui.js';
import { focusFirstError, readOnly } from './record-parts.js';

const TRUST = [
  { value: '1', label: '1 — barely' }, { value: '2', label: '2 — a little' }, { value: '3', label: '3 — fairly' },
  { value: '4', label: '4 — well' }, { value: '5', label: '5 — fully' },
];

export default async function show(container, params) {
  if (!canWrite()) {
    render(readOnly('Record a tie'), container);
    return {};
  }
  const state = { from: null, to: null, result: null };
  const update = () => render(view(), container);
  const form = new Form({}, update);
  form.prefix = 'tie';
  const end = (name) => new Picker({
    label: name === 'from' ? 'One person' : 'Knows',
    onChange: update,
    exclude: (m) => m.id === (name === 'from' ? state.to : state.from)?.id,
    onPick: (m) => { state[name] = m; state.result = null; form.set(name, m.id); },
  });
  const pickers = { from: end('from'), to: end('to') };

  if (params.from) {
    try {
      const c = await get(`/api/contacts/${encodeURIComponent(params.from)}`);
      state.from = { id: c.id, name: c.name, label: 'Contact', kind: c.kind, country: c.country };
      form.values.from = c.id;
      form.initial.from = c.id;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }

  async function save(event) {
    event.preventDefault();
    const body = { type: 'KNOWS', ...form.body(['from', 'to', 'since', 'lastContact']) };
    if (form.values.trust) body.trust = Number(form.values.trust);
    let created = true;
    const saved = await form.submit(async () => {
      // send() does not expose the status; a tie already recorded is told apart by asking first.
      const ties = body.from && body.to ? await get('/api/ties', { node: body.from }).catch(() => []) : [];
      created = !ties.some((t) => t.type === 'KNOWS' && ((t.from === body.from && t.to === body.to) || (t.from === body.to && t.to === body.from)));
      return send('POST', '/api/ties', body);
    });
    if (saved) {
      state.result = { created, tie: saved, from: state.from, to: state.to };
      form.saved({ from: state.from?.id });
      state.to = null;
      update();
    } else {
      focusFirstError(container);
    }
  }

  function chosen(name) {
    const m = state[name];
    return html`<div class="field chosen ${form.errors[name] ? 'invalid' : ''}" id=${`tie-${name}`}>
      ${m ? html`<p><span class="name">${m.name}</span> <span class="sub">${describeMatch(m)}</span>
          <button type="button" class="link" aria-label=${`Change ${m.name}`} @click=${() => { state[name] = null; form.set(name, null); }}>Change</button></p>`
        : pickers[name].view()}
      ${form.error(name)}
    </div>`;
  }

  function view() {
    const r = state.result;
    return html`<section class="view narrow record-view" aria-labelledby="tie-form-title">
      <p class="path"><a href="#/record">Record</a></p>
      <h2 id="tie-form-title">Record a tie: two people who know each other</h2>
      ${r ? html`<p class="notice" role="status" id="tie-result">
          ${r.created ? 'Recorded:' : 'This tie was already recorded; it now has the values you gave:'}
          <a href=${`#/contacts/${encodeURIComponent(r.from.id)}`}>${r.from.name}</a> knows
          <a href=${`#/contacts/${encodeURIComponent(r.to.id)}`}>${r.to.name}</a>${r.tie.trust ? `, trust ${r.tie.trust}` : ''}.
        </p>` : nothing}
      <form id="tie-form" class="record-form" @submit=${save} novalidate>
        ${chosen('from')}
        ${chosen('to')}
        ${form.select('trust', TRUST, { label: 'Trust (1–5)', empty: 'Unknown' })}
        <div></div>
        ${form.input('since', { type: 'date', label: 'Know each other since', min: '1900-01-01', max: '2200-12-31' })}
        ${form.input('lastContact', { type: 'date', label: 'Last contact', min: '1900-01-01', max: '2200-12-31' })}
        <div class="wide">${form.footer('Record tie', { cancel: () => navigate('#/record') })}</div>
      </form>
      <p class="hint">Recording a tie that already exists changes only the values you give; the others stay.</p>
    </section>`;
  }

  update();
  return { dirty: () => form.dirty() };
}
