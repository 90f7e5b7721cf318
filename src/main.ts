import 'reflect-metadata';
import { ConfigError, EX_CONFIG, loadConfigOrExit } from './core/config/config';
import type { DemoCredentials } from './app/bootstrap';

/** At most this long to answer requests already sent on open connections before the listener closes. */
const SHUTDOWN_GRACE_MS = 5000;

function banner(port: number, creds: DemoCredentials | null, dataDir: string): string {
  const base = `http://localhost:${port}`;
  const lines = [
    '',
    `UDID Exchange is listening on ${base}/graphql  (GraphiQL for analysts: ${base}/graphiql)`,
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
  } else {
    lines.push(`Using existing data; demo credentials are in ${dataDir}/demo-credentials.json`);
  }
  return lines.join('\n') + '\n';
}

async function main() {
  // Configuration first, before the application is loaded: a bad setting is one line within a second.
  const config = loadConfigOrExit();
  const [{ createLogger }, { openDatabase }, { createServer }, { seedIfEmpty }] = await Promise.all([
    import('./core/logger'), import('./app/database'), import('./app/server'), import('./app/bootstrap'),
  ]);
  const log = createLogger(config.logLevel);
  const ds = await openDatabase({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath });
  const creds = config.nodeEnv === 'production' ? null : await seedIfEmpty(ds, config, log);
  const server = await createServer({ config, ds, log, ownsDataSource: true });
  const port = await server.listen(config.port);
  process.stdout.write(banner(port, creds, config.dataDir));
  const metricsPort = (server.metricsServer?.address() as { port: number } | null)?.port ?? port;
  log.info({ port, metricsPort, database: config.databaseUrl ? 'mysql' : 'sqlite', redis: !!config.redisUrl }, 'ready');

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
