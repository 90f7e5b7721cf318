// CI's dependency audit: `npm audit --omit=dev --audit-level=high --json`, read here rather than by npm's
// exit code, so that an unreachable advisory endpoint (a registry mirror answering 405, no network) is
// told apart from findings, and findings explained in .ci/audit-exceptions.json do not fail the build.
//
// Exit codes: 0 every high/critical advisory of a production dependency is explained; 1 at least one is
// not; 2 the audit could not be read (npm failed otherwise, malformed exceptions file); 3 the advisory
// endpoint could not be reached, so nothing was checked (one line says why).
const { spawnSync } = require('child_process');
const { readFileSync, existsSync } = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const EXCEPTIONS_FILE = '.ci/audit-exceptions.json';
const ARGS = ['audit', '--omit=dev', '--audit-level=high', '--json'];
const TIMEOUT_MS = 120_000;
const FAILING = new Set(['high', 'critical']);
/** npm errors about this checkout rather than the endpoint: a real failure, not "not run". */
const LOCAL_ERRORS = new Set(['ENOLOCK', 'EJSONPARSE', 'EUSAGE']);
const ENDPOINT_TEXT = /audit endpoint returned an error|ENOAUDIT|ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|network|socket hang up|request to \S+ failed/i;

const unreachable = (reason) => ({ code: 3, lines: [`npm audit: advisory endpoint unreachable (${reason}); not run`] });
const oneLine = (s) => String(s).replace(/\s+/g, ' ').trim();

/** Why the endpoint failed, in a few words: "405 Method Not Allowed", "ENOTFOUND registry.npmjs.org", … */
function endpointReason(report, stderr) {
  const err = report && typeof report.error === 'object' && report.error ? report.error : {};
  const message = typeof report?.message === 'string' ? report.message.split(' - ')[0] : '';
  const parts = [
    message || (report?.statusCode ? `HTTP ${report.statusCode}` : ''),
    err.code && !message.includes(err.code) ? err.code : '',
    err.summary && !message ? err.summary : '',
  ].map(oneLine).filter(Boolean);
  if (parts.length) return parts.join(': ').slice(0, 200);
  const line = String(stderr || '').split('\n').map(oneLine).find((l) => ENDPOINT_TEXT.test(l));
  return line ? line.replace(/^npm (error|warn|ERR!)\s*/i, '').slice(0, 200) : 'no reason given';
}

/** GHSA id of an advisory (from its URL), else npm's numeric source id. */
function advisoryId(via) {
  const m = /GHSA-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}/i.exec(String(via.url || ''));
  return m ? m[0] : String(via.source ?? via.url ?? 'unknown');
}

/** The high/critical advisories of an npm 7+ report (auditReportVersion 2), one per package and advisory. */
function failingAdvisories(report) {
  const found = new Map();
  for (const vuln of Object.values(report.vulnerabilities)) {
    for (const via of vuln.via || []) {
      // A string `via` names a dependency that is vulnerable itself; its own entry lists the advisory.
      if (!via || typeof via !== 'object' || !FAILING.has(via.severity)) continue;
      const a = { package: via.name || vuln.name, advisory: advisoryId(via), severity: via.severity, title: via.title || '', range: via.range || vuln.range || '' };
      found.set(`${a.package} ${a.advisory}`, a);
    }
  }
  return [...found.values()].sort((x, y) => x.package.localeCompare(y.package) || x.advisory.localeCompare(y.advisory));
}

/** The exceptions file's entries that carry a reason; throws on a malformed file. */
function readExceptions(file) {
  if (!file || !Array.isArray(file.exceptions)) throw new Error(`${EXCEPTIONS_FILE} must be { "exceptions": [ { "package", "advisory", "reason" }, … ] }`);
  return file.exceptions.map((e, i) => {
    if (!e || typeof e.package !== 'string' || typeof e.advisory !== 'string' || typeof e.reason !== 'string' || !e.reason.trim()) {
      throw new Error(`${EXCEPTIONS_FILE}: exception #${i + 1} needs "package", "advisory" and a non-empty "reason"`);
    }
    return e;
  });
}

/**
 * The decision, from what npm printed: `run` is { stdout, stderr, status, error } (spawnSync's result),
 * `exceptionsFile` the parsed .ci/audit-exceptions.json. Returns the exit code and the lines to print.
 */
function decide(run, exceptionsFile) {
  let exceptions;
  try { exceptions = readExceptions(exceptionsFile); } catch (e) { return { code: 2, lines: [`npm audit: ${e.message}`] }; }
  if (run.error) {
    if (run.error.code === 'ETIMEDOUT') return unreachable(`no answer within ${TIMEOUT_MS / 1000} s`);
    return { code: 2, lines: [`npm audit: could not run npm (${oneLine(run.error.message)})`] };
  }
  let report = null;
  try { report = JSON.parse(run.stdout); } catch { /* below */ }
  if (!report || typeof report !== 'object') {
    if (ENDPOINT_TEXT.test(run.stderr || '')) return unreachable(endpointReason(null, run.stderr));
    return { code: 2, lines: [`npm audit: no JSON report (exit ${run.status}): ${oneLine(run.stderr || run.stdout || '').slice(0, 300)}`] };
  }
  if (report.error && typeof report.error === 'object') {
    if (LOCAL_ERRORS.has(report.error.code)) {
      return { code: 2, lines: [`npm audit: ${report.error.code}: ${oneLine(report.error.summary || report.error.detail || '')}`] };
    }
    return unreachable(endpointReason(report, run.stderr));
  }
  if (!report.vulnerabilities || typeof report.vulnerabilities !== 'object') {
    if (report.statusCode >= 400) return unreachable(endpointReason(report, run.stderr));
    return { code: 2, lines: ['npm audit: the JSON report has no "vulnerabilities" (npm 7 or later expected)'] };
  }

  const advisories = failingAdvisories(report);
  const reasonOf = (a) => exceptions.find((e) => e.package === a.package && e.advisory.toLowerCase() === a.advisory.toLowerCase())?.reason;
  const lines = [];
  let unexplained = 0;
  for (const a of advisories) {
    const reason = reasonOf(a);
    if (!reason) unexplained++;
    lines.push(`  ${a.severity} ${a.package}${a.range ? ` ${a.range}` : ''} ${a.advisory} ${a.title}: ${reason ? `explained: ${oneLine(reason)}` : `NOT EXPLAINED (fix it, or add it to ${EXCEPTIONS_FILE} with a reason)`}`);
  }
  for (const e of exceptions) {
    if (!advisories.some((a) => a.package === e.package && a.advisory.toLowerCase() === e.advisory.toLowerCase())) {
      lines.push(`  note: ${EXCEPTIONS_FILE} lists ${e.package} ${e.advisory}, which the audit no longer reports; remove it`);
    }
  }
  const n = advisories.length;
  const noun = n === 1 ? 'advisory' : 'advisories';
  if (unexplained) {
    lines.push(`npm audit: ${n} ${noun} at high or above, ${unexplained} not explained in ${EXCEPTIONS_FILE}`);
    return { code: 1, lines };
  }
  lines.push(`npm audit: ${n} ${noun} at high or above, all explained`);
  return { code: 0, lines };
}

function main() {
  const file = path.join(ROOT, EXCEPTIONS_FILE);
  let exceptionsFile = { exceptions: [] };
  if (existsSync(file)) {
    try { exceptionsFile = JSON.parse(readFileSync(file, 'utf8')); } catch (e) {
      console.log(`npm audit: ${EXCEPTIONS_FILE} is not valid JSON (${e.message})`);
      process.exit(2);
    }
  }
  const run = spawnSync('npm', ARGS, { cwd: ROOT, encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
  const { code, lines } = decide(run, exceptionsFile);
  for (const l of lines) console.log(l);
  process.exit(code);
}

module.exports = { decide, failingAdvisories };
if (require.main === module) main();
