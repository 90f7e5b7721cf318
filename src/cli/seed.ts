/** npm run seed -- --records N : adds N synthetic PwD records (batched), printing progress. */
import 'reflect-metadata';
import { loadConfigOrExit } from '../core/config/config';
import { openDatabase } from '../app/database';
import { seedPwdRecords } from '../modules/pwd/pwd.seed';

async function main() {
  const args = process.argv.slice(2);
  const i = args.indexOf('--records');
  const n = i >= 0 ? Number(args[i + 1]) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 5_000_000) {
    process.stderr.write('Usage: npm run seed -- --records N   (1 ≤ N ≤ 5,000,000)\n');
    process.exit(64);
  }
  const config = loadConfigOrExit(process.env, { persistSecret: false, signingKeys: false });
  const ds = await openDatabase({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath });
  const started = Date.now();
  let lastPrint = 0;
  await seedPwdRecords(ds, n, {
    batchSize: config.databaseUrl ? 2000 : 1000,
    onProgress: (done, total) => {
      if (done - lastPrint >= 20_000 || done === total) {
        lastPrint = done;
        const s = (Date.now() - started) / 1000;
        process.stdout.write(`seeded ${done.toLocaleString('en-IN')} / ${total.toLocaleString('en-IN')} records  (${s.toFixed(1)} s, ${Math.round(done / s)} records/s)\n`);
      }
    },
  });
  await ds.destroy();
}
main().catch((e) => { process.stderr.write(`seed failed: ${e.message}\n`); process.exit(1); });
