import 'reflect-metadata';
import { loadConfigOrExit } from '../core/config/config';
import { openDatabase } from '../app/database';
import { verifyAccessLog } from '../modules/access/access-log.verify';

/** `npm run audit:verify`: walks the access-log hash chain; exit 0 when intact, 1 at the first altered or missing event. */
async function main() {
  const config = loadConfigOrExit(process.env, { persistSecret: false });
  const ds = await openDatabase({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath, migrate: false });
  try {
    const report = await verifyAccessLog(ds);
    if (report.ok) {
      process.stdout.write(`Access log intact: ${report.checked} events checked, chain ends at event ${report.lastEventId}.\n`);
    } else {
      process.stdout.write(`ACCESS LOG BROKEN at event ${report.problem!.eventId} (${report.problem!.kind}): ${report.problem!.message}\n` +
        `${report.checked} events before it are intact.\n`);
      process.exitCode = 1;
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  process.stderr.write(`audit:verify failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
