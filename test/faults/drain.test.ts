import http from 'node:http';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpDrainer } from '../../src/core/http/drain';

/**
 * The drain loses no request a client has sent, even when the server process is starved of CPU: the
 * connections sit in the kernel's accept queue with their requests written, the event loop is blocked
 * when the drain starts and stays blocked past the quiet window. Plain `server.close()` (and Apollo's
 * drain plugin) reset such connections; HttpDrainer must answer every one.
 */
const CLIENT = `
const net = require('node:net'); const fs = require('node:fs');
const [port, n, marker] = process.argv.slice(1);
const results = []; let written = 0;
for (let i = 0; i < Number(n); i++) {
  const s = net.connect(Number(port), '127.0.0.1');
  let text = '';
  s.on('data', (d) => { text += d; });
  const done = (how) => { if (results[i]) return; results[i] = how === 'end' && /^HTTP\\/1\\.1 200/.test(text) && text.endsWith('ok ' + i) ? 'ok' : how + ':' + text.slice(0, 40);
    if (results.filter(Boolean).length === Number(n)) { process.stdout.write(JSON.stringify(results)); process.exit(0); } };
  s.on('end', () => done('end'));
  s.on('error', (e) => done('error ' + e.code));
  s.write('GET /r/' + i + ' HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n', () => { if (++written === Number(n)) fs.writeFileSync(marker, 'written'); });
}
`;

function blockFor(ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) { /* the event loop is starved */ }
}

async function scenario(n: number, attach: (server: http.Server) => () => Promise<unknown>): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'udx-drain-'));
  const marker = join(dir, 'written');
  const server = http.createServer((req, res) => {
    res.end(`ok ${req.url!.split('/')[2]}`);
  });
  server.keepAliveTimeout = 65_000;
  const stop = attach(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  const client = spawn(process.execPath, ['-e', CLIENT, String(port), String(n), marker], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  client.stdout!.on('data', (d) => (out += d));
  const exited = new Promise<void>((r) => client.once('exit', () => r()));
  try {
    // Block the loop from before the first connection until every request is in the kernel: nothing accepted.
    const deadline = Date.now() + 20_000;
    while (!existsSync(marker) && Date.now() < deadline) blockFor(5);
    expect(existsSync(marker)).toBe(true);
    const stopping = stop(); // the signal arrives…
    blockFor(600); // …and the process stays starved past any wall-clock quiet window
    await stopping;
    await exited;
    return JSON.parse(out || '[]');
  } finally {
    client.kill('SIGKILL');
    if (server.listening) server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('HttpDrainer', () => {
  it('answers every request written before the drain, although none was accepted yet and the loop was starved', async () => {
    let outcome: { destroyed: number } | undefined;
    const results = await scenario(40, (server) => {
      const drainer = new HttpDrainer(server);
      return async () => { outcome = await drainer.drain(5000); };
    });
    expect(results).toHaveLength(40);
    expect(results.filter((r) => r !== 'ok')).toEqual([]);
    expect(outcome).toEqual({ destroyed: 0 });
  }, 60_000);

  it('(control) plain server.close() loses such requests, so the scenario above really tests the drain', async () => {
    const results = await scenario(40, (server) => () => new Promise<void>((r) => server.close(() => r())));
    expect(results.filter((r) => r !== 'ok').length).toBeGreaterThan(0);
  }, 60_000);

  it('finishes slow in-flight requests past the grace, closes idle keep-alive sockets, and gives up on silent ones', async () => {
    const server = http.createServer((req, res) => { setTimeout(() => res.end('slow done'), req.url === '/slow' ? 1200 : 0); });
    const drainer = new HttpDrainer(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    const agent = new http.Agent({ keepAlive: true });
    const get = (path: string) => new Promise<{ status: number; body: string; connection?: string }>((ok, fail) => {
      http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => ok({ status: res.statusCode!, body, connection: res.headers.connection }));
      }).on('error', fail);
    });
    await get('/warm'); // leaves an idle keep-alive socket
    const silent = await new Promise<import('node:net').Socket>((r) => { const s = require('node:net').connect(port, '127.0.0.1', () => r(s)); });
    const silentClosed = new Promise<void>((r) => silent.once('close', () => r()));
    silent.on('error', () => undefined);
    const slowSent = Date.now();
    const slow = get('/slow');
    await new Promise((r) => setTimeout(r, 100));
    const outcome = await drainer.drain(300);
    expect(await slow).toEqual({ status: 200, body: 'slow done', connection: 'close' });
    await silentClosed;
    expect(outcome.destroyed).toBe(1); // the silent socket, after the 300 ms grace
    // Waited for the slow request (1200 ms from when it was sent; measured from there, so a loaded machine cannot shorten it).
    expect(Date.now() - slowSent).toBeGreaterThanOrEqual(1150);
    expect(drainer.openConnections).toBe(0);
    agent.destroy();
  }, 30_000);
});
