import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

export interface ReceivedMail {
  from: string; to: string; subject: string; text: string; messageId: string; outboxId: string; user: string | null;
}

export interface TestSmtp {
  port: number;
  /** SMTP_URL for this server, with an account it accepts (udx2 is the other one). */
  url: string;
  received: ReceivedMail[];
  /** Transactions refused so far (each a delivery attempt). */
  refused: number;
  /** Refuse every message with this reply (e.g. 451 temporary, 550 permanent), or accept again (null). */
  refuseWith(reply: { code: number; message: string } | null): void;
  close(): Promise<void>;
}

/**
 * A real SMTP server in the test process (the `smtp-server` package) with two accounts: AUTH PLAIN or
 * LOGIN as udx or udx2 / relay-pass (over plain TCP, as on a loopback relay). Accepted messages are parsed
 * (mailparser) into `received`.
 */
export async function startSmtp(opts: { delayMs?: number } = {}): Promise<TestSmtp> {
  let refuse: { code: number; message: string } | null = null;
  const state = { received: [] as ReceivedMail[], refused: 0 };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (['udx', 'udx2'].includes(auth.username ?? '') && auth.password === 'relay-pass') return cb(null, { user: auth.username });
      cb(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
        if (refuse) { state.refused++; return cb(Object.assign(new Error(refuse.message), { responseCode: refuse.code })); }
        const mail = await simpleParser(Buffer.concat(chunks));
        state.received.push({
          from: mail.from?.text ?? '', to: (Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : mail.to?.text) ?? '',
          subject: mail.subject ?? '', text: mail.text ?? '', messageId: mail.messageId ?? '',
          outboxId: String(mail.headers.get('x-udx-outbox-id') ?? ''), user: (session.user as string | undefined) ?? null,
        });
        cb();
      });
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.server.address() as { port: number }).port));
  });
  return {
    port,
    url: `smtp://udx:relay-pass@127.0.0.1:${port}`,
    get received() { return state.received; },
    get refused() { return state.refused; },
    refuseWith(reply) { refuse = reply; },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Polls `check` until it returns a truthy value (or throws after `ms`). */
export async function eventually<T>(check: () => Promise<T | null | undefined | false> | T | null | undefined | false, ms = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
