import { benefitTypeLabel, consentStatusLabel, fieldLabel, label, Lang, LabelKey, LANGS } from './person.i18n';
import { PERSON_CSS_VERSION } from './person.style';
import type { PersonRecordView } from './person.view';
import { esc } from '../../core/http/html';

/** Server-rendered pages of /me/record: no script at all, one stylesheet of our own, every value escaped. */

const IST_OFFSET_MS = 5.5 * 3600_000;
/** 'YYYY-MM-DD HH:MM' in India Standard Time. */
export const istTime = (d: Date): string => new Date(d.getTime() + IST_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');

export function rupees(paise: number): string {
  return (paise / 100).toLocaleString('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export interface PageError { key: LabelKey; code: string; vars?: Record<string, string | number> }

function errorBox(lang: Lang, e: PageError | undefined): string {
  if (!e) return '';
  return `<div class="error" role="alert" data-code="${esc(e.code)}"><p>${esc(label(lang, e.key, e.vars))}</p><small>${esc(label(lang, 'errorCode'))}: ${esc(e.code)}</small></div>`;
}

function notice(text: string | undefined): string {
  return text ? `<p class="notice" role="status">${esc(text)}</p>` : '';
}

function layout(lang: Lang, heading: string, body: string): string {
  const switcher = LANGS.map((l) => l === lang
    ? `<a href="/me/record?lang=${l}" lang="${l}" hreflang="${l}" aria-current="true">${esc(label(l, 'langName'))}</a>`
    : `<a href="/me/record?lang=${l}" lang="${l}" hreflang="${l}">${esc(label(l, 'langName'))}</a>`).join('');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${esc(heading)} · ${esc(label(lang, 'title'))} · UDID Exchange</title>
<link rel="stylesheet" href="/me/assets/person.css?v=${PERSON_CSS_VERSION}">
</head>
<body>
<header><h1>${esc(label(lang, 'title'))}</h1><nav aria-label="${esc(label(lang, 'languages'))}">${switcher}</nav></header>
<main id="main">
${body}
</main>
</body>
</html>
`;
}

const hidden = (name: string, value: string) => `<input type="hidden" name="${esc(name)}" value="${esc(value)}">`;

export function signInPage(lang: Lang, csrf: string, opts: { error?: PageError; notice?: string; udid?: string } = {}): string {
  return layout(lang, label(lang, 'signInHeading'), `
<p>${esc(label(lang, 'intro'))}</p>
${notice(opts.notice)}${errorBox(lang, opts.error)}
<h2>${esc(label(lang, 'signInHeading'))}</h2>
<form class="stack" method="post" action="/me/record/sign-in">
${hidden('csrf', csrf)}
<label for="udid">${esc(label(lang, 'udid'))}</label>
<p class="hint" id="udid-hint">${esc(label(lang, 'udidHint'))}</p>
<input type="text" id="udid" name="udid" required maxlength="18" minlength="18" pattern="[A-Za-z]{2}[0-9]{16}" autocomplete="off" autocapitalize="characters" spellcheck="false" aria-describedby="udid-hint" value="${esc(opts.udid ?? '')}">
<label for="dob">${esc(label(lang, 'dob'))}</label>
<input type="date" id="dob" name="dob" required autocomplete="bday">
<button type="submit">${esc(label(lang, 'sendCode'))}</button>
</form>`);
}

export function codePage(lang: Lang, csrf: string, challenge: string, opts: { error?: PageError } = {}): string {
  return layout(lang, label(lang, 'codeHeading'), `
<h2>${esc(label(lang, 'codeHeading'))}</h2>
<p class="notice" role="status">${esc(label(lang, 'codeSent'))}</p>
${errorBox(lang, opts.error)}
<form class="stack" method="post" action="/me/record/code">
${hidden('csrf', csrf)}${hidden('challenge', challenge)}
<label for="code">${esc(label(lang, 'code'))}</label>
<input type="text" id="code" name="code" required inputmode="numeric" pattern="[0-9]{6}" maxlength="6" autocomplete="one-time-code" spellcheck="false">
<button type="submit">${esc(label(lang, 'verify'))}</button>
</form>
<p><a href="/me/record">${esc(label(lang, 'startAgain'))}</a></p>`);
}

/** A page that only says what went wrong and where to go next. */
export function errorPage(lang: Lang, error: PageError): string {
  return layout(lang, label(lang, 'errorCode'), `${errorBox(lang, error)}<p><a href="/me/record">${esc(label(lang, 'title'))}</a></p>`);
}

function legalBasis(lang: Lang, basis: string | null): string {
  if (basis === 'CONSENT') return label(lang, 'byConsent');
  if (basis === 'STATE_BENEFIT_S7B') return label(lang, 's7b');
  return '';
}

export function recordPage(lang: Lang, csrf: string, udid: string, view: PersonRecordView, opts: { notice?: string; error?: PageError } = {}): string {
  const events = view.events.length ? `<table id="reads" aria-labelledby="reads-heading">
<thead><tr><th scope="col">${esc(label(lang, 'when'))}</th><th scope="col">${esc(label(lang, 'organisation'))}</th><th scope="col">${esc(label(lang, 'application'))}</th><th scope="col">${esc(label(lang, 'fields'))}</th><th scope="col">${esc(label(lang, 'purpose'))}</th><th scope="col">${esc(label(lang, 'consent'))}</th></tr></thead>
<tbody>
${view.events.map((e) => `<tr data-event="${e.id}"><td class="when"><time datetime="${e.occurredAt.toISOString()}">${esc(istTime(e.occurredAt))}</time></td><td>${esc(e.organizationName)}</td><td>${esc(e.applicationName)}</td><td>${esc(e.fields.map((f) => fieldLabel(lang, f)).join(', '))}</td><td>${e.purposeCode ? `${esc(e.purposeDescription || e.purposeCode)}<br><small>${esc(e.purposeCode)} · ${esc(legalBasis(lang, e.legalBasis))}</small>` : ''}</td><td>${e.consentId ? `<span class="consent-id">${esc(e.consentId)}</span>` : esc(label(lang, 'noConsent'))}</td></tr>`).join('\n')}
</tbody></table>` : `<p>${esc(label(lang, 'readsEmpty'))}</p>`;

  const benefits = view.benefits.length ? `<table id="benefits" aria-labelledby="benefits-heading">
<thead><tr><th scope="col">${esc(label(lang, 'date'))}</th><th scope="col">${esc(label(lang, 'scheme'))}</th><th scope="col">${esc(label(lang, 'type'))}</th><th scope="col">${esc(label(lang, 'amount'))}</th><th scope="col">${esc(label(lang, 'organisation'))}</th><th scope="col">${esc(label(lang, 'status'))}</th></tr></thead>
<tbody>
${view.benefits.map((b) => `<tr data-benefit="${b.id}"><td>${esc(b.benefitDate)}</td><td>${esc(b.schemeName)}<br><small>${esc(b.schemeCode)}</small></td><td>${esc(benefitTypeLabel(lang, b.benefitType))}</td><td class="num">${b.amountPaise === null ? esc(label(lang, 'inKind')) : `₹${esc(rupees(b.amountPaise))}`}</td><td>${esc(b.organizationName)}</td><td>${esc(label(lang, b.status === 'REVERSED' ? 'reversed' : 'reported'))}</td></tr>`).join('\n')}
</tbody></table>` : `<p>${esc(label(lang, 'benefitsEmpty'))}</p>`;

  const consents = view.consents.length ? `<table id="consents" aria-labelledby="consents-heading">
<thead><tr><th scope="col">${esc(label(lang, 'organisation'))}</th><th scope="col">${esc(label(lang, 'purpose'))}</th><th scope="col">${esc(label(lang, 'consentFields'))}</th><th scope="col">${esc(label(lang, 'validity'))}</th><th scope="col">${esc(label(lang, 'status'))}</th><th scope="col">${esc(label(lang, 'action'))}</th></tr></thead>
<tbody>
${view.consents.map((c) => `<tr data-consent="${esc(c.consentId)}"><td>${esc(c.organizationName)}<br><small>${esc(c.applicationName)}</small></td><td>${esc(c.purposeDescription || c.purpose)}<br><small>${esc(c.purpose)}</small></td><td>${esc(c.fields.map((f) => fieldLabel(lang, f)).join(', '))}</td><td>${esc(label(lang, 'fromTo', { a: c.validFrom, b: c.validTo }))}</td><td class="status-${esc(c.status)}">${esc(consentStatusLabel(lang, c.status))}</td><td>${c.status === 'REVOKED' || c.status === 'EXPIRED' ? '' : `<form method="post" action="/me/record/revoke">${hidden('csrf', csrf)}${hidden('consentId', c.consentId)}<button type="submit" class="danger" aria-label="${esc(label(lang, 'revokeLabel', { org: c.organizationName, purpose: c.purposeDescription || c.purpose }))}">${esc(label(lang, 'revoke'))}</button></form>`}</td></tr>`).join('\n')}
</tbody></table>` : `<p>${esc(label(lang, 'consentsEmpty'))}</p>`;

  return layout(lang, label(lang, 'readsHeading'), `
<div class="signed"><p>${esc(label(lang, 'signedInAs', { udid }))}</p>
<form method="post" action="/me/record/sign-out">${hidden('csrf', csrf)}<button type="submit" class="secondary">${esc(label(lang, 'signOut'))}</button></form></div>
${notice(opts.notice)}${errorBox(lang, opts.error)}
<h2 id="reads-heading">${esc(label(lang, 'readsHeading'))}</h2>
${events}
<h2 id="consents-heading">${esc(label(lang, 'consentsHeading'))}</h2>
<p>${esc(label(lang, 'consentsIntro'))}</p>
${consents}
<h2 id="benefits-heading">${esc(label(lang, 'benefitsHeading'))}</h2>
${benefits}`);
}
