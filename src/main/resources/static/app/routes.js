// Every view of the page and the address that shows it (see router.js). A view module's default
// export renders into the workspace: show(container, params) → { dirty(), leave() } or nothing.
import { route } from './router.js';

const lazy = (file) => async (container, params, stillCurrent = () => true) => {
  const module = await import(`./views/${file}`);
  // She may have gone elsewhere while the module loaded: then this view is not shown at all.
  return stillCurrent() ? module.default(container, params) : null;
};

export function registerRoutes(showMap) {
  route('map', showMap);
  route('me', lazy('me.js'));
  route('find', lazy('find.js'));
  route('introductions', lazy('introductions.js'));
  route('record', lazy('record.js'));
  route('contacts/new', lazy('contact-form.js'));
  route('contacts/:id/edit', lazy('contact-form.js'));
  route('contacts/:id', lazy('contact.js'));
  route('organisations/new', lazy('organisation-form.js'));
  route('organisations/:id/edit', lazy('organisation-form.js'));
  route('organisations/:id', lazy('contact.js'));
  route('ties/new', lazy('tie-form.js'));
  route('visits/new', lazy('visit-form.js'));
  route('visits/:id/edit', lazy('visit-form.js'));
  route('communications/new', lazy('communication-form.js'));
  route('communications/:id/edit', lazy('communication-form.js'));
  route('trainings/new', lazy('training-form.js'));
  route('trainings/:id/edit', lazy('training-form.js'));
  route('followups', lazy('followups.js'));
  route('handover', lazy('handover.js'));
  route('import', lazy('import.js'));
  route('reports', lazy('reports.js'));
}
