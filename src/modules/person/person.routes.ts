import express, { NextFunction, Request, Response, Router } from 'express';
import helmet from 'helmet';
import { randomBytes } from 'node:crypto';
import type { Logger } from '../../core/logger';
import type { RequestContext } from '../../core/request/context';
import { DomainError, isUnavailable } from '../../core/errors/errors';
import { Lang, LANGS, label } from './person.i18n';
import { codePage, errorPage, PageError, recordPage, signInPage } from './person.page';
import { PERSON_CSS, PERSON_CSS_VERSION } from './person.style';
import { PersonSession, PersonSignInService, SESSION_TTL_MS, SIGN_IN_FLOOR_MS } from './person.service';
import type { PersonRecordService } from './person.view';

export const SESSION_COOKIE = 'udx_me_session';
export const PRE_COOKIE = 'udx_me_pre';
export const LANG_COOKIE = 'udx_lang';
const UDID_RE = /^[A-Z]{2}[0-9]{16}$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The person's pages: no script at all, our stylesheet only, forms posting to this origin only, never
 * framed, no referrer, nothing cached. Replaces the API's `default-src 'none'` on /me only.
 */
const personPageHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"], styleSrc: ["'self'"], imgSrc: ['data:'], formAction: ["'self'"], frameAncestors: ["'none'"],
      baseUri: ["'none'"], objectSrc: ["'none'"],
    },
  },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  crossOriginResourcePolicy: { policy: 'same-origin' },
});

export interface PersonRouteDeps {
  signIn: PersonSignInService;
  record: PersonRecordService;
  log: Logger;
  /** A request context for this request (anonymous principal: the person is not an API principal). */
  contextOf: (req: Request, res: Response) => RequestContext;
  /** Secure cookies (production, or the request came over HTTPS). */
  secureCookies: boolean;
}

function cookies(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i < 1) continue;
    const k = part.slice(0, i).trim();
    if (!(k in out)) out[k] = part.slice(i + 1).trim();
  }
  return out;
}

function form(req: Request, name: string): string {
  const v = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v.trim() : '';
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * /me/record: the PwD's own view of who read their record (issue 18). GET shows the sign-in form or, with
 * a session, the view; POST /me/record/sign-in asks for a code, /code checks it, /revoke revokes a
 * consent, /sign-out ends the session. Every POST carries a CSRF token (signed double submit before
 * sign-in, bound to the session after); cookies are HttpOnly, SameSite=Strict, Path=/me.
 */
export function personRouter(deps: PersonRouteDeps): Router {
  const router = Router();
  const { signIn, record } = deps;
  const body = express.urlencoded({ extended: false, limit: '4kb', parameterLimit: 10 });

  const setCookie = (req: Request, res: Response, name: string, value: string, maxAgeS: number) => {
    const secure = deps.secureCookies || req.secure ? '; Secure' : '';
    res.append('Set-Cookie', `${name}=${value}; Path=/me; Max-Age=${maxAgeS}; HttpOnly; SameSite=Strict${secure}`);
  };

  /** ?lang= (remembered in a cookie), else the cookie, else English. */
  function langOf(req: Request, res: Response): Lang {
    const asked = typeof req.query.lang === 'string' ? req.query.lang : null;
    if (asked && (LANGS as readonly string[]).includes(asked)) {
      setCookie(req, res, LANG_COOKIE, asked, 365 * 86_400);
      return asked as Lang;
    }
    const c = cookies(req)[LANG_COOKIE];
    return c && (LANGS as readonly string[]).includes(c) ? (c as Lang) : 'en';
  }

  /** The sign-in forms' CSRF token; sets the pre-session nonce cookie when there is none. */
  function preCsrf(req: Request, res: Response): string {
    let nonce = cookies(req)[PRE_COOKIE];
    if (!nonce || !/^[A-Za-z0-9_-]{22}$/.test(nonce)) {
      nonce = randomBytes(16).toString('base64url');
      setCookie(req, res, PRE_COOKIE, nonce, 3600);
    }
    return signIn.preCsrf(nonce);
  }

  function preCsrfValid(req: Request): boolean {
    const nonce = cookies(req)[PRE_COOKIE];
    return !!nonce && /^[A-Za-z0-9_-]{22}$/.test(nonce) && PersonSignInService.sameToken(signIn.preCsrf(nonce), form(req, 'csrf'));
  }

  const send = (res: Response, status: number, html: string) => { res.status(status).type('html').send(html); };
  const refuse = (res: Response, lang: Lang, status: number, error: PageError) => send(res, status, errorPage(lang, error));
  const throttled = (res: Response, lang: Lang, retryAfterS: number) => {
    res.setHeader('Retry-After', String(retryAfterS));
    refuse(res, lang, 429, { key: 'throttled', code: 'THROTTLED', vars: { m: Math.ceil(retryAfterS / 60) } });
  };
  const csrfRefused = (res: Response, lang: Lang) => refuse(res, lang, 403, { key: 'csrf', code: 'FORBIDDEN' });

  /** Handlers' failures as pages: the database down is a 503; anything unexpected is logged (no personal data) and masked. */
  const page = (fn: (req: Request, res: Response, ctx: RequestContext, lang: Lang) => Promise<void>) =>
    async (req: Request, res: Response, _next: NextFunction) => {
      const lang = langOf(req, res);
      try {
        await fn(req, res, deps.contextOf(req, res), lang);
      } catch (err) {
        if (res.headersSent) return;
        if (isUnavailable(err)) { res.setHeader('Retry-After', '5'); return refuse(res, lang, 503, { key: 'unavailable', code: 'SERVICE_UNAVAILABLE' }); }
        // Only the error's kind: a driver error's message and parameters may carry the UDID or date of birth.
        const e = err as { name?: string; code?: string };
        deps.log.error({ errName: e?.name, errCode: e?.code, requestId: res.locals.requestId }, 'unexpected error on /me/record');
        refuse(res, lang, 500, { key: 'unavailable', code: 'INTERNAL_SERVER_ERROR' });
      }
    };

  /** The session of this request, or null (a stale cookie is cleared). */
  async function sessionOf(req: Request, res: Response, ctx: RequestContext): Promise<{ session: PersonSession | null; stale: boolean }> {
    const token = cookies(req)[SESSION_COOKIE];
    if (!token) return { session: null, stale: false };
    const session = await signIn.session(ctx, token);
    if (!session) setCookie(req, res, SESSION_COOKIE, '', 0);
    return { session, stale: !session };
  }

  router.use('/me', personPageHeaders, (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  router.get('/me', (_req, res) => { res.redirect(303, '/me/record'); });

  router.get('/me/assets/person.css', (req, res) => {
    res.setHeader('Cache-Control', req.query.v === PERSON_CSS_VERSION ? 'public, max-age=31536000, immutable' : 'no-cache');
    res.type('text/css; charset=utf-8').send(PERSON_CSS);
  });

  router.get('/me/record', page(async (req, res, ctx, lang) => {
    const { session, stale } = await sessionOf(req, res, ctx);
    if (!session) {
      const note = req.query.signedout !== undefined ? label(lang, 'signedOut') : stale ? label(lang, 'sessionEnded') : undefined;
      return send(res, 200, signInPage(lang, preCsrf(req, res), { notice: note }));
    }
    const view = await record.view(ctx, session.udid);
    const revoked = typeof req.query.revoked === 'string' ? view.consents.find((c) => c.consentId === req.query.revoked) : undefined;
    send(res, 200, recordPage(lang, signIn.sessionCsrf(session), session.udid, view, {
      notice: revoked ? label(lang, 'revoked', { org: revoked.organizationName }) : undefined,
    }));
  }));

  router.post('/me/record/sign-in', body, page(async (req, res, ctx, lang) => {
    const started = Date.now();
    if (!preCsrfValid(req)) return csrfRefused(res, lang);
    const udid = form(req, 'udid').toUpperCase();
    const dob = form(req, 'dob');
    const ipWait = await signIn.overLimit(ctx, 'codesPerIp', `ip:${ctx.ip}`);
    if (ipWait !== null) return throttled(res, lang, ipWait);
    if (!UDID_RE.test(udid) || !DATE_RE.test(dob)) {
      return send(res, 400, signInPage(lang, preCsrf(req, res), { error: { key: 'badFormat', code: 'BAD_USER_INPUT' } }));
    }
    const udidWait = await signIn.overLimit(ctx, 'codesPerUdid', `udid:${udid}`);
    if (udidWait !== null) return throttled(res, lang, udidWait);
    const challenge = await signIn.requestCode(ctx, udid, dob, lang);
    // The same page after the same time whether or not a code was sent.
    const wait = SIGN_IN_FLOOR_MS - (Date.now() - started);
    if (wait > 0) await sleep(wait);
    send(res, 200, codePage(lang, preCsrf(req, res), challenge));
  }));

  router.post('/me/record/code', body, page(async (req, res, ctx, lang) => {
    if (!preCsrfValid(req)) return csrfRefused(res, lang);
    const ipWait = await signIn.overLimit(ctx, 'checksPerIp', `ip:${ctx.ip}`);
    if (ipWait !== null) return throttled(res, lang, ipWait);
    const challenge = form(req, 'challenge');
    const code = form(req, 'code');
    if (!/^[A-Za-z0-9_-]{43}$/.test(challenge)) return send(res, 400, signInPage(lang, preCsrf(req, res), { error: { key: 'codeDead', code: 'BAD_USER_INPUT' } }));
    if (!/^\d{6}$/.test(code)) return send(res, 400, codePage(lang, preCsrf(req, res), challenge, { error: { key: 'badCode', code: 'BAD_USER_INPUT' } }));
    const r = await signIn.checkCode(ctx, challenge, code);
    if (r.ok) {
      setCookie(req, res, SESSION_COOKIE, r.token, Math.floor(SESSION_TTL_MS / 1000));
      return void res.redirect(303, '/me/record');
    }
    if (r.reason === 'WRONG') {
      return send(res, 400, codePage(lang, preCsrf(req, res), challenge, { error: { key: 'codeWrong', code: 'UNAUTHENTICATED', vars: { n: r.triesLeft } } }));
    }
    send(res, 400, signInPage(lang, preCsrf(req, res), { error: { key: 'codeDead', code: 'UNAUTHENTICATED' } }));
  }));

  router.post('/me/record/revoke', body, page(async (req, res, ctx, lang) => {
    const { session } = await sessionOf(req, res, ctx);
    if (!session) return send(res, 401, signInPage(lang, preCsrf(req, res), { error: { key: 'sessionEnded', code: 'UNAUTHENTICATED' } }));
    if (!PersonSignInService.sameToken(signIn.sessionCsrf(session), form(req, 'csrf'))) return csrfRefused(res, lang);
    const consentId = form(req, 'consentId');
    try {
      await record.revoke(ctx, session.udid, consentId);
    } catch (err) {
      if (!(err instanceof DomainError) || (err.code !== 'NOT_FOUND' && err.code !== 'CONFLICT')) throw err;
      const view = await record.view(ctx, session.udid);
      const error: PageError = err.code === 'NOT_FOUND' ? { key: 'notFound', code: 'NOT_FOUND' } : { key: 'alreadyRevoked', code: 'CONFLICT' };
      return send(res, err.code === 'NOT_FOUND' ? 404 : 409, recordPage(lang, signIn.sessionCsrf(session), session.udid, view, { error }));
    }
    res.redirect(303, `/me/record?revoked=${encodeURIComponent(consentId)}`);
  }));

  router.post('/me/record/sign-out', body, page(async (req, res, ctx, lang) => {
    const { session } = await sessionOf(req, res, ctx);
    if (session) {
      if (!PersonSignInService.sameToken(signIn.sessionCsrf(session), form(req, 'csrf'))) return csrfRefused(res, lang);
      await signIn.signOut(ctx, session);
      setCookie(req, res, SESSION_COOKIE, '', 0);
    }
    res.redirect(303, '/me/record?signedout');
  }));

  return router;
}
