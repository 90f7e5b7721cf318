import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect, promisify } from 'node:util';
import { createPublicKey, verify } from 'node:crypto';
import { calculateJwkThumbprint } from 'jose';
import { ConfigError, loadConfig } from '../../src/core/config/config';
import { newPrivateJwk, parseKeyFile, writeKeyFile } from '../../src/core/signing/signing-keys';

const run = promisify(execFile);
const JWT_SECRET = 'x'.repeat(40);

describe('SIGNING_KEY_FILE', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'udx-keys-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('embedded default: generated once under DATA_DIR with mode 0600, the same key on the next start', async () => {
    const a = loadConfig({ DATA_DIR: dir, JWT_SECRET });
    const file = join(dir, 'signing-keys.json');
    expect(a.signingKeyFile).toBe(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadConfig({ DATA_DIR: dir, JWT_SECRET }).signingKeys.kid).toBe(a.signingKeys.kid);
    // The kid is the RFC 7638 thumbprint of the public key (what jose computes).
    const [pub] = a.signingKeys.jwks().keys;
    expect(a.signingKeys.kid).toBe(await calculateJwkThumbprint({ kty: pub.kty, crv: pub.crv, x: pub.x }));
    expect(a.checkpointFile).toBe(join(dir, 'access-checkpoints.jsonl'));
  });

  it('production without it: one line naming SIGNING_KEY_FILE; the server exits 78 before anything else', async () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET, DATA_DIR: dir })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET, DATA_DIR: dir })).toThrow(/^Invalid configuration: SIGNING_KEY_FILE is required when NODE_ENV=production/);
    const r = await run(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
      env: { PATH: process.env.PATH, NODE_ENV: 'production', JWT_SECRET, DATA_DIR: dir, TS_NODE_TRANSPILE_ONLY: 'true' },
    }).then(() => ({ code: 0, stderr: '' }), (e) => ({ code: e.code as number, stderr: String(e.stderr) }));
    expect(r.code).toBe(78);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Invalid configuration: SIGNING_KEY_FILE is required/)]);
  });

  it('a given file: read and checked; a file other users can read or write, bad JSON, or no private key is refused', () => {
    const file = join(dir, 'keys.json');
    const k = newPrivateJwk();
    writeKeyFile(file, [k]);
    const c = loadConfig({ NODE_ENV: 'production', JWT_SECRET, SIGNING_KEY_FILE: file });
    expect(c.signingKeys.kid).toBe(k.kid);
    chmodSync(file, 0o644);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET, SIGNING_KEY_FILE: file })).toThrow(/^Invalid configuration: SIGNING_KEY_FILE must not be readable by every user/);
    chmodSync(file, 0o600);
    writeFileSync(file, '{"keys": [', { mode: 0o600 });
    expect(() => loadConfig({ JWT_SECRET, SIGNING_KEY_FILE: file })).toThrow(/^Invalid configuration: SIGNING_KEY_FILE must be a JWK Set .* it is not JSON/);
    const { d: _d, ...publicOnly } = k;
    writeFileSync(file, JSON.stringify({ keys: [publicOnly] }), { mode: 0o600 });
    expect(() => loadConfig({ JWT_SECRET, SIGNING_KEY_FILE: file })).toThrow(/SIGNING_KEY_FILE must hold at least one private key/);
    writeFileSync(file, JSON.stringify({ keys: [{ ...k, x: newPrivateJwk().x }] }), { mode: 0o600 });
    expect(() => loadConfig({ JWT_SECRET, SIGNING_KEY_FILE: file })).toThrow(/SIGNING_KEY_FILE must hold valid Ed25519 keys; key 1 is not one/);
    expect(() => loadConfig({ JWT_SECRET, SIGNING_KEY_FILE: join(dir, 'none.json') })).toThrow(/^Invalid configuration: SIGNING_KEY_FILE must name a readable file \(.*none\.json: ENOENT\)/);
  });

  it('rotation: the first private key signs, retired keys (with or without their private part) stay published', () => {
    const next = newPrivateJwk();
    const old = newPrivateJwk();
    const { d: _d, ...oldPublic } = old;
    const keys = parseKeyFile(JSON.stringify({ keys: [next, oldPublic] }));
    expect(keys.kid).toBe(next.kid);
    expect(keys.jwks().keys.map((k) => k.kid)).toEqual([next.kid, old.kid]);
    expect(keys.jwks().keys.every((k) => !('d' in k))).toBe(true);
    const sig = keys.sign('hello');
    expect(verify(null, Buffer.from('hello'), createPublicKey({ key: { ...keys.jwks().keys[0] }, format: 'jwk' }), sig)).toBe(true);
  });

  it('npm run signing:key creates the file (0600) and rotates it: add next, promote, retire; never prints a private key', async () => {
    const file = join(dir, 'rot.json');
    const cli = (...args: string[]) => run(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli/signing-key.ts', '--file', file, ...args])
      .then((r) => ({ code: 0, out: r.stdout }), (e) => ({ code: e.code as number, out: String(e.stdout) + String(e.stderr) }));
    const created = await cli();
    expect(created.code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const first = JSON.parse(readFileSync(file, 'utf8')).keys[0];
    expect(created.out).not.toContain(first.d);
    expect((await cli()).code).toBe(1); // exists
    expect((await cli('--add', 'next')).code).toBe(0);
    const second = JSON.parse(readFileSync(file, 'utf8')).keys[1];
    expect(loadConfig({ JWT_SECRET, SIGNING_KEY_FILE: file }).signingKeys.kid).toBe(first.kid); // published, not signing
    expect((await cli('--promote', second.kid)).code).toBe(0);
    expect((await cli('--retire', first.kid)).code).toBe(0);
    const keys = loadConfig({ JWT_SECRET, SIGNING_KEY_FILE: file }).signingKeys;
    expect(keys.kid).toBe(second.kid);
    expect(keys.jwks().keys.map((k) => k.kid)).toEqual([second.kid, first.kid]);
    expect(readFileSync(file, 'utf8')).not.toContain(first.d);
    expect((await cli('--retire', second.kid)).code).toBe(1); // the only key that can sign
  });

  it('the private key is never printed or serialised with the configuration', () => {
    const file = join(dir, 'keys.json');
    const k = newPrivateJwk();
    writeKeyFile(file, [k]);
    const c = loadConfig({ JWT_SECRET, SIGNING_KEY_FILE: file });
    expect(inspect(c, { depth: 10, showHidden: true })).not.toContain(k.d);
    expect(JSON.stringify(c)).not.toContain(k.d);
    expect(readFileSync(file, 'utf8')).toContain(k.d);
  });
});
