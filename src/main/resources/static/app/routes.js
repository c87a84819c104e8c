// Every view of the page and the address that shows it (see router.js). A view module's default
// export renders into the workspace: show(container, params) → { dirty(), leave() } or nothing.
import { route } from './router.js';
import { canReadNetwork, canWrite } from './session.js';

const anyone = () => true;
const writers = canWrite;
const readers = canReadNetwork;

const lazy = (file) => async (container, params, stillCurrent = () => true) => {
  const module = await import(`./views/${file}`);
  // She may have gone elsewhere while the module loaded: then this view is not shown at all.
  return stillCurrent() ? module.default(container, params) : null;
};

/** Each view and who may open it (the server decides every request; this keeps a bookmark from
 *  opening a view her role cannot use). */
export function registerRoutes(showMap) {
  route('map', showMap, readers);
  route('me', lazy('me.js'), writers);
  route('find', lazy('find.js'), readers);
  route('introductions', lazy('introductions.js'), writers);
  route('record', lazy('record.js'), writers);
  route('contacts/new', lazy('contact-form.js'), writers);
  route('contacts/:id/edit', lazy('contact-form.js'), writers);
  route('contacts/:id', lazy('contact.js'), readers);
  route('organisations/new', lazy('organisation-form.js'), writers);
  route('organisations/:id/edit', lazy('organisation-form.js'), writers);
  route('organisations/:id', lazy('contact.js'), readers);
  route('ties/new', lazy('tie-form.js'), writers);
  route('visits/new', lazy('visit-form.js'), writers);
  route('visits/:id/edit', lazy('visit-form.js'), writers);
  route('communications/new', lazy('communication-form.js'), writers);
  route('communications/:id/edit', lazy('communication-form.js'), writers);
  route('trainings/new', lazy('training-form.js'), writers);
  route('trainings/:id/edit', lazy('training-form.js'), writers);
  route('followups', lazy('followups.js'), writers);
  route('handover', lazy('handover.js'), writers);
  route('import', lazy('import.js'), writers);
  route('reports', lazy('reports.js'), anyone);
}
