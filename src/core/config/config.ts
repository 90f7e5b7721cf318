import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BlockList, isIP } from 'node:net';
import { isIpOrCidr } from '../http/client-ip';
import { embeddedKeyFile, readKeyFile, SigningKeyFileError, SigningKeys } from '../signing/signing-keys';

/** Every setting of DESIGN.md §10, read and validated in one place. */
export interface Config {
  port: number;
  databaseUrl: string | undefined;
  /** Read replicas of DATABASE_URL (mysql:// URLs): reads that may be stale go there (ctx.db.read()); empty: all on the primary. */
  databaseReplicaUrls: string[];
  /** OTLP/HTTP collector (e.g. http://127.0.0.1:4318): traces are exported there; unset: no tracing, no SDK loaded. */
  otelEndpoint: string | undefined;
  /** SQLite file used when no DATABASE_URL is set (`:memory:` in tests). */
  sqlitePath: string;
  redisUrl: string | undefined;
  /** Prefix of every Redis key (lets several deployments or test runs share one Redis). */
  redisKeyPrefix: string;
  jwtSecret: string;
  nodeEnv: 'development' | 'production' | 'test';
  trustProxy: string[];
  seedRecords: number;
  benefitReportingGraceDays: number;
  graphiql: boolean;
  dataDir: string;
  /** CORS origins allowed to call the API from a browser (none by default). */
  corsOrigins: string[];
  /** Suspend an application automatically when a scraping alert is raised. */
  scrapingAutoSuspend: boolean;
  logLevel: LogLevel;
  /** Peers (IPs/CIDRs) that may read GET /metrics on the main port (default loopback). */
  metricsAllow: string[];
  /** Serve /metrics on this port only (0: a free one), not on the main port; unset: on the main port. */
  metricsPort: number | undefined;
  /** smtp://user:pass@host:587 or smtps://…: the outbox is delivered there; unset: not delivered (logged in development). */
  smtpUrl: string | undefined;
  /** The From of every message (required with SMTP_URL): an address, or `Name <address>`. */
  mailFrom: string | undefined;
  /** How often the outbox is polled for messages due (new messages are also sent at once after commit). */
  mailPollMs: number;
  /** Delivery attempts before a message becomes a dead letter. */
  mailMaxAttempts: number;
  /** How often the SOP sweep looks for MoUs that ended by the calendar (notices to NIC and the vendor, open tasks). */
  sopSweepMs: number;
  /** SIGNING_KEY_FILE as resolved (the generated one under DATA_DIR in the embedded default); undefined: an in-memory key (tests, tools). */
  signingKeyFile: string | undefined;
  /** The Ed25519 keys that sign access-log checkpoints and responses (the private part never leaves the object). */
  signingKeys: SigningKeys;
  /** Sign a checkpoint of the access log after this many new events… */
  checkpointEveryEvents: number;
  /** …or this long after the last one, when events were written since. */
  checkpointEveryMs: number;
  /** Append-only JSON-lines file each signed checkpoint is appended to (to be shipped off the host); undefined: none. */
  checkpointFile: string | undefined;
  /** What executes validated operations: graphql-jit (compiled per document, cached) or graphql-js. */
  graphqlExecutor: GraphqlExecutorKind;
  /** Under graphql-jit: executions of a document on graphql-js before it is compiled (0: at first sight). */
  graphqlJitAfter: number;
}

/** What executes validated operations (GRAPHQL_EXECUTOR): graphql-jit, compiled once per document, or graphql-js. */
export const GRAPHQL_EXECUTORS = ['jit', 'graphql-js'] as const;
export type GraphqlExecutorKind = (typeof GRAPHQL_EXECUTORS)[number];

/** pino's levels. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Who may read /metrics when METRICS_ALLOW is unset: this host only. */
export const METRICS_ALLOW_DEFAULT = ['127.0.0.0/8', '::1'];

/** A bad setting; its message is one line naming the variable and what it expects. */
export class ConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`Invalid configuration: ${variable} ${problem}`.replace(/[\r\n]+/g, ' '));
  }
}

/** EX_CONFIG (sysexits.h): the process was started with bad configuration. */
export const EX_CONFIG = 78;

type Env = Record<string, string | undefined>;

/** A value as quoted in a message: JSON-escaped (control characters stay on one line) and cut short. */
const shown = (raw: string) => JSON.stringify(raw.length > 60 ? raw.slice(0, 60) + '…' : raw);

/** A comma-separated list; every item must pass `ok`. */
function list(env: Env, name: string, dflt: string[], ok: (v: string) => boolean, expected: string): string[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return dflt;
  const items = raw.split(',').map((s) => s.trim()).filter(Boolean);
  for (const v of items) if (!ok(v)) throw new ConfigError(name, `must be ${expected}; ${shown(v)} is not one`);
  return items;
}

/** A mysql:// or redis:// URL that parses, with a host. */
function url(env: Env, name: string, schemes: string[], example: string): string | undefined {
  const raw = env[name]?.trim() || undefined;
  if (!raw) return undefined;
  let u: URL | null = null;
  try { u = new URL(raw); } catch { /* reported below */ }
  if (!u || !schemes.includes(u.protocol) || !u.hostname || /\s/.test(raw)) {
    throw new ConfigError(name, `must be a ${schemes[0]}// URL such as ${example}`);
  }
  return raw;
}

/** DATABASE_REPLICA_URLS: comma-separated mysql:// URLs of replicas of DATABASE_URL (which they need). */
function replicaUrls(env: Env, primary: string | undefined): string[] {
  const name = 'DATABASE_REPLICA_URLS';
  const raw = env[name]?.trim();
  if (!raw) return [];
  if (!primary) throw new ConfigError(name, 'is set but DATABASE_URL is not: replicas need the primary they replicate (the embedded SQLite default has none)');
  const urls = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const example = 'mysql://reader@10.0.0.12:3306/udid';
  for (const u of urls) url({ [name]: u }, name, ['mysql:', 'mariadb:'], example);
  const db = (u: string) => new URL(u).pathname.replace(/^\//, '') || 'udid';
  const other = urls.find((u) => db(u) !== db(primary));
  if (other) throw new ConfigError(name, `must name the same database as DATABASE_URL (${db(primary)}), got ${shown(db(other))}`);
  return urls;
}

function int(env: Env, name: string, dflt: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  if (!/^\d{1,10}$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number between ${min} and ${max}, got ${shown(raw)}`);
  const n = Number(raw.trim());
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

function bool(env: Env, name: string, dflt: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  const v = raw.trim().toLowerCase();
  if (['on', 'true', '1', 'yes'].includes(v)) return true;
  if (['off', 'false', '0', 'no'].includes(v)) return false;
  throw new ConfigError(name, `must be "on" or "off", got ${shown(raw)}`);
}

/** An IP or CIDR that net.BlockList itself accepts (no zone ids, prefix within the family's width). */
function ipOrCidr(v: string): boolean {
  if (!isIpOrCidr(v) || v.includes('%')) return false;
  const [addr, bits] = v.split('/');
  const family = isIP(addr) === 6 ? 'ipv6' : 'ipv4';
  try {
    if (bits === undefined) new BlockList().addAddress(addr, family);
    else new BlockList().addSubnet(addr, Number(bits), family);
    return true;
  } catch {
    return false;
  }
}

/** loadConfig for an entry point: a bad setting ends the process with its one line on stderr and exit code 78. */
export function loadConfigOrExit(env: Env = process.env, opts: LoadOptions = {}): Config {
  try {
    return loadConfig(env, opts);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    process.stderr.write(e.message + '\n');
    process.exit(EX_CONFIG);
  }
}

export interface LoadOptions {
  /** false: write nothing under DATA_DIR (a JWT secret and a signing key held in memory, no checkpoint file unless CHECKPOINT_FILE is set). */
  persistSecret?: boolean;
  /** false: do not read SIGNING_KEY_FILE (tools that never sign, such as audit:verify); an in-memory key stands in. */
  signingKeys?: boolean;
}

/** Reads and checks every setting; the first bad one throws a ConfigError naming it. */
export function loadConfig(env: Env = process.env, opts: LoadOptions = {}): Config {
  const nodeEnvRaw = env.NODE_ENV?.trim() || 'development';
  if (!['development', 'production', 'test'].includes(nodeEnvRaw)) {
    throw new ConfigError('NODE_ENV', `must be development, production or test, got ${shown(nodeEnvRaw)}`);
  }
  const nodeEnv = nodeEnvRaw as Config['nodeEnv'];
  const dataDir = resolve(env.DATA_DIR?.trim() || 'data');

  const databaseUrl = url(env, 'DATABASE_URL', ['mysql:', 'mariadb:'], 'mysql://root@127.0.0.1:3306/udid');
  const poolSize = databaseUrl ? new URL(databaseUrl).searchParams.get('poolSize') : null;
  if (poolSize !== null && (!/^\d{1,4}$/.test(poolSize) || Number(poolSize) < 1 || Number(poolSize) > 1000)) {
    throw new ConfigError('DATABASE_URL', `must give poolSize as a whole number between 1 and 1000, got poolSize=${shown(poolSize)}`);
  }
  const databaseReplicaUrls = replicaUrls(env, databaseUrl);
  const otelEndpoint = url(env, 'OTEL_EXPORTER_OTLP_ENDPOINT', ['http:', 'https:'], 'http://127.0.0.1:4318');
  const redisUrl = url(env, 'REDIS_URL', ['redis:', 'rediss:'], 'redis://127.0.0.1:6379');
  const redisKeyPrefix = env.REDIS_KEY_PREFIX?.trim() || 'udx:';
  if (!/^[A-Za-z0-9:._-]{1,64}$/.test(redisKeyPrefix)) {
    throw new ConfigError('REDIS_KEY_PREFIX', `must be 1 to 64 letters, digits or ":._-", got ${shown(redisKeyPrefix)}`);
  }

  const cidrs = 'a comma-separated list of IPs or CIDRs (e.g. 10.0.0.0/8,::1)';
  const trustProxy = list(env, 'TRUST_PROXY', [], ipOrCidr, cidrs);
  const metricsAllow = list(env, 'METRICS_ALLOW', METRICS_ALLOW_DEFAULT, ipOrCidr, cidrs);
  const corsOrigins = list(env, 'CORS_ORIGINS', [], (o) => /^https?:\/\/[^\s/]+$/.test(o), 'a comma-separated list of origins like https://portal.example.gov.in');

  const logLevel = (env.LOG_LEVEL?.trim() || (nodeEnv === 'test' ? 'silent' : 'info')) as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got ${shown(logLevel)}`);

  const port = int(env, 'PORT', 4000, 0, 65535);
  const metricsPort = env.METRICS_PORT?.trim() ? int(env, 'METRICS_PORT', 0, 0, 65535) : undefined;
  if (metricsPort && metricsPort === port) throw new ConfigError('METRICS_PORT', `must differ from PORT (${port})`);

  const graphqlExecutor = (env.GRAPHQL_EXECUTOR?.trim() || 'jit') as GraphqlExecutorKind;
  if (!GRAPHQL_EXECUTORS.includes(graphqlExecutor)) throw new ConfigError('GRAPHQL_EXECUTOR', `must be ${GRAPHQL_EXECUTORS.join(' or ')}, got ${shown(graphqlExecutor)}`);

  const sqlitePath = env.SQLITE_PATH?.trim() || resolve(dataDir, 'udid.sqlite');

  let jwtSecret = env.JWT_SECRET?.trim() ?? '';
  if (jwtSecret && jwtSecret.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters long');
  if (!jwtSecret) {
    if (nodeEnv === 'production') throw new ConfigError('JWT_SECRET', 'is required when NODE_ENV=production');
    jwtSecret = opts.persistSecret === false ? randomBytes(32).toString('hex') : embeddedSecret(dataDir);
  }

  const smtpUrl = url(env, 'SMTP_URL', ['smtp:', 'smtps:'], 'smtp://user:pass@mail.example.gov.in:587');
  const mailFrom = env.MAIL_FROM?.trim() || undefined;
  if (mailFrom && !isMailbox(mailFrom)) {
    throw new ConfigError('MAIL_FROM', `must be an address such as no-reply@udid.example.gov.in or "UDID Exchange <no-reply@udid.example.gov.in>", got ${shown(mailFrom)}`);
  }
  if (smtpUrl && !mailFrom) throw new ConfigError('MAIL_FROM', 'is required when SMTP_URL is set (the sender of activation links and notices)');

  const settings = {
    port,
    databaseUrl,
    databaseReplicaUrls,
    otelEndpoint,
    sqlitePath,
    redisUrl,
    redisKeyPrefix,
    jwtSecret,
    nodeEnv,
    trustProxy,
    seedRecords: int(env, 'SEED_RECORDS', 10_000, 0, 5_000_000),
    benefitReportingGraceDays: int(env, 'BENEFIT_REPORTING_GRACE_DAYS', 30, 1, 3650),
    graphiql: bool(env, 'GRAPHIQL', true),
    dataDir,
    corsOrigins,
    scrapingAutoSuspend: bool(env, 'SCRAPING_AUTO_SUSPEND', false),
    logLevel,
    metricsAllow,
    metricsPort,
    smtpUrl,
    mailFrom,
    mailPollMs: int(env, 'MAIL_POLL_MS', 5000, 50, 3_600_000),
    mailMaxAttempts: int(env, 'MAIL_MAX_ATTEMPTS', 8, 1, 100),
    sopSweepMs: int(env, 'SOP_SWEEP_MS', 600_000, 1000, 86_400_000),
    checkpointEveryEvents: int(env, 'CHECKPOINT_EVERY_EVENTS', 1000, 1, 10_000_000),
    checkpointEveryMs: int(env, 'CHECKPOINT_EVERY_MS', 60_000, 50, 86_400_000),
    graphqlExecutor,
    graphqlJitAfter: int(env, 'GRAPHQL_JIT_AFTER', 1, 0, 1000),
  };

  // Last: the embedded default writes a key file, which only a configuration that is otherwise good should do.
  const persist = opts.persistSecret !== false;
  let signingKeyFile = env.SIGNING_KEY_FILE?.trim() ? resolve(env.SIGNING_KEY_FILE.trim()) : undefined;
  let signingKeys: SigningKeys;
  try {
    if (opts.signingKeys === false) signingKeys = SigningKeys.ephemeral();
    else if (signingKeyFile) signingKeys = readKeyFile(signingKeyFile);
    else if (nodeEnv === 'production') throw new ConfigError('SIGNING_KEY_FILE', 'is required when NODE_ENV=production (a JWK Set file holding the Ed25519 signing key, mode 0600, kept outside the database; see README "Signed checkpoints")');
    else if (persist) signingKeys = embeddedKeyFile((signingKeyFile = resolve(dataDir, 'signing-keys.json')));
    else signingKeys = SigningKeys.ephemeral();
  } catch (e) {
    if (e instanceof SigningKeyFileError) throw new ConfigError('SIGNING_KEY_FILE', e.message);
    throw e;
  }
  const checkpointFile = env.CHECKPOINT_FILE?.trim() ? resolve(env.CHECKPOINT_FILE.trim()) : persist ? resolve(dataDir, 'access-checkpoints.jsonl') : undefined;
  return { ...settings, signingKeyFile, signingKeys, checkpointFile };
}

/** `local@domain` or `Display Name <local@domain>`, no line breaks (it becomes a header). */
function isMailbox(v: string): boolean {
  const m = /^(?:[^<>\r\n"]{1,80}\s)?<([^<>\s@]+@[^<>\s@]+\.[^<>\s@]+)>$/.exec(v) ?? /^([^<>\s@]+@[^<>\s@]+\.[^<>\s@]+)$/.exec(v);
  return !!m && m[1].length <= 160;
}

/** In the embedded default the JWT secret is generated once and kept under data/. */
function embeddedSecret(dataDir: string): string {
  const file = resolve(dataDir, 'jwt-secret');
  try {
    if (existsSync(file)) return readFileSync(file, 'utf8').trim();
    mkdirSync(dirname(file), { recursive: true });
    const secret = randomBytes(32).toString('hex');
    writeFileSync(file, secret + '\n', { mode: 0o600 });
    return secret;
  } catch (e) {
    throw new ConfigError('DATA_DIR', `must be a folder this process can write (${dataDir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}), or set JWT_SECRET`);
  }
}
