import { useState } from 'react';
import { saveSession } from './session.js';

/** Staff email + password → POST /auth/login → Bearer token kept for this tab. */
export function SignInForm({ loginUrl, message, staffRoles, onSignedIn, title = 'UDID Exchange explorer',
  roleRefusal = 'The explorer is for DEPwD staff. Partner users call the API with their own tools.' }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);

  async function submit(e) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(loginUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ email: email.trim(), password }),
      });
      const body = await res.json().catch(() => ({}));
      if (!res.ok) throw new Error(body.errors?.[0]?.message ?? `Sign-in failed (HTTP ${res.status}).`);
      if (!staffRoles.includes(body.role)) throw new Error(roleRefusal);
      const session = { token: body.access_token, role: body.role, email: email.trim().toLowerCase(), expiresAt: Date.now() + body.expires_in * 1000 };
      saveSession(session);
      setPassword('');
      onSignedIn(session);
    } catch (err) {
      setError(err.message === 'Failed to fetch' ? 'The server cannot be reached. Try again shortly.' : err.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="udx-signin">
      <form className="udx-card" onSubmit={submit} aria-labelledby="udx-signin-title">
        <h1 id="udx-signin-title">{title}</h1>
        <p className="udx-hint">For DEPwD staff. Sign in with your staff email and password.</p>
        {message && <p className="udx-notice" role="status" data-testid="signin-message">{message}</p>}
        <label htmlFor="udx-email">Email</label>
        <input id="udx-email" name="email" type="email" autoComplete="username" required value={email}
          onChange={(e) => setEmail(e.target.value)} />
        <label htmlFor="udx-password">Password</label>
        <input id="udx-password" name="password" type="password" autoComplete="current-password" required value={password}
          onChange={(e) => setPassword(e.target.value)} />
        {error && <p className="udx-error" role="alert" data-testid="signin-error">{error}</p>}
        <button type="submit" className="udx-button udx-primary" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </div>
  );
}
