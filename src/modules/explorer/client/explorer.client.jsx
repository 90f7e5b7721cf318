// The analysts' explorer in the browser: a staff sign-in form, then GraphiQL sending the staff
// Bearer token. Bundled by the project with esbuild (src/modules/explorer/explorer.bundle.ts); the
// page has no inline script, so its settings come from data-* attributes of #explorer.
import { StrictMode, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';
import './explorer.css';
import { ExamplesPanel, ExamplesIcon } from './examples.plugin.jsx';
import { SignInForm } from './sign-in.form.jsx';
import { clearSession, clearToken, loadSession, sessionScopedStorage } from './session.js';

const mount = document.getElementById('explorer');
const cfg = { endpoint: mount.dataset.endpoint, login: mount.dataset.login, examples: mount.dataset.examples };
const STAFF_ROLES = ['DEPWD_ADMIN', 'NIC_OPERATOR', 'INTEGRATION_ENGINEER', 'ANALYST'];
const EXPIRED = 'Your session has expired. Sign in again.';
/** How long after an edit GraphiQL (@graphiql/react useStoreTabs) writes its tab state. */
const TAB_STATE_DEBOUNCE_MS = 500;

// The first tab holds a question every staff role may run, so ▶ answers at once. It is anonymous: a tab
// opened from it by an example must not keep sending its operation name.
const DEFAULT_QUERY = `# UDID Exchange: DEPwD staff explorer.
#
# Press ▶ (Ctrl-Enter) to run this question: the partner organisations and the
# state of their onboarding. More saved questions are under "Examples" (left);
# the schema is under "Documentation". Queries run with your staff role's permissions.
{
  organizations(first: 10) {
    edges { node { id name category state status } }
    pageInfo { hasNextPage endCursor }
  }
}
`;

function App() {
  const [session, setSession] = useState(() => loadSession());
  const [message, setMessage] = useState(() => (sessionStorage.getItem('udx.explorer.expired') ? EXPIRED : null));

  // One GraphiQL storage per signed-in session, closed before the session is cleared.
  const store = useMemo(() => (session ? sessionScopedStorage() : null), [session?.token]);

  // Sign-out: the token, tabs, history and results (they may hold UDIDs) all go.
  const signOut = () => {
    store?.close();
    clearSession();
    setSession(null);
    setMessage('You have signed out.');
  };
  // Expiry: only the token goes; the tabs and history wait in this tab for the analyst to sign in again.
  // GraphiQL stores its tabs half a second after an edit: the editor stays mounted (without a token)
  // that long, so a question typed just before the expiry is kept too.
  const expire = () => {
    clearToken();
    setTimeout(() => { setSession(null); setMessage(EXPIRED); }, TAB_STATE_DEBOUNCE_MS + 100);
  };

  useEffect(() => {
    if (!session) return undefined;
    // Back to the form when the token's lifetime ends, even if no request notices it first.
    const t = setTimeout(expire, Math.max(0, session.expiresAt - Date.now()));
    return () => clearTimeout(t);
  }, [session]);

  if (!session) {
    return <SignInForm loginUrl={cfg.login} message={message} staffRoles={STAFF_ROLES}
      onSignedIn={(s) => { setMessage(null); setSession(s); }} />;
  }
  return <Explorer session={session} storage={store.storage} onSignOut={signOut} onExpired={expire} />;
}

function Explorer({ session, storage, onSignOut, onExpired }) {
  const [examples, setExamples] = useState(null);
  const [examplesError, setExamplesError] = useState(null);

  const fetcher = useMemo(() => async (params) => {
    const res = await fetch(cfg.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${session.token}` },
      body: JSON.stringify(params),
    });
    if (res.status === 401) { onExpired(); return { errors: [{ message: EXPIRED }] }; }
    return res.json().catch(() => ({ errors: [{ message: `The server answered HTTP ${res.status} without a GraphQL body.` }] }));
  }, [session.token]);

  useEffect(() => {
    let live = true;
    fetch(cfg.examples, { headers: { authorization: `Bearer ${session.token}` } })
      .then(async (res) => {
        if (res.status === 401) return onExpired();
        const body = await res.json();
        if (!res.ok) throw new Error(body.errors?.[0]?.message ?? `HTTP ${res.status}`);
        if (live) setExamples(body.examples);
      })
      .catch((e) => live && setExamplesError(e.message));
    return () => { live = false; };
  }, [session.token]);

  const examplesPlugin = useMemo(() => ({
    title: 'Examples',
    icon: ExamplesIcon,
    content: () => <ExamplesPanel examples={examples} error={examplesError} />,
  }), [examples, examplesError]);

  return (
    <div className="udx-shell">
      <header className="udx-bar">
        <span className="udx-brand">UDID Exchange · explorer</span>
        <span className="udx-who" data-testid="signed-in-as">{session.email} ({session.role})</span>
        <button type="button" className="udx-button" id="sign-out" onClick={onSignOut}>Sign out</button>
      </header>
      <main className="udx-graphiql">
        <GraphiQL
          fetcher={fetcher}
          plugins={[examplesPlugin]}
          visiblePlugin={examplesPlugin}
          storage={storage}
          defaultQuery={DEFAULT_QUERY}
          isHeadersEditorEnabled={false}
          shouldPersistHeaders={false}
          defaultEditorToolsVisibility="variables"
        >
          <GraphiQL.Logo>UDID Exchange</GraphiQL.Logo>
        </GraphiQL>
      </main>
    </div>
  );
}

createRoot(mount).render(<StrictMode><App /></StrictMode>);
