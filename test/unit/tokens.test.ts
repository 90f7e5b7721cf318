import { randomBytes } from 'node:crypto';
import { TokenService } from '../../src/core/auth/tokens';
import { Scope } from '../../src/core/authz/scopes';

describe('TokenService verification (with its cache of verified tokens)', () => {
  let nowMs = Date.UTC(2026, 10, 27, 6, 0, 0);
  const svc = new TokenService(randomBytes(32).toString('hex'), () => new Date(nowMs));
  const other = new TokenService(randomBytes(32).toString('hex'), () => new Date(nowMs));
  const claims = { typ: 'app' as const, applicationId: 7, organizationId: 3, clientId: 'c-1', scopes: [Scope.PWD_IDENTITY] };

  it('answers a cached token exactly as the first verification did, until the second it expires', async () => {
    const start = nowMs;
    const { token, expiresIn } = await svc.issue(claims);
    const first = await svc.verify(token);
    expect(first).toEqual(claims);
    expect(await svc.verify(token)).toEqual(first);
    nowMs = start + expiresIn * 1000 - 1000;
    expect(await svc.verify(token)).toEqual(claims);
    nowMs = start + expiresIn * 1000;
    await expect(svc.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/expired/) });
    nowMs = start;
  });

  it('never accepts a token it did not sign, however close to one it has cached', async () => {
    const { token } = await svc.issue(claims);
    await svc.verify(token);
    const forged = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    await expect(svc.verify(forged)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const foreign = (await other.issue(claims)).token;
    await expect(svc.verify(foreign)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('re-verifies when the clock goes back before the token was issued', async () => {
    const { token } = await svc.issue(claims);
    await svc.verify(token);
    const saved = nowMs;
    nowMs -= 3600_000;
    await expect(svc.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    nowMs = saved;
    expect(await svc.verify(token)).toEqual(claims);
  });

  it('hands out claims no caller can alter for the next request', async () => {
    const { token } = await svc.issue(claims);
    const c = await svc.verify(token);
    expect(() => { (c as { scopes: string[] }).scopes.push('pwd:contact'); }).toThrow();
    expect((await svc.verify(token))).toEqual(claims);
  });
});
