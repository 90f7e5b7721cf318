import { readFile } from 'node:fs/promises';
import { createPublicKey } from 'node:crypto';
import { calculateJwkThumbprint, compactVerify, createLocalJWKSet, decodeProtectedHeader, JSONWebKeySet, JWK } from 'jose';
import type { DataSource } from 'typeorm';
import { CHECKPOINT_TYP, CheckpointPayload } from './access-checkpoint';

/** A checkpoint as found, before its signature is checked. */
export interface FoundCheckpoint {
  jws: string;
  /** Where it was found: `database`, or `<file>:<line>`. */
  source: string;
}

/** A checkpoint whose signature verified with one of the given keys. */
export interface VerifiedCheckpoint extends CheckpointPayload {
  kid: string;
  /** It is (also) in the database's access_checkpoint table. */
  inDatabase: boolean;
  sources: string[];
}

export interface CheckpointProblem {
  /** BAD_CHECKPOINT: unreadable, not signed by a given key, or not a checkpoint; FORKED: two different signed checkpoints under one number, or out of order. */
  kind: 'BAD_CHECKPOINT' | 'FORKED';
  seq: number | null;
  message: string;
}

/** Every checkpoint stored in the database (an attacker may delete rows, never forge them). */
export async function databaseCheckpoints(ds: DataSource): Promise<FoundCheckpoint[]> {
  const rows: { jws: string }[] = await ds.query('SELECT jws FROM access_checkpoint ORDER BY seq');
  return rows.map((r) => ({ jws: r.jws, source: 'database' }));
}

/** The lines of a CHECKPOINT_FILE (JSON lines, each with a `jws`); an unreadable line is reported, not skipped. */
export async function fileCheckpoints(file: string): Promise<{ found: FoundCheckpoint[]; problem: CheckpointProblem | null }> {
  const text = await readFile(file, 'utf8');
  const found: FoundCheckpoint[] = [];
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    let jws: unknown;
    try { jws = (JSON.parse(line) as { jws?: unknown }).jws; } catch { jws = undefined; }
    if (typeof jws !== 'string') {
      return { found, problem: { kind: 'BAD_CHECKPOINT', seq: null, message: `${file}:${i + 1} is not a checkpoint line (JSON with a "jws"): the file was damaged or edited.` } };
    }
    found.push({ jws, source: `${file}:${i + 1}` });
  }
  return { found, problem: null };
}

/**
 * Public keys from what an auditor holds: a PEM public key (SPKI), a JWK, or a JWK Set (a saved
 * /.well-known/jwks.json). Private members are dropped; each key gets its RFC 7638 thumbprint as kid
 * when it has none, which is the kid the server signs with.
 */
export async function publicKeysFrom(text: string, origin: string): Promise<JWK[]> {
  const trimmed = text.trim();
  let jwks: JWK[];
  if (trimmed.startsWith('-----BEGIN')) {
    let jwk: JWK;
    try { jwk = createPublicKey(trimmed).export({ format: 'jwk' }) as JWK; } catch (e) { throw new Error(`${origin} is not a PEM public key (${(e as Error).message})`); }
    jwks = [jwk];
  } else {
    let doc: { keys?: JWK[] } & JWK;
    try { doc = JSON.parse(trimmed); } catch { throw new Error(`${origin} is neither a PEM public key nor JSON (a JWK or a JWK Set)`); }
    jwks = Array.isArray(doc.keys) ? doc.keys : [doc];
  }
  const out: JWK[] = [];
  for (const k of jwks) {
    if (k.kty !== 'OKP' || k.crv !== 'Ed25519' || typeof k.x !== 'string') throw new Error(`${origin} holds a key that is not an Ed25519 public key`);
    const pub: JWK = { kty: 'OKP', crv: 'Ed25519', x: k.x };
    out.push({ ...pub, alg: 'EdDSA', kid: k.kid ?? (await calculateJwkThumbprint(pub)) });
  }
  return out;
}

/**
 * Checks every checkpoint's signature against `keys` (EdDSA only, `typ` a checkpoint) and merges the
 * copies found in several places. Fails closed: a checkpoint that does not verify, or two that
 * disagree, is a problem, never skipped.
 */
export async function verifyCheckpoints(found: FoundCheckpoint[], keys: JSONWebKeySet): Promise<{ checkpoints: VerifiedCheckpoint[]; problem: CheckpointProblem | null }> {
  const keySet = createLocalJWKSet(keys);
  const bySeq = new Map<number, VerifiedCheckpoint & { jws: string }>();
  for (const f of found) {
    let payload: CheckpointPayload;
    let kid: string;
    try {
      const header = decodeProtectedHeader(f.jws);
      if (header.typ !== CHECKPOINT_TYP) throw new Error(`its typ is ${JSON.stringify(header.typ)}, not ${CHECKPOINT_TYP}`);
      kid = String(header.kid);
      const r = await compactVerify(f.jws, keySet, { algorithms: ['EdDSA'] });
      payload = JSON.parse(new TextDecoder().decode(r.payload));
      if (payload.v !== 1 || !Number.isSafeInteger(payload.seq) || payload.seq < 1 || !Number.isSafeInteger(payload.eventId) || payload.eventId < 1
        || !/^[0-9a-f]{64}$/.test(payload.hash) || Number.isNaN(Date.parse(payload.at))) throw new Error('its payload is not a checkpoint');
    } catch (e) {
      const why = (e as { code?: string }).code === 'ERR_JWKS_NO_MATCHING_KEY' ? 'it is signed by a key that is not among the public keys given' : (e as Error).message;
      return { checkpoints: [], problem: { kind: 'BAD_CHECKPOINT', seq: null, message: `The checkpoint at ${f.source} does not verify: ${why}.` } };
    }
    const seen = bySeq.get(payload.seq);
    if (seen && (seen.eventId !== payload.eventId || seen.hash !== payload.hash)) {
      return { checkpoints: [], problem: { kind: 'FORKED', seq: payload.seq, message: `Two different signed checkpoints carry number ${payload.seq} (${seen.sources[0]}: event ${seen.eventId}; ${f.source}: event ${payload.eventId}).` } };
    }
    if (seen) {
      seen.sources.push(f.source);
      seen.inDatabase ||= f.source === 'database';
    } else {
      bySeq.set(payload.seq, { ...payload, kid, jws: f.jws, inDatabase: f.source === 'database', sources: [f.source] });
    }
  }
  const checkpoints = [...bySeq.values()].sort((a, b) => a.seq - b.seq).map(({ jws: _jws, ...c }) => c);
  for (let i = 1; i < checkpoints.length; i++) {
    if (checkpoints[i].eventId <= checkpoints[i - 1].eventId) {
      return { checkpoints: [], problem: { kind: 'FORKED', seq: checkpoints[i].seq,
        message: `Checkpoint ${checkpoints[i].seq} covers event ${checkpoints[i].eventId}, not later than checkpoint ${checkpoints[i - 1].seq} (event ${checkpoints[i - 1].eventId}): the checkpoints do not describe one log.` } };
    }
  }
  return { checkpoints, problem: null };
}
