import { decide } from '../../scripts/audit';

// Shapes as npm 11 prints them for `npm audit --omit=dev --audit-level=high --json`.

/** Recorded on this build machine: the registry mirror answers the bulk advisory endpoint with 405. */
const ENDPOINT_405 = {
  stdout: JSON.stringify({
    message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
    method: 'POST',
    uri: 'https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
    headers: { allow: ['GET,HEAD'], 'content-length': ['0'], 'x-fetch-attempts': ['1'] },
    statusCode: 405,
    body: '',
    error: { summary: '', detail: '' },
  }, null, 2),
  stderr: 'npm warn audit 405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk\n' +
    'npm error audit endpoint returned an error\n',
  status: 1,
};

const metadata = (counts: Partial<Record<'info' | 'low' | 'moderate' | 'high' | 'critical', number>>) => {
  const v = { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counts };
  return {
    vulnerabilities: { ...v, total: Object.values(v).reduce((a, b) => a + b, 0) },
    dependencies: { prod: 312, dev: 0, optional: 4, peer: 0, peerOptional: 0, total: 315 },
  };
};
const report = (vulnerabilities: Record<string, unknown>, counts: Parameters<typeof metadata>[0]) =>
  ({ stdout: JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: metadata(counts) }, null, 2), stderr: '', status: 0 });

/** A high advisory in a transitive dependency, and the direct dependency that pulls it in. */
const HIGH = {
  'path-to-regexp': {
    name: 'path-to-regexp', severity: 'high', isDirect: false,
    via: [{
      source: 1101850, name: 'path-to-regexp', dependency: 'path-to-regexp',
      title: 'path-to-regexp outputs backtracking regular expressions',
      url: 'https://github.com/advisories/GHSA-9wv6-86v2-598j', severity: 'high', cwe: ['CWE-1333'],
      cvss: { score: 7.5, vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H' }, range: '<0.1.10',
    }],
    effects: ['router'], range: '<0.1.10', nodes: ['node_modules/path-to-regexp'], fixAvailable: true,
  },
  router: {
    name: 'router', severity: 'high', isDirect: false, via: ['path-to-regexp'], effects: [],
    range: '2.0.0-beta.1 - 2.0.0', nodes: ['node_modules/router'], fixAvailable: true,
  },
};

const MODERATE = {
  'brace-expansion': {
    name: 'brace-expansion', severity: 'moderate', isDirect: false,
    via: [{
      source: 1105443, name: 'brace-expansion', dependency: 'brace-expansion',
      title: 'brace-expansion Regular Expression Denial of Service vulnerability',
      url: 'https://github.com/advisories/GHSA-v6h2-p8h4-qcjw', severity: 'low', cwe: ['CWE-400'], range: '>=2.0.0 <=2.0.1',
    }, {
      source: 1099999, name: 'brace-expansion', dependency: 'brace-expansion', title: 'A moderate one',
      url: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc', severity: 'moderate', range: '<2.0.2',
    }],
    effects: [], range: '<2.0.2', nodes: ['node_modules/brace-expansion'], fixAvailable: true,
  },
};

const NONE = { exceptions: [] };
const EXPLAINED = {
  exceptions: [{ package: 'path-to-regexp', advisory: 'GHSA-9wv6-86v2-598j', reason: 'Only reached with routes defined in code, never with user input.' }],
};

describe('scripts/audit.js: what CI makes of npm audit --json', () => {
  it('endpoint error (the 405 recorded here): exit 3 with one line saying why, nothing run', () => {
    expect(decide(ENDPOINT_405, NONE)).toEqual({
      code: 3, lines: ['npm audit: advisory endpoint unreachable (405 Method Not Allowed); not run'],
    });
  });

  it('endpoint unreachable without a JSON report (network error on stderr only): exit 3', () => {
    const r = decide({ stdout: '', stderr: 'npm error code ENOTFOUND\nnpm error request to https://registry.npmjs.org/-/npm/v1/security/advisories/bulk failed, reason: getaddrinfo ENOTFOUND registry.npmjs.org\n', status: 1 }, NONE);
    expect(r.code).toBe(3);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(/^npm audit: advisory endpoint unreachable \(.*ENOTFOUND.*\); not run$/);
  });

  it('an ENOAUDIT error object: exit 3', () => {
    const r = decide({ stdout: JSON.stringify({ error: { code: 'ENOAUDIT', summary: 'Your configured registry does not support audit requests.', detail: '' } }), status: 1 }, NONE);
    expect(r).toEqual({ code: 3, lines: ['npm audit: advisory endpoint unreachable (ENOAUDIT: Your configured registry does not support audit requests.); not run'] });
  });

  it('a problem with this checkout (no lockfile) is a failure, not "not run"', () => {
    const r = decide({ stdout: JSON.stringify({ error: { code: 'ENOLOCK', summary: 'This command requires an existing lockfile.', detail: '' } }), status: 1 }, NONE);
    expect(r.code).toBe(2);
  });

  it('clean: exit 0, "0 advisories at high or above, all explained"', () => {
    expect(decide(report({}, {}), NONE)).toEqual({ code: 0, lines: ['npm audit: 0 advisories at high or above, all explained'] });
  });

  it('one unexplained high finding: listed once (not again for the package that pulls it in), exit 1', () => {
    const r = decide({ ...report(HIGH, { high: 2 }), status: 1 }, NONE);
    expect(r.code).toBe(1);
    expect(r.lines).toHaveLength(2);
    expect(r.lines[0]).toMatch(/high path-to-regexp <0\.1\.10 GHSA-9wv6-86v2-598j .*NOT EXPLAINED/);
    expect(r.lines[1]).toBe('npm audit: 1 advisory at high or above, 1 not explained in .ci/audit-exceptions.json');
  });

  it('one explained finding: listed with its reason, exit 0', () => {
    const r = decide({ ...report(HIGH, { high: 2 }), status: 1 }, EXPLAINED);
    expect(r.code).toBe(0);
    expect(r.lines[0]).toMatch(/GHSA-9wv6-86v2-598j .*explained: Only reached with routes defined in code/);
    expect(r.lines[r.lines.length - 1]).toBe('npm audit: 1 advisory at high or above, all explained');
  });

  it('an exception for another package or advisory does not explain the finding', () => {
    const other = { exceptions: [{ package: 'router', advisory: 'GHSA-9wv6-86v2-598j', reason: 'wrong package' }] };
    expect(decide(report(HIGH, { high: 2 }), other).code).toBe(1);
  });

  it('an exception without a reason is refused', () => {
    const r = decide(report(HIGH, { high: 2 }), { exceptions: [{ package: 'path-to-regexp', advisory: 'GHSA-9wv6-86v2-598j', reason: ' ' }] });
    expect(r.code).toBe(2);
    expect(r.lines[0]).toMatch(/non-empty "reason"/);
  });

  it('moderate and low findings are ignored', () => {
    expect(decide(report(MODERATE, { moderate: 1 }), NONE)).toEqual({ code: 0, lines: ['npm audit: 0 advisories at high or above, all explained'] });
  });

  it('a critical finding fails like a high one', () => {
    const critical = { 'path-to-regexp': { ...HIGH['path-to-regexp'], severity: 'critical', via: [{ ...HIGH['path-to-regexp'].via[0], severity: 'critical' }] } };
    expect(decide(report(critical, { critical: 1 }), NONE).code).toBe(1);
  });

  it('npm could not be started at all: exit 2', () => {
    expect(decide({ stdout: '', error: Object.assign(new Error('spawnSync npm ENOENT'), { code: 'ENOENT' }) }, NONE).code).toBe(2);
  });
});
