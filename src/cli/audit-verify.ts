import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { JWK } from 'jose';
import { loadConfigOrExit } from '../core/config/config';
import { openDatabase } from '../app/database';
import { verifyAccessLog } from '../modules/access/access-log.verify';
import { databaseCheckpoints, fileCheckpoints, FoundCheckpoint, publicKeysFrom, verifyCheckpoints } from '../modules/access/access-checkpoint.verify';

const USAGE = `usage: npm run audit:verify -- [--public-key <pem|jwk file>]… [--jwks <file|https://…/.well-known/jwks.json>]… [--checkpoints <file>]…
  Walks the access-log hash chain. With public keys, every signed checkpoint (from the database, from
  CHECKPOINT_FILE when it exists, and from each --checkpoints file) must verify and the chain must pass
  through each of them: a re-chained log, a truncated tail and a rolled-back database are found.
  Exit 0: intact; 1: broken (the first problem is named); 2: the verification could not run.`;

/** The public keys an auditor passes: PEM/JWK files and JWK Sets (files or URLs), read once. */
async function keysFrom(publicKeys: string[], jwks: string[]): Promise<JWK[]> {
  const keys: JWK[] = [];
  for (const f of publicKeys) keys.push(...await publicKeysFrom(await readFile(f, 'utf8'), f));
  for (const src of jwks) {
    if (/^https?:\/\//.test(src)) {
      const res = await fetch(src, { signal: AbortSignal.timeout(10_000) });
      if (!res.ok) throw new Error(`${src} answered ${res.status}`);
      keys.push(...await publicKeysFrom(await res.text(), src));
    } else {
      keys.push(...await publicKeysFrom(await readFile(src, 'utf8'), src));
    }
  }
  return keys;
}

/** `npm run audit:verify`: exit 0 when intact, 1 at the first problem, 2 when it cannot run. */
async function main() {
  const { values } = parseArgs({
    options: {
      'public-key': { type: 'string', multiple: true, default: [] },
      jwks: { type: 'string', multiple: true, default: [] },
      checkpoints: { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  });
  if (values.help) { process.stdout.write(USAGE + '\n'); return; }
  const config = loadConfigOrExit(process.env, { persistSecret: false, signingKeys: false });
  const keys = await keysFrom(values['public-key']!, values.jwks!);
  const ds = await openDatabase({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath, migrate: false });
  try {
    let checkpoints;
    if (keys.length) {
      const found: FoundCheckpoint[] = await databaseCheckpoints(ds);
      const files = [...values.checkpoints!];
      const own = process.env.CHECKPOINT_FILE?.trim() ? process.env.CHECKPOINT_FILE.trim() : `${config.dataDir}/access-checkpoints.jsonl`;
      if (existsSync(own) && !files.includes(own)) files.unshift(own);
      for (const f of files) {
        const r = await fileCheckpoints(f);
        if (r.problem) return broken(r.problem.kind, 0, r.problem.message, 0);
        found.push(...r.found);
      }
      const v = await verifyCheckpoints(found, { keys });
      if (v.problem) return broken(v.problem.kind, 0, v.problem.message, 0);
      checkpoints = v.checkpoints;
      process.stdout.write(`Checkpoints: ${checkpoints.length} signed checkpoints verified (database and ${files.length ? files.join(', ') : 'no checkpoint file'}).\n`);
    }
    const report = await verifyAccessLog(ds, { checkpoints });
    if (!report.ok) return broken(report.problem!.kind, report.problem!.eventId, report.problem!.message, report.checked);
    process.stdout.write(`Access log intact: ${report.checked} events checked, chain ends at event ${report.lastEventId}.\n`);
    if (!report.checkpoints) {
      process.stdout.write('Checkpoints not verified: without --public-key or --jwks only the hash chain is checked, and whoever can write to the database can re-chain it.\n');
    } else if (report.checkpoints.latestSeq === null) {
      process.stdout.write(`No signed checkpoint found: the ${report.checked} events are covered by the hash chain only.\n`);
    } else {
      process.stdout.write(`Signed checkpoint ${report.checkpoints.latestSeq} covers the chain up to event ${report.checkpoints.latestEventId}; ${report.checkpoints.eventsAfterLatest} later events are covered by the hash chain only.\n`);
    }
  } finally {
    await ds.destroy();
  }
}

function broken(kind: string, eventId: number, message: string, checked: number): void {
  process.stdout.write(`ACCESS LOG BROKEN${eventId ? ` at event ${eventId}` : ''} (${kind}): ${message}\n${checked} events before it are intact.\n`);
  process.exitCode = 1;
}

main().catch((err) => {
  process.stderr.write(`audit:verify failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
