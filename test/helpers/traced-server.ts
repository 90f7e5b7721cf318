/**
 * A test server in a process of its own with OTEL_EXPORTER_OTLP_ENDPOINT set (test/tracing.test.ts): the
 * OTLP exporter loads node:http with a dynamic import(), which Jest's module sandbox cannot run, so the
 * traced server runs under plain Node. Prints one JSON line (URL, a partner token, a seeded record), then
 * closes (flushing the spans) when its standard input ends.
 */
import { startTestServer, createActivePartner } from './server';

async function main() {
  const t = await startTestServer({ records: 20, env: { OTEL_EXPORTER_OTLP_ENDPOINT: process.env.OTLP_URL ?? '' } });
  const partner = await createActivePartner(t.ds);
  const token = await t.appToken(partner);
  const [person] = await t.ds.query('SELECT udid, name, guardian_name, mobile FROM pwd_record ORDER BY id LIMIT 1');
  process.stdout.write(JSON.stringify({ url: t.url, token, clientSecret: partner.clientSecret, person }) + '\n');
  process.stdin.resume();
  process.stdin.on('end', async () => {
    await t.close();
    process.stdout.write('closed\n');
    process.exit(0);
  });
}

main().catch((err) => {
  process.stderr.write(`traced server failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
