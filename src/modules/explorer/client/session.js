// The staff token lives in sessionStorage: gone when the tab closes, never in a cookie or localStorage.
const KEY = 'udx.explorer.session';
const EXPIRED_FLAG = 'udx.explorer.expired';

export function saveSession(s) {
  sessionStorage.removeItem(EXPIRED_FLAG);
  sessionStorage.setItem(KEY, JSON.stringify(s));
}

/** The stored session if its token is still valid; an expired one is dropped (and remembered for the message). */
export function loadSession() {
  try {
    const s = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    if (s && typeof s.token === 'string' && s.expiresAt > Date.now()) return s;
    if (s) { clearSession(); sessionStorage.setItem(EXPIRED_FLAG, '1'); }
  } catch { clearSession(); }
  return null;
}

/** Sign-out: the token and GraphiQL's tabs, history and results (they may hold UDIDs) all go. */
export function clearSession() {
  sessionStorage.clear();
}
