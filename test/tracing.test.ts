import http from 'node:http';
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Optional OpenTelemetry: with OTEL_EXPORTER_OTLP_ENDPOINT set, spans go over OTLP/HTTP (JSON) to a
 * real receiver (an in-process node:http server): the HTTP request continues the caller's
 * `traceparent`, the GraphQL operation and SQL statements are its descendants, and no attribute
 * carries a UDID, a name or a secret. Off by default, and the SDK is then never loaded. The traced
 * server runs under plain Node (test/helpers/traced-server.ts): the exporter's dynamic import() of
 * node:http does not run inside Jest's module sandbox.
 */

interface OtlpValue { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number }
interface OtlpSpan { traceId: string; spanId: string; parentSpanId?: string; name: string; kind: number; attributes?: { key: string; value: OtlpValue }[] }

/** A minimal OTLP/HTTP trace receiver: collects the spans of every POST /v1/traces. */
async function otlpReceiver() {
  const spans: OtlpSpan[] = [];
  const contentTypes: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/traces') { res.writeHead(404).end(); return; }
      contentTypes.push(String(req.headers['content-type']));
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      for (const rs of body.resourceSpans ?? []) for (const ss of rs.scopeSpans ?? []) spans.push(...(ss.spans ?? []));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, spans, contentTypes, close: () => new Promise((r) => server.close(r)) };
}

const attr = (s: OtlpSpan, key: string) => {
  const v = s.attributes?.find((a) => a.key === key)?.value;
  return v?.stringValue ?? (v?.intValue !== undefined ? Number(v.intValue) : v?.boolValue ?? v?.doubleValue);
};

interface Traced { url: string; token: string; clientSecret: string; person: Record<string, string> }

/** Starts test/helpers/traced-server.ts; `close()` ends its stdin, so it closes the server (flushing spans) and exits. */
async function tracedServer(otlpUrl: string) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(__dirname, 'helpers', 'traced-server.ts')], {
    cwd: join(__dirname, '..'), env: { ...process.env, OTLP_URL: otlpUrl, TS_NODE_PROJECT: join(__dirname, '..', 'tsconfig.json') },
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  const exited = new Promise<number | null>((r) => child.once('exit', r));
  const info = await new Promise<Traced>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const line = out.split('\n')[0];
      if (out.includes('\n')) { try { resolve(JSON.parse(line)); } catch (e) { reject(e); } }
    });
    void exited.then((code) => reject(new Error(`traced server exited (${code}) before it was ready: ${err.slice(-2000)}`)));
  });
  return {
    info,
    async close() {
      child.stdin.end();
      const timer = setTimeout(() => { if (child.pid) process.kill(child.pid, 'SIGKILL'); }, 15_000);
      await exited;
      clearTimeout(timer);
      if (!out.includes('closed')) throw new Error(`traced server did not close cleanly: ${err.slice(-2000)}`);
    },
    kill() { if (child.exitCode === null && child.pid) process.kill(child.pid, 'SIGKILL'); },
  };
}

async function call(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, body: (await res.json()) as any };
}

describe('tracing (OTEL_EXPORTER_OTLP_ENDPOINT)', () => {
  let receiver: Awaited<ReturnType<typeof otlpReceiver>>;
  let traced: Awaited<ReturnType<typeof tracedServer>> | undefined;

  beforeAll(async () => {
    receiver = await otlpReceiver();
  });
  afterAll(async () => {
    traced?.kill();
    await receiver?.close();
  });

  it('continues the caller\'s traceparent with spans for HTTP, the GraphQL operation and SQL, and no personal data in any attribute', async () => {
    traced = await tracedServer(receiver.url);
    const { url, token, clientSecret, person } = traced.info;
    const traceId = randomBytes(16).toString('hex');
    const callerSpan = randomBytes(8).toString('hex');
    const r = await call(url, 'query LookupRecord($u: UDID!) { pwd(udid: $u) { udid name mobile } }', { u: person.udid },
      { authorization: `Bearer ${token}`, traceparent: `00-${traceId}-${callerSpan}-01` });
    expect(r.status).toBe(200);
    expect(r.body.data.pwd.name).toBe(person.name);

    await traced.close(); // closes the server, which flushes the span processor
    const ours = receiver.spans.filter((s) => s.traceId === traceId);
    expect(receiver.contentTypes.every((c) => c.startsWith('application/json'))).toBe(true);

    const httpSpan = ours.find((s) => s.name === 'POST /graphql');
    expect(httpSpan).toBeDefined();
    expect(httpSpan!.parentSpanId).toBe(callerSpan);
    expect(httpSpan!.kind).toBe(2); // SERVER
    expect(attr(httpSpan!, 'http.response.status_code')).toBe(200);

    const gqlSpan = ours.find((s) => s.name === 'query LookupRecord');
    expect(gqlSpan).toBeDefined();
    expect(gqlSpan!.parentSpanId).toBe(httpSpan!.spanId);
    expect(attr(gqlSpan!, 'graphql.operation.name')).toBe('LookupRecord');
    expect(attr(gqlSpan!, 'udx.graphql.root')).toBe('query:pwd');

    const sql = ours.filter((s) => attr(s, 'db.statement') !== undefined);
    expect(sql.length).toBeGreaterThan(0);
    expect(sql.some((s) => /pwd_record/.test(String(attr(s, 'db.statement'))))).toBe(true);
    // SQL under the operation runs inside its span; the gate's, before it, under the HTTP span.
    const ids = new Set(ours.map((s) => s.spanId));
    expect(sql.every((s) => s.parentSpanId && ids.has(s.parentSpanId))).toBe(true);
    expect(sql.some((s) => s.parentSpanId === gqlSpan!.spanId)).toBe(true);

    // Statement text with placeholders only; no attribute of any span holds the record, the token or the secret.
    const everything = JSON.stringify(receiver.spans.map((s) => [s.name, s.attributes]));
    for (const secret of [person.udid, person.name, person.guardian_name, person.mobile, token, clientSecret]) {
      expect(everything).not.toContain(String(secret));
    }
    expect(everything).not.toMatch(/[A-Z]{2}\d{16}/);
  }, 60_000);

  it('is off by default: only src/core/tracing/otel.tracing.ts imports the SDK, and only through a dynamic import', () => {
    const root = join(__dirname, '..', 'src');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name));
        else if (e.name.endsWith('.ts')) files.push(join(dir, e.name));
      }
    };
    walk(root);
    const importers = files.filter((f) => /from '@opentelemetry\//.test(readFileSync(f, 'utf8'))).map((f) => relative(root, f));
    expect(importers).toEqual(['core/tracing/otel.tracing.ts']);
    const loaders = files.filter((f) => /otel\.tracing'/.test(readFileSync(f, 'utf8'))).map((f) => [relative(root, f), readFileSync(f, 'utf8')] as const);
    expect(loaders.map(([f]) => f)).toEqual(['core/tracing/tracing.ts']);
    expect(loaders[0][1]).toMatch(/await import\('\.\/otel\.tracing'\)/);
    expect(loaders[0][1]).not.toMatch(/^import .*otel\.tracing/m);
  });
});
