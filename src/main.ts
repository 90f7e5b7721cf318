import 'reflect-metadata';
import { ConfigError, EX_CONFIG, loadConfigOrExit } from './core/config/config';
import type { DemoCredentials } from './app/bootstrap';

/** At most this long to answer requests already sent on open connections before the listener closes. */
const SHUTDOWN_GRACE_MS = 5000;

/** What the operator is told at start: where to call, demo credentials (embedded default), or how to create the first admin. */
function banner(port: number, creds: DemoCredentials | null, dataDir: string, state: { demoFile: boolean; depwdAdmin: boolean; mailUndelivered: boolean }): string {
  const base = `http://localhost:${port}`;
  const lines = [
    '',
    `UDID Exchange is listening on ${base}/graphql  (GraphiQL for analysts: ${base}/graphiql, staff dashboard: ${base}/dashboard)`,
    `Persons with disabilities see who read their record at ${base}/me/record (sign-in codes go by SMS: no gateway is integrated, see README)`,
  ];
  if (creds) {
    lines.push(
      '',
      'Demo credentials (shown once; also in ' + dataDir + '/demo-credentials.json):',
      `  partner client id:     ${creds.partner.clientId}`,
      `  partner client secret: ${creds.partner.clientSecret}`,
      ...creds.staff.map((s) => `  ${s.role.padEnd(21)} ${s.email} / ${s.password}`),
      '',
      'Try it:',
      `  TOKEN=$(curl -s -u '${creds.partner.clientId}:${creds.partner.clientSecret}' -d grant_type=client_credentials ${base}/oauth/token | node -pe 'JSON.parse(require("fs").readFileSync(0)).access_token')`,
      `  curl -s ${base}/graphql -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\`,
      `       -d '{"query":"{ pwds(filter: {state: \\"MH\\"}, first: 2) { edges { node { udid name district disabilities } } } }"}'`,
    );
  } else if (state.demoFile) {
    lines.push(`Using existing data; demo credentials are in ${dataDir}/demo-credentials.json`);
  }
  if (state.mailUndelivered) {
    lines.push('', 'SMTP_URL is not set: activation links and notices wait, undelivered, in the outbox_message table. Set SMTP_URL and MAIL_FROM.');
  }
  if (!state.depwdAdmin) {
    lines.push(
      '',
      'No DEPwD admin exists yet, so nobody can sign in. Create the first one in this server\'s environment',
      '(the same DATABASE_URL, or DATA_DIR / SQLITE_PATH); its password is generated and printed once:',
      '  npm run staff:create -- --role DEPWD_ADMIN --email <admin@department.gov.in> --name "<full name>"',
      '  (from a build without dev dependencies: node dist/src/cli/staff-create.js --role DEPWD_ADMIN --email …;',
      '   add --password-stdin to choose the password instead). Then sign in at POST /auth/login.',
    );
  }
  return lines.join('\n') + '\n';
}

async function main() {
  // Configuration first, before the application is loaded: a bad setting is one line within a second.
  const config = loadConfigOrExit();
  const [{ createLogger }, { openDatabase }, { createServer }, { seedIfEmpty, demoCredentialsExist }, { hasActiveDepwdAdmin }] = await Promise.all([
    import('./core/logger'), import('./app/database'), import('./app/server'), import('./app/bootstrap'), import('./modules/staff/staff.bootstrap'),
  ]);
  const log = createLogger(config.logLevel);
  const ds = await openDatabase({ databaseUrl: config.databaseUrl, replicaUrls: config.databaseReplicaUrls, sqlitePath: config.sqlitePath });
  const creds = config.nodeEnv === 'production' ? null : await seedIfEmpty(ds, config, log);
  const server = await createServer({ config, ds, log, ownsDataSource: true });
  const port = await server.listen(config.port);
  const state = { demoFile: demoCredentialsExist(config), depwdAdmin: await hasActiveDepwdAdmin(ds), mailUndelivered: config.nodeEnv === 'production' && !config.smtpUrl };
  process.stdout.write(banner(port, creds, config.dataDir, state));
  const metricsPort = (server.metricsServer?.address() as { port: number } | null)?.port ?? port;
  log.info({ port, metricsPort, database: config.databaseUrl ? 'mysql' : 'sqlite', replicas: config.databaseReplicaUrls.length, redis: !!config.redisUrl }, 'ready');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing in-flight requests and flushing the access log');
    const force = setTimeout(() => { log.error('shutdown took longer than 10 s; exiting'); process.exit(1); }, 10_000);
    force.unref();
    try {
      await server.close(SHUTDOWN_GRACE_MS);
      process.exit(0);
    } catch (err) {
      log.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  if (err instanceof ConfigError) { process.stderr.write(err.message + '\n'); process.exit(EX_CONFIG); }
  process.stderr.write(`Start-up failed: ${err instanceof Error ? err.message : String(err)}\n`.replace(/\n(?!$)/g, ' '));
  process.exit(1);
});
