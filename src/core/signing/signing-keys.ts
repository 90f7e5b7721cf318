import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, sign } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { inspect } from 'node:util';

/** A public Ed25519 key as published at /.well-known/jwks.json (RFC 8037 OKP JWK). */
export interface PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}

/** One key of SIGNING_KEY_FILE: a JWK; with `d` it can sign, without it it only verifies (a retired key). */
interface FileJwk { kty?: unknown; crv?: unknown; x?: unknown; d?: unknown }

/** A problem with the key file, in words for a one-line configuration error. */
export class SigningKeyFileError extends Error {}

/**
 * The kid of a key: its RFC 7638 JWK thumbprint (SHA-256 of the required members in lexicographic
 * order, base64url). Deterministic, so a verifier holding only a PEM public key finds the same kid.
 */
export function ed25519Kid(x: string): string {
  return createHash('sha256').update(JSON.stringify({ crv: 'Ed25519', kty: 'OKP', x })).digest('base64url');
}

/**
 * The Ed25519 keys this server signs with (access-log checkpoints, HTTP response signatures) and
 * publishes. The first key of the file that has a private part signs; every key is published, so
 * what older keys signed stays verifiable after a rotation. The private key never leaves this
 * object: it is not enumerable, not serialised and not printed by util.inspect or a logger.
 */
export class SigningKeys {
  readonly #signer: KeyObject;
  readonly kid: string;
  readonly #published: PublicJwk[];

  constructor(signer: KeyObject, published: PublicJwk[]) {
    if (signer.type !== 'private' || signer.asymmetricKeyType !== 'ed25519') throw new SigningKeyFileError('the signing key must be an Ed25519 private key');
    this.#signer = signer;
    const x = (createPublicKey(signer).export({ format: 'jwk' }) as { x: string }).x;
    this.kid = ed25519Kid(x);
    this.#published = published.some((k) => k.kid === this.kid) ? published : [publicJwk(x), ...published];
  }

  /** A fresh key held in memory only (tests and tools that never publish what they sign). */
  static ephemeral(): SigningKeys {
    return new SigningKeys(generateKeyPairSync('ed25519').privateKey, []);
  }

  /** The signing key as a KeyObject, for jose (`CompactSign.sign`). */
  privateKey(): KeyObject {
    return this.#signer;
  }

  /** Ed25519 signature of `data` (RFC 8032: no pre-hash). */
  sign(data: Buffer | string): Buffer {
    return sign(null, typeof data === 'string' ? Buffer.from(data) : data, this.#signer);
  }

  /** Every public key, the signing one first: the JWK Set served at /.well-known/jwks.json. */
  jwks(): { keys: PublicJwk[] } {
    return { keys: this.#published.map((k) => ({ ...k })) };
  }

  toJSON(): unknown {
    return { kid: this.kid, keys: this.#published.length };
  }

  [inspect.custom](): string {
    return `SigningKeys { kid: '${this.kid}', keys: ${this.#published.length} }`;
  }
}

function publicJwk(x: string): PublicJwk {
  return { kty: 'OKP', crv: 'Ed25519', x, kid: ed25519Kid(x), alg: 'EdDSA', use: 'sig' };
}

/** A new private JWK for SIGNING_KEY_FILE. */
export function newPrivateJwk(): Record<string, string> {
  const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }) as { x: string; d: string };
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x, d: jwk.d, kid: ed25519Kid(jwk.x), alg: 'EdDSA', use: 'sig' };
}

/** Reads the key file: `{ "keys": [ JWK, … ] }` (a JWK Set with private parts). */
export function parseKeyFile(text: string): SigningKeys {
  let doc: { keys?: unknown };
  try { doc = JSON.parse(text); } catch { throw new SigningKeyFileError('must be a JWK Set {"keys":[…]} of Ed25519 keys; it is not JSON'); }
  if (!doc || !Array.isArray(doc.keys) || doc.keys.length === 0) throw new SigningKeyFileError('must be a JWK Set {"keys":[…]} holding at least one Ed25519 key');
  let signer: KeyObject | null = null;
  const published: PublicJwk[] = [];
  for (const [i, raw] of (doc.keys as FileJwk[]).entries()) {
    if (!raw || raw.kty !== 'OKP' || raw.crv !== 'Ed25519' || typeof raw.x !== 'string') {
      throw new SigningKeyFileError(`must hold Ed25519 JWKs (kty "OKP", crv "Ed25519", x); key ${i + 1} is not one`);
    }
    try {
      if (typeof raw.d === 'string') {
        const key = createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.x, d: raw.d }, format: 'jwk' });
        // The public part must be the one of the private part, or a verifier would be handed the wrong key.
        if ((createPublicKey(key).export({ format: 'jwk' }) as { x: string }).x !== raw.x) throw new Error('x does not match d');
        signer ??= key;
      } else {
        createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.x }, format: 'jwk' });
      }
    } catch (e) {
      throw new SigningKeyFileError(`must hold valid Ed25519 keys; key ${i + 1} is not one (${(e as Error).message.replace(/[\r\n]+/g, ' ')})`);
    }
    const pub = publicJwk(raw.x);
    if (!published.some((k) => k.kid === pub.kid)) published.push(pub);
  }
  if (!signer) throw new SigningKeyFileError('must hold at least one private key ("d"): none of its keys can sign');
  // The signing key first.
  const kid = ed25519Kid((createPublicKey(signer).export({ format: 'jwk' }) as { x: string }).x);
  return new SigningKeys(signer, [...published.filter((k) => k.kid === kid), ...published.filter((k) => k.kid !== kid)]);
}

/** Reads SIGNING_KEY_FILE; refuses a file other users may write or read (group read is allowed, for mounted secrets). */
export function readKeyFile(file: string): SigningKeys {
  let text: string;
  try {
    const mode = statSync(file).mode & 0o777;
    if (mode & 0o022) throw new SigningKeyFileError(`must not be writable by other users (${file} has mode ${mode.toString(8)}): chmod 600 it`);
    if (mode & 0o004) throw new SigningKeyFileError(`must not be readable by every user (${file} has mode ${mode.toString(8)}): chmod 600 it`);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof SigningKeyFileError) throw e;
    throw new SigningKeyFileError(`must name a readable file (${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    return parseKeyFile(text);
  } catch (e) {
    throw new SigningKeyFileError(`${(e as Error).message} (${file})`);
  }
}

/** The embedded default: the key file under the data folder, generated (mode 0600) on first start. */
export function embeddedKeyFile(file: string): SigningKeys {
  if (!existsSync(file)) {
    try {
      writeKeyFile(file, [newPrivateJwk()]);
    } catch (e) {
      throw new SigningKeyFileError(`is unset and the embedded default cannot create ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}): make DATA_DIR writable or set SIGNING_KEY_FILE`);
    }
  }
  return readKeyFile(file);
}

/** Writes a key file atomically (a temporary file renamed over it), mode 0600. */
export function writeKeyFile(file: string, keys: Record<string, unknown>[]): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ keys }, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}
