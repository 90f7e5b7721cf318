import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { newPrivateJwk, readKeyFile, writeKeyFile } from '../core/signing/signing-keys';

const USAGE = `usage: npm run signing:key -- --file <SIGNING_KEY_FILE> [--add next|first] [--promote <kid>] [--retire <kid>]
  no option:     create the file with one new Ed25519 key (refused if it exists)
  --add next:    append a new key: published, not yet signing (rotation step 1, on every replica)
  --add first:   add a new key in front: it signs from the next start
  --promote <kid>: move that key to the front (rotation step 2)
  --retire <kid>:  delete that key's private part; it stays published, so what it signed stays verifiable
  Prints the public JWK Set (what /.well-known/jwks.json will serve). Never prints a private key.
  Exit 0 done, 1 refused, 64 bad arguments.`;

type Jwk = Record<string, unknown> & { kid?: string; d?: string };

/** `npm run signing:key`: creates and rotates SIGNING_KEY_FILE (mode 0600, written atomically). */
function main(): number {
  let values;
  try {
    ({ values } = parseArgs({ options: { file: { type: 'string' }, add: { type: 'string' }, promote: { type: 'string' }, retire: { type: 'string' }, help: { type: 'boolean' } } }));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 64;
  }
  if (values.help) { process.stdout.write(USAGE + '\n'); return 0; }
  if (!values.file || (values.add && !['next', 'first'].includes(values.add))) { process.stderr.write(USAGE + '\n'); return 64; }
  const file = resolve(values.file);
  let keys: Jwk[];
  if (!existsSync(file)) {
    if (values.promote || values.retire) { process.stderr.write(`${file} does not exist\n`); return 1; }
    keys = [newPrivateJwk()];
  } else {
    if (!values.add && !values.promote && !values.retire) { process.stderr.write(`${file} exists: use --add, --promote or --retire\n`); return 1; }
    readKeyFile(file); // refuses a damaged or world-readable file before anything is changed
    keys = (JSON.parse(readFileSync(file, 'utf8')) as { keys: Jwk[] }).keys;
    if (values.add === 'next') keys.push(newPrivateJwk());
    if (values.add === 'first') keys.unshift(newPrivateJwk());
    const find = (kid: string) => { const i = keys.findIndex((k) => k.kid === kid); if (i < 0) throw new Error(`no key with kid ${kid} in ${file}`); return i; };
    if (values.promote) keys.unshift(...keys.splice(find(values.promote), 1));
    if (values.retire) {
      const i = find(values.retire);
      if (keys.filter((k) => typeof k.d === 'string').length === 1 && typeof keys[i].d === 'string') { process.stderr.write('refused: it is the only key that can sign\n'); return 1; }
      const { d: _d, ...pub } = keys[i];
      keys[i] = pub;
    }
  }
  writeKeyFile(file, keys);
  const set = readKeyFile(file);
  process.stdout.write(`${file}: signing key ${set.kid}\n${JSON.stringify(set.jwks(), null, 2)}\n`);
  return 0;
}

try {
  process.exitCode = main();
} catch (e) {
  process.stderr.write(`signing:key failed: ${(e as Error).message}\n`);
  process.exitCode = 1;
}
