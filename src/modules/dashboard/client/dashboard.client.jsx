// The DEPwD staff dashboard: coverage, benefit trends, alerts, MoUs and reporting at a glance, built on
// POST /graphql with the staff token (no endpoint of its own). Same sign-in and session as the explorer.
import { StrictMode, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import './dashboard.css';
import { SignInForm } from '../../explorer/client/sign-in.form.jsx';
import { clearSession, clearToken, loadSession } from '../../explorer/client/session.js';
import { graphql, SessionExpired } from './api.js';
import { Overview } from './overview.jsx';

const mount = document.getElementById('dashboard');
const cfg = { endpoint: mount.dataset.endpoint, login: mount.dataset.login, explorer: mount.dataset.explorer };
/** The oversight queries answer DEPwD analysts and admins only. */
const DASHBOARD_ROLES = ['ANALYST', 'DEPWD_ADMIN'];
const EXPIRED = 'Your session has expired. Sign in again.';

function App() {
  const [session, setSession] = useState(() => {
    const s = loadSession();
    return s && DASHBOARD_ROLES.includes(s.role) ? s : null;
  });
  const [message, setMessage] = useState(() => (sessionStorage.getItem('udx.explorer.expired') ? EXPIRED : null));

  const end = (why, keepPage) => {
    if (keepPage) clearToken(); else clearSession();
    setSession(null);
    setMessage(why);
  };
  useEffect(() => {
    if (!session) return undefined;
    const t = setTimeout(() => end(EXPIRED, true), Math.max(0, session.expiresAt - Date.now()));
    return () => clearTimeout(t);
  }, [session]);

  const gql = useMemo(() => {
    if (!session) return null;
    const call = graphql(cfg.endpoint, session.token);
    return (q, v) => call(q, v).catch((e) => { if (e instanceof SessionExpired) end(EXPIRED, true); throw e; });
  }, [session?.token]);

  if (!session) {
    return <SignInForm loginUrl={cfg.login} message={message} staffRoles={DASHBOARD_ROLES} title="UDID Exchange dashboard"
      roleRefusal="The dashboard is for DEPwD analysts and admins."
      onSignedIn={(s) => { setMessage(null); setSession(s); }} />;
  }
  return (
    <div className="udx-dash">
      <header className="udx-bar">
        <span className="udx-brand">UDID Exchange · dashboard</span>
        <a className="udx-barlink" href={cfg.explorer}>Explorer</a>
        <span className="udx-who" data-testid="signed-in-as">{session.email} ({session.role})</span>
        <button type="button" className="udx-button" id="sign-out" onClick={() => end('You have signed out.', false)}>Sign out</button>
      </header>
      <Overview gql={gql} role={session.role} />
    </div>
  );
}

createRoot(mount).render(<StrictMode><App /></StrictMode>);
