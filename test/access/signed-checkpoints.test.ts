import { execFile } from 'node:child_process';
import http from 'node:http';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CompactSign, JWK } from 'jose';
import { DataSource } from 'typeorm';
import { createActivePartner, onMysql, openTestDatabase, startTestServer, testLogger, TestServer, TEST_DATABASE_URL } from '../helpers/server';
import { loadConfig } from '../../src/core/config/config';
import { createServer, AppServer } from '../../src/app/server';
import { seedPwdRecords } from '../../src/modules/pwd/pwd.seed';
import { eventDigest } from '../../src/modules/access/access-log';
import { verifyAccessLog } from '../../src/modules/access/access-log.verify';
import { databaseCheckpoints, fileCheckpoints, verifyCheckpoints } from '../../src/modules/access/access-checkpoint.verify';
import { fromDbDateTime, toDbDateTime } from '../../src/core/db/columns';
import { newPrivateJwk, writeKeyFile } from '../../src/core/signing/signing-keys';

const run = promisify(execFile);
jest.setTimeout(120_000);

/** A server on an existing database (a second replica, or the same deployment after a key rotation). */
async function boot(ds: DataSource, env: Record<string, string>): Promise<{ server: AppServer; url: string }> {
  const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'j'.repeat(40), PORT: '0', ...env }, { persistSecret: false });
  const server = await createServer({ config, ds, log: testLogger() });
  const port = await server.listen(0, '127.0.0.1');
  return { server, url: `http://127.0.0.1:${port}` };
}

async function token(url: string, p: { clientId: string; clientSecret: string }): Promise<string> {
  const res = await fetch(`${url}/oauth/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_id: p.clientId, client_secret: p.clientSecret }) });
  return ((await res.json()) as { access_token: string }).access_token;
}

/** Serves `n` records (one pwds page) over HTTP and waits until their events are stored and any checkpoint due is signed. */
async function serve(s: AppServer, url: string, tok: string, n: number, after: string | null = null): Promise<string | null> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tok}` },
    body: JSON.stringify({ query: 'query($n: Int, $a: String) { pwds(filter: {}, first: $n, after: $a) { edges { node { udid } } pageInfo { endCursor } } }', variables: { n, a: after } }),
  });
  const body = (await res.json()) as any;
  expect(body.data.pwds.edges).toHaveLength(n);
  await s.services.accessLog.flush();
  await s.services.checkpoints.run('EVENTS');
  return body.data.pwds.pageInfo.endCursor;
}

async function publicJwks(url: string): Promise<{ keys: JWK[] }> {
  const res = await fetch(`${url}/.well-known/jwks.json`);
  expect(res.status).toBe(200);
  return (await res.json()) as { keys: JWK[] };
}

/** What an auditor runs: every checkpoint of the database and of the shipped files, verified with the published keys, then the chain. */
async function audit(ds: DataSource, keys: { keys: JWK[] }, files: string[] = []) {
  const found = await databaseCheckpoints(ds);
  for (const f of files) found.push(...(await fileCheckpoints(f)).found);
  const v = await verifyCheckpoints(found, keys);
  if (v.problem) return { ok: false, problem: { kind: v.problem.kind, eventId: 0, message: v.problem.message } };
  return verifyAccessLog(ds, { checkpoints: v.checkpoints, pageSize: 4 });
}

/** The attacker's tool: after changing the log, recompute every hash from `fromId` on and the head, as audit:verify would. */
async function rechain(ds: DataSource, fromId: number): Promise<void> {
  const [prev] = await ds.query('SELECT hash FROM access_event WHERE id < ? ORDER BY id DESC LIMIT 1', [fromId]);
  let hash: string = prev?.hash ?? '0'.repeat(64);
  const rows = await ds.query('SELECT * FROM access_event WHERE id >= ? ORDER BY id', [fromId]);
  for (const r of rows) {
    const next = eventDigest(hash, {
      applicationId: Number(r.application_id), organizationId: Number(r.organization_id), udid: r.udid, source: r.source, scopes: r.scopes, fields: r.fields,
      operationName: r.operation_name, requestId: r.request_id, sourceIp: r.source_ip, occurredAt: fromDbDateTime(r.occurred_at)!,
      purposeId: r.purpose_id == null ? null : Number(r.purpose_id), consentId: r.consent_id ?? null,
    });
    await ds.query('UPDATE access_event SET prev_hash = ?, hash = ? WHERE id = ?', [hash, next, r.id]);
    hash = next;
  }
  const [last] = await ds.query('SELECT MAX(id) AS id FROM access_event');
  await ds.query('UPDATE access_log_head SET last_event_id = ?, last_hash = ? WHERE id = 1', [Number(last.id ?? 0), hash]);
}

/**
 * A deployment that served 15 records in three requests (6, 6, 3) with CHECKPOINT_EVERY_EVENTS=5 and
 * was shut down: checkpoints 1 (event 6), 2 (event 12) and 3 (event 15, on close), in the database and in
 * CHECKPOINT_FILE. The server is closed; its database stays for the attack.
 */
async function loggedDeployment(): Promise<{ t: TestServer; dir: string; file: string; keys: { keys: JWK[] } }> {
  const dir = mkdtempSync(join(tmpdir(), 'udx-cp-'));
  const file = join(dir, 'checkpoints.jsonl');
  const t = await startTestServer({ records: 40, env: { CHECKPOINT_EVERY_EVENTS: '5', CHECKPOINT_EVERY_MS: '3600000', CHECKPOINT_FILE: file } });
  const p = await createActivePartner(t.ds);
  const tok = await t.appToken(p);
  let cursor = await serve(t.server, t.url, tok, 6);
  cursor = await serve(t.server, t.url, tok, 6, cursor);
  await serve(t.server, t.url, tok, 3, cursor);
  const keys = await publicJwks(t.url);
  await t.server.close();
  return { t, dir, file, keys };
}

describe('signed checkpoints of the access log', () => {
  it('every N events and on shutdown a checkpoint is signed, stored and appended to CHECKPOINT_FILE; all verify with the published keys', async () => {
    const { t, dir, file, keys } = await loggedDeployment();
    try {
      const rows = await t.ds.query('SELECT seq, last_event_id, last_hash, kid, reason, jws FROM access_checkpoint ORDER BY seq');
      expect(rows.map((r: any) => [Number(r.seq), Number(r.last_event_id), r.reason])).toEqual([[1, 6, 'EVENTS'], [2, 12, 'EVENTS'], [3, 15, 'CLOSE']]);
      const [head] = await t.ds.query('SELECT last_event_id, last_hash FROM access_log_head');
      expect(rows[2].last_hash).toBe(head.last_hash);
      const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
      expect(lines.map((l) => l.jws)).toEqual(rows.map((r: any) => r.jws));
      expect(lines[0]).toMatchObject({ seq: 1, eventId: 6, kid: keys.keys[0].kid });
      expect(keys.keys[0]).toEqual({ kty: 'OKP', crv: 'Ed25519', x: expect.any(String), kid: rows[0].kid, alg: 'EdDSA', use: 'sig' });
      const report = await audit(t.ds, keys, [file]);
      expect(report).toMatchObject({ ok: true, checked: 15, checkpoints: { verified: 3, latestSeq: 3, latestEventId: 15, eventsAfterLatest: 0 } });
    } finally {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('every T: with CHECKPOINT_EVERY_MS and fewer than N events, the timer signs (reason TIME), not more often than T', async () => {
    // T = 2 s: long enough that serving 2 records (token, page, flush) is done before the timer is due even
    // on a loaded CI machine (at 300 ms it fired first there once), short enough to watch it twice.
    const T = 2000;
    const t = await startTestServer({ records: 20, env: { CHECKPOINT_EVERY_EVENTS: '1000', CHECKPOINT_EVERY_MS: String(T) } });
    try {
      const tok = await t.appToken(await createActivePartner(t.ds));
      const rows = async () => t.ds.query('SELECT seq, last_event_id, reason, signed_at FROM access_checkpoint ORDER BY seq');
      const until = async (n: number) => { for (let i = 0; i < 300 && (await rows()).length < n; i++) await new Promise((r) => setTimeout(r, 50)); return rows(); };
      let cursor = await serve(t.server, t.url, tok, 2);
      expect(await rows()).toHaveLength(0); // 2 events: not due by count
      const first = await until(1);
      expect(first.map((r: any) => [Number(r.last_event_id), r.reason])).toEqual([[2, 'TIME']]);
      cursor = await serve(t.server, t.url, tok, 1, cursor);
      const both = await until(2);
      expect(both.map((r: any) => [Number(r.seq), Number(r.last_event_id), r.reason])).toEqual([[1, 2, 'TIME'], [2, 3, 'TIME']]);
      expect(fromDbDateTime(both[1].signed_at)!.getTime() - fromDbDateTime(both[0].signed_at)!.getTime()).toBeGreaterThanOrEqual(T);
      // Nothing new written: no checkpoint however long it waits (more than T).
      await new Promise((r) => setTimeout(r, T + 500));
      expect(await rows()).toHaveLength(2);
      void cursor;
    } finally {
      await t.close();
    }
  });

  it('re-chained log (an event altered, every later hash and the head recomputed): the hash chain alone says intact, the checkpoints say RECHAINED', async () => {
    const { t, dir, file, keys } = await loggedDeployment();
    try {
      await t.ds.query("UPDATE access_event SET udid = 'KA0000000000000000' WHERE id = 3");
      await rechain(t.ds, 3);
      expect(await verifyAccessLog(t.ds)).toMatchObject({ ok: true, checked: 15 });
      expect((await audit(t.ds, keys, [file])).problem).toMatchObject({ kind: 'RECHAINED', eventId: 6 });
      // Deleting an event in the middle and re-chaining after it is found too.
      await t.ds.query('DELETE FROM access_event WHERE id = 6');
      await rechain(t.ds, 7);
      expect((await verifyAccessLog(t.ds)).ok).toBe(true);
      expect((await audit(t.ds, keys, [file])).problem).toMatchObject({ kind: 'RECHAINED', eventId: 6 });
    } finally {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('truncated tail (the latest events deleted, the head rewritten): TRUNCATED, from the database\'s own signed checkpoints', async () => {
    const { t, dir, keys } = await loggedDeployment();
    try {
      await t.ds.query('DELETE FROM access_event WHERE id > 9');
      await rechain(t.ds, 10);
      expect((await verifyAccessLog(t.ds)).ok).toBe(true);
      expect((await audit(t.ds, keys)).problem).toMatchObject({ kind: 'TRUNCATED', eventId: 15 });
    } finally {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rolled-back head: the database set back to an earlier state (events, head and its later checkpoints) is ROLLED_BACK against the shipped file; a head set back alone too', async () => {
    const { t, dir, file, keys } = await loggedDeployment();
    try {
      const [h6] = await t.ds.query('SELECT hash FROM access_event WHERE id = 6');
      await t.ds.query('UPDATE access_log_head SET last_event_id = 6, last_hash = ? WHERE id = 1', [h6.hash]);
      expect((await verifyAccessLog(t.ds)).problem).toMatchObject({ kind: 'ROLLED_BACK', eventId: 6 });
      // As after restoring a copy taken at event 6: the database is consistent with its own checkpoint 1…
      await t.ds.query('DELETE FROM access_event WHERE id > 6');
      await t.ds.query('DELETE FROM access_checkpoint WHERE seq > 1');
      expect(await audit(t.ds, keys)).toMatchObject({ ok: true, checked: 6 });
      // …but not with checkpoint 3, kept off the host.
      expect((await audit(t.ds, keys, [file])).problem).toMatchObject({ kind: 'ROLLED_BACK', eventId: 15 });
    } finally {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a checkpoint not signed by a published key, a damaged file line, or two checkpoints under one number: refused (fail closed)', async () => {
    const { t, dir, file, keys } = await loggedDeployment();
    try {
      const other = generateKeyPairSync('ed25519').privateKey;
      const [head] = await t.ds.query('SELECT last_event_id, last_hash FROM access_log_head');
      const forged = await new CompactSign(Buffer.from(JSON.stringify({ v: 1, seq: 4, eventId: 16, hash: head.last_hash, at: new Date().toISOString() })))
        .setProtectedHeader({ alg: 'EdDSA', kid: keys.keys[0].kid as string, typ: 'udx-access-checkpoint+jws' }).sign(other);
      await t.ds.query("INSERT INTO access_checkpoint (seq, last_event_id, last_hash, signed_at, kid, reason, jws) VALUES (4, 16, ?, ?, 'x', 'TIME', ?)", [head.last_hash, toDbDateTime(new Date()), forged]);
      expect((await audit(t.ds, keys)).problem).toMatchObject({ kind: 'BAD_CHECKPOINT' });
      await t.ds.query('DELETE FROM access_checkpoint WHERE seq = 4');
      writeFileSync(file, readFileSync(file, 'utf8') + '{"seq":4,"jws":\n');
      expect((await fileCheckpoints(file)).problem).toMatchObject({ kind: 'BAD_CHECKPOINT', message: expect.stringMatching(/checkpoints\.jsonl:4 /) });
      // Another checkpoint 2, validly signed with the same key but for another head (two signers that did not see each other): FORKED.
      const [e11] = await t.ds.query('SELECT hash FROM access_event WHERE id = 11');
      const fork = await new CompactSign(Buffer.from(JSON.stringify({ v: 1, seq: 2, eventId: 11, hash: e11.hash, at: new Date().toISOString() })))
        .setProtectedHeader({ alg: 'EdDSA', kid: t.config.signingKeys.kid, typ: 'udx-access-checkpoint+jws' }).sign(t.config.signingKeys.privateKey());
      const v = await verifyCheckpoints([...await databaseCheckpoints(t.ds), { jws: fork, source: 'elsewhere.jsonl:1' }], keys);
      expect(v.problem).toMatchObject({ kind: 'FORKED', seq: 2 });
      // A JWS of this key that is not a checkpoint (another typ) is not taken for one.
      const notCp = await new CompactSign(Buffer.from('{}')).setProtectedHeader({ alg: 'EdDSA', kid: t.config.signingKeys.kid }).sign(t.config.signingKeys.privateKey());
      expect((await verifyCheckpoints([{ jws: notCp, source: 'x:1' }], keys)).problem).toMatchObject({ kind: 'BAD_CHECKPOINT' });
    } finally {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('key rotation: checkpoints signed before and after stay verifiable with the published JWKS; without the new key they are refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'udx-rot-'));
    const { ds, drop } = await openTestDatabase();
    try {
      await seedPwdRecords(ds, 30);
      const keyFile = join(dir, 'keys.json');
      const a = newPrivateJwk();
      writeKeyFile(keyFile, [a]);
      const env = { SIGNING_KEY_FILE: keyFile, CHECKPOINT_EVERY_EVENTS: '4', CHECKPOINT_EVERY_MS: '3600000' };
      const p = await createActivePartner(ds);
      const one = await boot(ds, env);
      let cursor = await serve(one.server, one.url, await token(one.url, p), 5);
      const jwksA = await publicJwks(one.url);
      await one.server.close();

      // Rotate: the new key first; the old one kept as a public key only (its private part destroyed).
      const b = newPrivateJwk();
      const { d: _d, ...aPublic } = a;
      writeKeyFile(keyFile, [b, aPublic]);
      const two = await boot(ds, env);
      const jwks = await publicJwks(two.url);
      expect(jwks.keys.map((k) => k.kid)).toEqual([b.kid, a.kid]);
      cursor = await serve(two.server, two.url, await token(two.url, p), 5, cursor);
      const res = await fetch(`${two.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      expect(res.headers.get('signature-input')).toContain(`keyid="${b.kid}"`);
      await two.server.close();

      const kids = (await ds.query('SELECT kid FROM access_checkpoint ORDER BY seq')).map((r: any) => r.kid);
      expect(kids).toEqual([a.kid, b.kid]); // one batch of 5 each: a checkpoint after it (4 due), none more on close
      expect(await audit(ds, jwks)).toMatchObject({ ok: true, checked: 10, checkpoints: { verified: 2 } });
      const stale = await audit(ds, jwksA);
      expect(stale.problem).toMatchObject({ kind: 'BAD_CHECKPOINT', message: expect.stringMatching(/not among the public keys given/) });
    } finally {
      await drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('several replicas on one database: one sequence of checkpoints, no duplicate, no fork; each line in exactly one replica\'s file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'udx-rep-'));
    const { ds, drop } = await openTestDatabase();
    try {
      await seedPwdRecords(ds, 60);
      const keyFile = join(dir, 'keys.json');
      writeKeyFile(keyFile, [newPrivateJwk()]);
      const p = await createActivePartner(ds);
      const replicas = await Promise.all([0, 1, 2].map((i) => boot(ds, {
        SIGNING_KEY_FILE: keyFile, CHECKPOINT_EVERY_EVENTS: '3', CHECKPOINT_EVERY_MS: '60', CHECKPOINT_FILE: join(dir, `cp-${i}.jsonl`),
      })));
      const toks = await Promise.all(replicas.map((r) => token(r.url, p)));
      const udids: string[] = (await ds.query('SELECT udid FROM pwd_record ORDER BY id LIMIT 60')).map((r: any) => r.udid);
      const ask = async (i: number) => {
        const res = await fetch(`${replicas[i % 3].url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${toks[i % 3]}` }, body: JSON.stringify({ query: `{ pwd(udid: "${udids[i]}") { udid } }` }) });
        expect(res.status).toBe(200);
      };
      // Ten rounds: six records served across the three replicas, then all three flush and try to sign at the same moment.
      for (let round = 0; round < 10; round++) {
        await Promise.all([0, 1, 2, 3, 4, 5].map((k) => ask(round * 6 + k)));
        await Promise.all(replicas.map((r) => r.server.services.accessLog.flush()));
        await Promise.all(replicas.flatMap((r) => [r.server.services.checkpoints.run('EVENTS'), r.server.services.checkpoints.run('TIME')]));
      }
      await new Promise((r) => setTimeout(r, 200));
      await Promise.all(replicas.map((r) => r.server.close()));

      const rows = await ds.query('SELECT seq, last_event_id, jws FROM access_checkpoint ORDER BY seq');
      expect(rows.length).toBeGreaterThanOrEqual(10);
      expect(rows.map((r: any) => Number(r.seq))).toEqual(rows.map((_: unknown, i: number) => i + 1));
      const events = rows.map((r: any) => Number(r.last_event_id));
      expect([...events].sort((x, y) => x - y)).toEqual(events);
      expect(new Set(events).size).toBe(events.length);
      const lines = [0, 1, 2].flatMap((i) => { try { return readFileSync(join(dir, `cp-${i}.jsonl`), 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l).jws); } catch { return []; } });
      expect(lines.sort()).toEqual(rows.map((r: any) => r.jws).sort());
      const keys = { keys: (JSON.parse(readFileSync(keyFile, 'utf8')).keys as JWK[]).map(({ d: _d, ...k }) => k) };
      expect(await audit(ds, keys, [0, 1, 2].map((i) => join(dir, `cp-${i}.jsonl`)).filter((f) => existsSync(f)))).toMatchObject({ ok: true, checked: 60, checkpoints: { eventsAfterLatest: 0 } });
    } finally {
      await drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('npm run audit:verify --jwks <url|file> / --public-key <pem> --checkpoints <file>: exit 0 when intact, 1 naming RECHAINED after a re-chain', async () => {
    const { t, dir, file, keys } = await loggedDeployment();
    let env: Record<string, string>;
    let ds: DataSource = t.ds;
    let sqlite: string | null = null;
    try {
      if (onMysql) {
        const url = new URL(TEST_DATABASE_URL!);
        url.pathname = `/${t.ds.options.database}`;
        env = { DATABASE_URL: url.toString() };
      } else {
        // The in-memory database copied to a file the CLI can open.
        sqlite = join(dir, 'audit.sqlite');
        await t.ds.query(`VACUUM INTO '${sqlite}'`);
        const { openDatabase } = await import('../../src/app/database');
        ds = await openDatabase({ sqlitePath: sqlite, migrate: false });
        env = { SQLITE_PATH: sqlite };
      }
      const jwksFile = join(dir, 'jwks.json');
      writeFileSync(jwksFile, JSON.stringify(keys));
      const pem = join(dir, 'key.pem');
      writeFileSync(pem, createPublicKey({ key: keys.keys[0] as any, format: 'jwk' }).export({ format: 'pem', type: 'spki' }) as string);
      const cli = (args: string[]) => run('npx', ['ts-node', '--transpile-only', 'src/cli/audit-verify.ts', ...args], { env: { ...process.env, ...env, NODE_ENV: 'test', DATA_DIR: dir } })
        .then((r) => ({ code: 0, out: r.stdout }), (e) => ({ code: e.code as number, out: String(e.stdout) + String(e.stderr) }));
      // The published JWKS by URL (served here as /.well-known/jwks.json would serve it), and as a saved file.
      const jwksServer = http.createServer((_req, res) => { res.setHeader('content-type', 'application/jwk-set+json'); res.end(JSON.stringify(keys)); });
      await new Promise<void>((r) => jwksServer.listen(0, '127.0.0.1', () => r()));
      const jwksUrl = `http://127.0.0.1:${(jwksServer.address() as { port: number }).port}/.well-known/jwks.json`;
      const byUrl = await cli(['--jwks', jwksUrl, '--checkpoints', file]).finally(() => jwksServer.close());
      expect(byUrl).toMatchObject({ code: 0, out: expect.stringMatching(/3 signed checkpoints verified/) });
      const ok = await cli(['--jwks', jwksFile, '--checkpoints', file]);
      expect(ok).toMatchObject({ code: 0, out: expect.stringMatching(/3 signed checkpoints verified[\s\S]*intact: 15 events[\s\S]*checkpoint 3 covers the chain up to event 15/) });
      await ds.query("UPDATE access_event SET source_ip = '10.9.9.9' WHERE id = 2");
      await rechain(ds, 2);
      if (!onMysql) await ds.destroy();
      const chainOnly = await cli([]);
      expect(chainOnly).toMatchObject({ code: 0, out: expect.stringMatching(/Checkpoints not verified/) });
      const bad = await cli(['--public-key', pem, '--checkpoints', file]);
      expect(bad.code).toBe(1);
      expect(bad.out).toMatch(/BROKEN at event 6 \(RECHAINED\)/);
    } finally {
      if (ds !== t.ds && ds.isInitialized) await ds.destroy();
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
