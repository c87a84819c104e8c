// Erasure ("forget") of a person from her page, for an ADMIN: a button, then a confirmation that
// names what goes and what stays and asks for the reason (required, kept in the audit log), then
// the result. The server decides (POST /api/contacts/{id}/erasure, ADMIN only) and does it in one
// transaction; this only asks clearly. See README "Erasure and retention".
import { send } from '../api.js';
import { html, live, nothing } from '../html.js';
import { isAdmin } from '../session.js';
import { failure, notice } from '../ui.js';

export class ErasurePanel {
  /** `id` and `name` of the person; `rerender` redraws the page that holds the panel. */
  constructor(id, rerender) {
    this.id = id;
    this.rerender = rerender;
    this.open = false;
    this.reason = '';
    this.busy = false;
    this.error = null;
    this.message = null;
    this.result = null;
  }

  /** Whether the confirmation holds a reason typed and not sent (the page asks before leaving). */
  dirty() {
    return this.open && this.reason.trim() !== '' && !this.result;
  }

  /** The button among the page's actions: ADMIN only. */
  button() {
    if (!isAdmin()) return nothing;
    return html`<button type="button" id="contact-erase" class="danger" aria-expanded=${this.open ? 'true' : 'false'}
      aria-controls="contact-erase-confirm" @click=${() => { this.open = true; this.error = null; this.rerender(); }}>Erase (forget) this person…</button>`;
  }

  /** The confirmation: what goes, what stays, and the reason. */
  confirmation(record, counts) {
    if (!this.open || !isAdmin()) return nothing;
    const name = record.name || record.id;
    return html`<div class="card confirm erasure-confirm" id="contact-erase-confirm" role="alertdialog"
        aria-labelledby="contact-erase-q" aria-describedby="contact-erase-what">
      <p id="contact-erase-q"><strong>Erase <span class="name">${name}</span> for good?</strong></p>
      <div id="contact-erase-what">
        <p>What goes, in one step that cannot be undone:</p>
        <ul>
          <li>the record with the name, country, channels and notes; their channels and notes also become unreadable in every backup already taken;</li>
          <li>the ${counts.ties} ${counts.ties === 1 ? 'tie' : 'ties'} and ${counts.participations} ${counts.participations === 1 ? 'participation' : 'participations'} in activities (the activities stay);</li>
          <li>the person's name and id in the audit log (the entries stay, saying what was done, not about whom);</li>
          <li>the link from any user account that is this person.</li>
        </ul>
        <p>What stays: introductions that named them, with their dates and status but a placeholder for the person;
          copies someone exported or printed, and anything written about them in other people's notes.</p>
      </div>
      <label for="contact-erase-reason">Reason for the erasure <span class="sub">(required; kept in the audit log — do not name the person)</span></label>
      <textarea id="contact-erase-reason" rows="3" maxlength="1000" required aria-required="true"
        aria-invalid=${this.error ? 'true' : 'false'} .value=${live(this.reason)}
        @input=${(e) => { this.reason = e.target.value; if (this.error) { this.error = null; this.rerender(); } }}></textarea>
      ${this.error ? html`<p class="field-error" data-error-for="reason" role="alert">${this.error}</p>` : nothing}
      ${notice(this.message)}
      <p class="erasure-buttons">
        <button type="button" class="danger primary" id="contact-erase-confirm-button" ?disabled=${this.busy}
          @click=${() => this.erase()}>Erase for good</button>
        <button type="button" id="contact-erase-cancel" @click=${() => { this.open = false; this.error = null; this.rerender(); }}>Keep this person</button>
      </p>
    </div>`;
  }

  async erase() {
    if (!this.reason.trim()) {
      this.error = 'Say why this person is erased.';
      this.rerender();
      return;
    }
    this.busy = true;
    this.error = null;
    this.message = null;
    this.rerender();
    try {
      this.result = await send('POST', `/api/contacts/${encodeURIComponent(this.id)}/erasure`, { reason: this.reason.trim() });
    } catch (e) {
      const fieldError = e.problem && (e.problem.errors || []).find((x) => x.field === 'reason');
      if (fieldError) this.error = fieldError.reason;
      else this.message = failure('Not erased', e);
    } finally {
      this.busy = false;
      this.rerender();
    }
  }

  /** After the erasure: what was done, naming no one. */
  done() {
    const r = this.result;
    return html`<section class="view narrow" aria-labelledby="contact-title">
      <h2 id="contact-title">Person erased</h2>
      <div class="notice" id="contact-erased" role="status">
        <p>The person was erased. They stand as <code class="tombstone">${r.tombstone}</code> where a record still needs a placeholder.</p>
        <ul>
          <li>${r.ties} ${r.ties === 1 ? 'tie' : 'ties'} and ${r.participations} ${r.participations === 1 ? 'participation' : 'participations'} removed</li>
          <li>${r.introductionsKept} ${r.introductionsKept === 1 ? 'introduction' : 'introductions'} kept without the person</li>
          <li>${r.auditEntriesTombstoned} audit ${r.auditEntriesTombstoned === 1 ? 'entry' : 'entries'} no longer name them</li>
          <li>${r.usersUnlinked} user ${r.usersUnlinked === 1 ? 'account' : 'accounts'} unlinked</li>
          <li>${r.dataKeyDestroyed ? 'Their data key was destroyed: their channels and notes cannot be read in any backup.' : 'They had no channels or notes to shred.'}</li>
        </ul>
        <p>Recorded in the audit log with your name, the time and the reason.</p>
      </div>
      <p><a href="#/map">Back to the map</a> · <a href="#/retention">Contacts to review for retention</a></p>
    </section>`;
  }
}
