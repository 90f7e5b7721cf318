import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../core/config/config';
import { DomainError } from '../core/errors/errors';
import { STAFF_ROLES } from '../core/authz/scopes';

/**
 * `npm run staff:create -- --role DEPWD_ADMIN --email … [--name …] [--password-stdin]`: creates an
 * active staff user in the database the server uses (DATABASE_URL, or DATA_DIR / SQLITE_PATH),
 * running the migrations first as the server does. Without --password-stdin a strong password is
 * generated and printed once (nothing is logged); with it the password is read from standard input
 * (a hidden prompt on a terminal) and refused when weak.
 *
 * Exit codes: 0 created; 1 refused (the email exists); 2 failed (e.g. database unreachable);
 * 64 bad arguments or weak password (EX_USAGE); 78 bad configuration (EX_CONFIG, as the server).
 */
const EX_USAGE = 64;

const USAGE = `Usage: npm run staff:create -- --role <${STAFF_ROLES.join('|')}> --email <address> [--name <name>] [--password-stdin]
  Creates an active staff user in the server's database (same DATABASE_URL, or DATA_DIR / SQLITE_PATH).
  Without --password-stdin a strong password is generated and printed once.`;

function usage(problem: string): never {
  process.stderr.write(`${problem}\n${USAGE}\n`);
  process.exit(EX_USAGE);
}

function parse() {
  try {
    return parseArgs({
      options: {
        role: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' },
        'password-stdin': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true, allowPositionals: false,
    }).values;
  } catch (e) {
    return usage((e as Error).message);
  }
}

/** Standard input to its end (a pipe), or one line typed at a hidden prompt (a terminal); one trailing newline dropped. */
async function readPassword(): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const c of stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  }
  process.stderr.write('Password (not shown): ');
  stdin.setRawMode(true);
  return new Promise((resolve) => {
    let typed = '';
    const onData = (b: Buffer) => {
      for (const ch of b.toString('utf8')) {
        if (ch === '\u0003') { process.stderr.write('\n'); process.exit(130); }
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false); stdin.off('data', onData); stdin.pause(); process.stderr.write('\n');
          return resolve(typed);
        }
        typed = ch === '\u007f' || ch === '\b' ? typed.slice(0, -1) : typed + ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function main() {
  const args = parse();
  if (args.help) { process.stdout.write(USAGE + '\n'); return; }
  if (!args.role) usage('--role is required.');
  if (!args.email) usage('--email is required.');
  // The server's own settings and checks: a bad one is one line and exit 78.
  const config = loadConfigOrExit(process.env, { persistSecret: false, signingKeys: false });
  const password = args['password-stdin'] ? await readPassword() : null;

  const [{ openDatabase }, { checkNewStaff, createStaffFromCommand, generatePassword }] = await Promise.all([
    import('../app/database'), import('../modules/staff/staff.bootstrap'),
  ]);
  const chosen = password ?? generatePassword(args.email.trim().toLowerCase());
  // Arguments and password first: a mistake is reported before the database is touched.
  checkNewStaff({ role: args.role, email: args.email, name: args.name, password: chosen });
  const ds = await openDatabase({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath });
  try {
    const user = await createStaffFromCommand(ds, { role: args.role, email: args.email, name: args.name, password: chosen });
    const lines = [`Created ${user.role} ${user.email} (user ${user.id}, active); recorded in the admin audit trail.`];
    if (password === null) lines.push(`Password (shown once; stored only as a hash): ${chosen}`);
    lines.push('Sign in at POST /auth/login with this email and password (GraphiQL: /graphiql).');
    process.stdout.write(lines.join('\n') + '\n');
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  if (err instanceof DomainError) {
    process.stderr.write(err.message + '\n');
    process.exit(err.code === 'BAD_USER_INPUT' ? EX_USAGE : 1);
  }
  process.stderr.write(`staff:create failed: ${err instanceof Error ? err.message : String(err)}\n`.replace(/\n(?!$)/g, ' '));
  process.exit(2);
});
