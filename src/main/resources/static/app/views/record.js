// "Record what happened": what she can record, one click each, the follow-up lists, and a way to
// open an existing contact or organisation for editing.
import { html, render } from '../html.js';
import { navigate } from '../router.js';
import { canWrite } from '../session.js';
import { Picker } from '../ui.js';
import { readOnly } from './record-parts.js';

const KINDS = [
  { href: '#/contacts/new', id: 'record-contact', title: 'A contact', text: 'A person: defender, victim, journalist, official… with how to reach them and whether they may introduce others.' },
  { href: '#/organisations/new', id: 'record-organisation', title: 'An organisation', text: 'An NGO, NHRI, union, victims’ group… and the people affiliated with it.' },
  { href: '#/ties/new', id: 'record-tie', title: 'A tie', text: 'Two people who know each other, how much you trust the tie, and when they were last in touch.' },
  { href: '#/visits/new', id: 'record-visit', title: 'A country visit', text: 'A mandate’s visit and the people and organisations met; new people can be added on the way.' },
  { href: '#/communications/new', id: 'record-communication', title: 'A communication', text: 'An allegation letter, urgent appeal or other letter, the mandates that sent it and its sources.' },
  { href: '#/trainings/new', id: 'record-training', title: 'A training', text: 'A training given to civil society and who attended.' },
];

export default async function show(container) {
  if (!canWrite()) {
    render(readOnly('Record what happened'), container);
    return {};
  }
  const update = () => render(view(), container);
  const picker = new Picker({
    labels: ['Contact', 'Organisation'],
    label: 'Edit a contact or organisation already recorded',
    onChange: update,
    onPick: (m) => navigate(`#/${m.label === 'Organisation' ? 'organisations' : 'contacts'}/${encodeURIComponent(m.id)}/edit`),
  });

  function view() {
    return html`<section class="view record-hub" aria-labelledby="record-title">
      <h2 id="record-title">Record what happened</h2>
      <ul class="record-kinds">
        ${KINDS.map((k) => html`<li class="card"><a id=${k.id} href=${k.href}><strong>${k.title}</strong></a>
          <p class="sub">${k.text}</p></li>`)}
      </ul>
      <div class="columns record-more">
        <div class="card">
          <h3>Follow-ups</h3>
          <ul class="plain">
            <li><a id="record-followups" href="#/followups">Visit reports to send and sources to inform</a></li>
          </ul>
        </div>
        <div class="card">${picker.view()}</div>
      </div>
    </section>`;
  }

  update();
  return {};
}
