import type http from 'node:http';
import net from 'node:net';
import type { Socket } from 'node:net';

/** One event-loop turn that includes a poll phase: a setImmediate callback runs after it. */
const afterPoll = () => new Promise<void>((r) => setImmediate(r));
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface SocketState {
  /** Requests received on this socket so far. */
  requests: number;
  /** Requests received and not yet answered. */
  active: number;
  /** Their responses, to add `Connection: close` to those whose headers are not sent when the drain starts. */
  responses: Set<http.ServerResponse>;
}

/**
 * Graceful HTTP drain that loses no request a client has already sent.
 *
 * Node's `server.close()` destroys "idle" connections, and Apollo's drain plugin ends every socket with
 * no parsed request. Both count a connection whose request bytes are still unread (accepted, or waiting
 * in the kernel's accept queue, while the event loop was busy) as idle, so a client that wrote its
 * request just before SIGTERM saw "socket hang up". This drainer instead:
 *
 * 1. keeps accepting until the accept queue is empty: `quietTurns` consecutive poll phases, each at least
 *    `turnMs` apart, in which no connection and no request arrived. It counts poll phases, not wall time,
 *    so a process starved of CPU for a while still reads what is queued before deciding it is quiet;
 * 2. stops listening without touching open connections;
 * 3. lets every socket that has not sent a request yet deliver one (it was opened to send one), answers
 *    everything in flight with `Connection: close`, and ends keep-alive sockets as soon as they are idle;
 * 4. destroys what is still open when its time runs out: sockets that never sent a request after `graceMs`,
 *    requests being answered after `finishMs` (default: the larger of `graceMs` and 8 s).
 */
export class HttpDrainer {
  private readonly sockets = new Map<Socket, SocketState>();
  private arrivals = 0;
  private draining = false;

  constructor(private readonly server: http.Server, private readonly opts: { quietTurns?: number; turnMs?: number } = {}) {
    server.prependListener('connection', (socket: Socket) => {
      this.arrivals++;
      this.sockets.set(socket, { requests: 0, active: 0, responses: new Set() });
      socket.once('close', () => this.sockets.delete(socket));
    });
    server.prependListener('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
      this.arrivals++;
      const state = this.sockets.get(req.socket);
      if (!state) return;
      state.requests++;
      state.active++;
      state.responses.add(res);
      if (this.draining) res.setHeader('Connection', 'close');
      res.once('close', () => {
        state.active--;
        state.responses.delete(res);
        if (this.draining && state.active === 0) req.socket.end();
      });
    });
  }

  /** Open connections (for tests and the shutdown log). */
  get openConnections(): number {
    return this.sockets.size;
  }

  /** Resolves when every connection is closed, or when time is up, with the rest destroyed. */
  async drain(graceMs: number, finishMs = Math.max(graceMs, 8000)): Promise<{ destroyed: number }> {
    this.draining = true;
    for (const s of this.sockets.values()) for (const res of s.responses) if (!res.headersSent) res.setHeader('Connection', 'close');
    const deadline = Date.now() + graceMs;
    const hardDeadline = Date.now() + finishMs;
    const quietTurns = this.opts.quietTurns ?? 3;
    const turnMs = this.opts.turnMs ?? 50;

    // 1. Accept what is queued: quiet means no arrival over `quietTurns` poll phases.
    let quiet = 0;
    let seen = this.arrivals;
    while (this.server.listening && quiet < quietTurns && Date.now() < deadline) {
      await sleep(turnMs);
      await afterPoll();
      if (this.arrivals === seen) quiet++;
      else { quiet = 0; seen = this.arrivals; }
    }

    // 2. Stop listening. net.Server#close, not http.Server#close: the latter also destroys connections whose
    //    request is not parsed yet. (Its callback waits for every connection, so it is not awaited here.)
    if (this.server.listening) net.Server.prototype.close.call(this.server);

    // 3. Keep-alive sockets that have answered everything they were sent: close now. Sockets that never
    //    sent a request keep their chance to deliver it until the deadline.
    for (const [socket, s] of this.sockets) if (s.requests > 0 && s.active === 0) socket.end();
    let destroyed = 0;
    while (this.sockets.size > 0 && Date.now() < hardDeadline) {
      await sleep(20);
      const late = Date.now() >= deadline;
      for (const [socket, s] of this.sockets) {
        if (s.active > 0) continue;
        if (s.requests > 0 && !socket.writableEnded) socket.end();
        else if (s.requests === 0 && late) { socket.destroy(); destroyed++; }
      }
    }

    // 4. Out of time.
    destroyed += this.sockets.size;
    for (const socket of this.sockets.keys()) socket.destroy();
    this.sockets.clear();
    return { destroyed };
  }
}
