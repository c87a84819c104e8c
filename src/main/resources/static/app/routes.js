// Every view of the page and the address that shows it (see router.js). A view module's default
// export renders into the workspace: show(container, params) → { dirty(), leave() } or nothing.
import { route } from './router.js';
import { canReadNetwork, canWrite, isAdmin } from './session.js';

const anyone = () => true;
const writers = canWrite;
// Views that record show a role without write access their own read-only message (anyone).
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
  route('introductions', lazy('introductions.js'), readers);
  route('record', lazy('record.js'), anyone);
  route('contacts/new', lazy('contact-form.js'), anyone);
  route('contacts/:id/edit', lazy('contact-form.js'), anyone);
  route('contacts/:id', lazy('contact.js'), readers);
  route('organisations/new', lazy('organisation-form.js'), anyone);
  route('organisations/:id/edit', lazy('organisation-form.js'), anyone);
  route('organisations/:id', lazy('contact.js'), readers);
  route('ties/new', lazy('tie-form.js'), anyone);
  route('visits/new', lazy('visit-form.js'), anyone);
  route('visits/:id/edit', lazy('visit-form.js'), anyone);
  route('communications/new', lazy('communication-form.js'), anyone);
  route('communications/:id/edit', lazy('communication-form.js'), anyone);
  route('trainings/new', lazy('training-form.js'), anyone);
  route('trainings/:id/edit', lazy('training-form.js'), anyone);
  route('followups', lazy('followups.js'), readers);
  route('handover', lazy('handover.js'), readers);
  route('import', lazy('import.js'), anyone);
  route('reports', lazy('reports.js'), anyone);
  route('retention', lazy('retention.js'), writers);
  route('audit', lazy('audit.js'), isAdmin);
}
