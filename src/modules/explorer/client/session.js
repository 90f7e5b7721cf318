// The staff token lives in sessionStorage: gone when the tab closes, never in a cookie or localStorage.
const KEY = 'udx.explorer.session';
const EXPIRED_FLAG = 'udx.explorer.expired';
// Whose GraphiQL tabs and history this tab holds: they carry over a re-sign-in by the same user only.
const OWNER = 'udx.explorer.owner';

export function saveSession(s) {
  const owner = sessionStorage.getItem(OWNER);
  if (owner && owner !== s.email) sessionStorage.clear();
  sessionStorage.removeItem(EXPIRED_FLAG);
  sessionStorage.setItem(OWNER, s.email);
  sessionStorage.setItem(KEY, JSON.stringify(s));
}

/** The stored session if its token is still valid; an expired one's token is dropped (and remembered for the message). */
export function loadSession() {
  try {
    const s = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    if (s && typeof s.token === 'string' && s.expiresAt > Date.now()) return s;
    if (s) clearToken();
  } catch { clearToken(); }
  return null;
}

/**
 * The token expired: only the token goes. The analyst's GraphiQL tabs and history stay in this tab's
 * sessionStorage for the next sign-in (they go with the tab, or on sign-out).
 */
export function clearToken() {
  sessionStorage.removeItem(KEY);
  sessionStorage.setItem(EXPIRED_FLAG, '1');
}

/** Sign-out: the token and GraphiQL's tabs, history and results (they may hold UDIDs) all go. */
export function clearSession() {
  sessionStorage.clear();
}

// GraphiQL's own storage (query text, tabs) for one signed-in session: sessionStorage while the session
// lasts, inert once it is closed, so an editor write GraphiQL had debounced cannot land after sign-out.
export function sessionScopedStorage() {
  let open = true;
  return {
    storage: {
      getItem: (k) => (open ? sessionStorage.getItem(k) : null),
      setItem: (k, v) => { if (open) sessionStorage.setItem(k, v); },
      removeItem: (k) => sessionStorage.removeItem(k),
      clear: () => { if (open) sessionStorage.clear(); },
      get length() { return open ? sessionStorage.length : 0; },
    },
    close: () => { open = false; },
  };
}
