// Consent as a record (issue 19): what a contact consented to, per purpose, when, how, recorded by
// whom, until when, and a withdrawal. Shared by the contact's page (a table), the contact form (a
// fieldset that edits the records; a merge patch sends only what changed), Find introducers (each
// intermediary's consent on a path) and Follow-ups (consents lapsing soon). The server decides what
// counts (domain/ConsentRecord.java); the page only says it in words.
import { html, nothing } from '../html.js';
import { enumLabel, formatDate } from '../labels.js';

/** The purposes, in the server's order, with the words the page uses. */
export const PURPOSES = [
  { key: 'introduce', value: 'INTRODUCE', label: 'Introduce others' },
  { key: 'beIntroduced', value: 'BE_INTRODUCED', label: 'Be introduced' },
  { key: 'nameToMandate', value: 'NAME_TO_MANDATE', label: 'Be named to a mandate' },
];
const FIELDS = ['given', 'until', 'method', 'withdrawn'];
export const METHODS = ['IN_PERSON', 'WRITTEN', 'THROUGH_INTERMEDIARY'];

/** The purposes a referral or an export may state (domain/Purpose.java). */
export const STATED_PURPOSES = [
  { value: 'INTRODUCTION', label: 'An introduction (people who agreed to be introduced)' },
  { value: 'MANDATE_SUBMISSION', label: 'A submission to a mandate (people who agreed to be named)' },
];

export function purposeLabel(value) {
  const purpose = PURPOSES.find((p) => p.value === value || p.key === value);
  return purpose ? purpose.label : enumLabel(value);
}

/** Today as yyyy-mm-dd in her own time zone. */
export function isoToday() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** "Current", "Withdrawn", "Lapsed" or "Not yet given" on `day` (ISO dates compare as text). */
export function consentStatus(record, day = isoToday()) {
  if (!record) return 'Not recorded';
  if (record.withdrawn) return 'Withdrawn';
  if (record.given && record.given > day) return 'Not yet given';
  if (record.until && record.until < day) return 'Lapsed';
  return 'Current';
}

/** "1 Mar 2025 – 1 Mar 2027", with words for an unknown start and no end. */
export function consentSpan(given, until) {
  return `${given ? formatDate(given) : 'date unknown'} – ${until ? formatDate(until) : 'no end date'}`;
}

/** The contact page's table: one row per purpose, every field in words. */
export function consentTable(consent, { withheld = false } = {}) {
  if (withheld) {
    return html`<p class="sub" id="contact-consent-withheld">Withheld: a protected person's consent is shown only to roles with clearance.</p>`;
  }
  const recorded = PURPOSES.filter((p) => consent && consent[p.key]);
  if (!recorded.length) {
    return html`<p class="sub" id="contact-consent-none">No consent recorded: this person is never asked to introduce
      others, and is left out of referrals and exports that state a purpose.</p>`;
  }
  return html`<table class="list consent" id="contact-consent">
    <thead><tr><th scope="col">Agreed to</th><th scope="col">Status</th><th scope="col">Given</th><th scope="col">Until</th>
      <th scope="col">How</th><th scope="col">Recorded by</th><th scope="col">Withdrawn</th></tr></thead>
    <tbody>${recorded.map((p) => {
      const r = consent[p.key];
      const status = consentStatus(r);
      return html`<tr data-purpose=${p.key}>
        <th scope="row">${p.label}</th>
        <td><span class=${status === 'Current' ? 'consent-status current' : 'consent-status marked'}>${status}</span></td>
        <td>${r.given ? formatDate(r.given) : 'date unknown'}</td>
        <td>${r.until ? formatDate(r.until) : 'no end date'}</td>
        <td>${r.method ? enumLabel(r.method) : 'not recorded'}</td>
        <td>${r.recordedBy || 'not recorded'}</td>
        <td>${r.withdrawn ? formatDate(r.withdrawn) : '—'}</td>
      </tr>`;
    })}</tbody>
  </table>`;
}

// ---- the contact form --------------------------------------------------------------------

function name(purpose, field) {
  return `consent.${purpose}.${field}`;
}

/** The consent records as flat form values ("consent.introduce.until": "2027-03-01"). */
export function consentValues(consent) {
  const values = {};
  for (const p of PURPOSES) {
    const r = consent && consent[p.key];
    for (const f of FIELDS) values[name(p.key, f)] = (r && r[f]) || '';
    values[name(p.key, 'recorded')] = Boolean(r);
  }
  return values;
}

function recordOf(values, purpose) {
  if (!values[name(purpose, 'recorded')]) return null;
  const out = {};
  for (const f of FIELDS) if (values[name(purpose, f)]) out[f] = values[name(purpose, f)];
  return out;
}

/** The `consent` object of a new contact (none when nothing is recorded). */
export function consentBody(values) {
  const consent = {};
  for (const p of PURPOSES) {
    const r = recordOf(values, p.key);
    if (r) consent[p.key] = r;
  }
  return Object.keys(consent).length ? consent : undefined;
}

/** A merge patch of the `consent` object: only the fields that changed; a removed record is null. */
export function consentPatch(initial, values) {
  const patch = {};
  for (const p of PURPOSES) {
    const before = recordOf(initial, p.key);
    const after = recordOf(values, p.key);
    if (!before && !after) continue;
    if (!after) { patch[p.key] = null; continue; }
    const fields = {};
    for (const f of FIELDS) {
      if (((before && before[f]) || null) !== (after[f] || null)) fields[f] = after[f] || null;
    }
    if (!before || Object.keys(fields).length) patch[p.key] = before ? fields : after;
  }
  return Object.keys(patch).length ? patch : undefined;
}

/**
 * The fieldset that records consent: per purpose "not recorded" or the record's dates and method,
 * with "Withdraw today" for a record not withdrawn. Errors of any consent field show below it.
 */
export function consentFieldset(form) {
  const v = form.values;
  const set = (n, value) => form.set(n, value);
  return html`<fieldset class="wide consent-fields" id="contact-consent-fields">
    <legend>Consent <span class="sub">what this person agreed to; the server notes who recorded it</span></legend>
    ${PURPOSES.map((p) => {
      const recorded = v[name(p.key, 'recorded')];
      const id = (f) => `${form.idPrefix}-consent-${p.key}-${f}`;
      return html`<div class="consent-purpose" data-purpose=${p.key}>
        <div class="field checkbox">
          <input id=${id('recorded')} type="checkbox" .checked=${Boolean(recorded)}
            @change=${(e) => {
              set(name(p.key, 'recorded'), e.target.checked);
              if (e.target.checked && !v[name(p.key, 'given')]) set(name(p.key, 'given'), isoToday());
            }}>
          <label for=${id('recorded')}>Agreed to ${p.label.charAt(0).toLowerCase() + p.label.slice(1)}</label>
        </div>
        ${recorded ? html`<div class="consent-record">
          ${['given', 'until', 'withdrawn'].map((f) => html`<div class="field">
            <label for=${id(f)}>${{ given: 'Given on', until: 'Until', withdrawn: 'Withdrawn on' }[f]}</label>
            <input id=${id(f)} type="date" .value=${v[name(p.key, f)] || ''}
              @input=${(e) => set(name(p.key, f), e.target.value)}>
          </div>`)}
          <div class="field">
            <label for=${id('method')}>How</label>
            <select id=${id('method')} @change=${(e) => set(name(p.key, 'method'), e.target.value)}>
              <option value="" ?selected=${!v[name(p.key, 'method')]}>Not recorded</option>
              ${METHODS.map((m) => html`<option value=${m} ?selected=${v[name(p.key, 'method')] === m}>${enumLabel(m)}</option>`)}
            </select>
          </div>
          ${!v[name(p.key, 'withdrawn')] ? html`<button type="button" class="withdraw" id=${id('withdraw')}
              @click=${() => set(name(p.key, 'withdrawn'), isoToday())}>Withdraw today</button>` : nothing}
        </div>` : nothing}
      </div>`;
    })}
    <p class="hint">A consent counts from the day given through the day until; a withdrawal stops every use at once.
      Without a given date it counts as of unknown date.</p>
    ${form.error('consent')}
  </fieldset>`;
}
