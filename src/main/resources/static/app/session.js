// Who is logged in and what the role may do in the page. The server decides every request; these
// flags only keep the page from offering actions the server would refuse.
import { get } from './api.js';

export const user = {
  username: null, role: null, clearance: false, contact: null,
};

let vocabulary = null;
let identityListener = () => {};

/** Called when she links herself to a contact (the top bar names her). */
export function onIdentityChange(listener) {
  identityListener = listener;
}

/** After PUT /api/me/contact: referrals now start from this contact. */
export function setContact(id) {
  user.contact = id || null;
  identityListener();
}

/** Remembers GET /api/me. */
export function setUser(me) {
  Object.assign(user, { username: me.username, role: me.role, clearance: Boolean(me.clearance), contact: me.contact || null });
  vocabulary = null;
}

export function clearUser() {
  Object.assign(user, { username: null, role: null, clearance: false, contact: null });
  vocabulary = null;
}

/** Officers and administrators record; analysts and report readers only read. */
export function canWrite() {
  return user.role === 'ADMIN' || user.role === 'OFFICER';
}

export function isAdmin() {
  return user.role === 'ADMIN';
}

/** Reads the network (map, referrals, records): every role but REPORTS. */
export function canReadNetwork() {
  return user.role === 'ADMIN' || user.role === 'OFFICER' || user.role === 'ANALYST';
}

/** Roles without clearance see pseudonyms instead of protected people. */
export function pseudonymised() {
  return !user.clearance;
}

/** Enumerations, countries and themes in use (GET /api/vocabulary), asked once per login. */
export async function words() {
  if (!vocabulary) {
    vocabulary = get('/api/vocabulary').catch((e) => {
      vocabulary = null;
      throw e;
    });
  }
  return vocabulary;
}
