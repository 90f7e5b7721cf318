import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Every setting of DESIGN.md §10, read and validated in one place. */
export interface Config {
  port: number;
  databaseUrl: string | undefined;
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
  logLevel: string;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`Invalid configuration: ${variable} ${problem}`);
  }
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, dflt: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number between ${min} and ${max}, got "${raw}"`);
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
  throw new ConfigError(name, `must be "on" or "off", got "${raw}"`);
}

const CIDR = /^(\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?|[0-9a-fA-F:]+(\/\d{1,3})?)$/;

export function loadConfig(env: Env = process.env, opts: { persistSecret?: boolean } = {}): Config {
  const nodeEnvRaw = env.NODE_ENV ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnvRaw)) {
    throw new ConfigError('NODE_ENV', `must be development, production or test, got "${nodeEnvRaw}"`);
  }
  const nodeEnv = nodeEnvRaw as Config['nodeEnv'];
  const dataDir = resolve(env.DATA_DIR ?? 'data');

  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^mysql:\/\/[^\s]+$/.test(databaseUrl) && !/^mariadb:\/\/[^\s]+$/.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', `must be a mysql:// URL such as mysql://root@127.0.0.1:3306/udid`);
  }
  const redisUrl = env.REDIS_URL?.trim() || undefined;
  if (redisUrl && !/^rediss?:\/\/[^\s]+$/.test(redisUrl)) {
    throw new ConfigError('REDIS_URL', `must be a redis:// URL such as redis://127.0.0.1:6379`);
  }

  const trustProxy = (env.TRUST_PROXY ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const c of trustProxy) {
    if (!CIDR.test(c)) throw new ConfigError('TRUST_PROXY', `must be a comma-separated list of IPs/CIDRs, "${c}" is not one`);
  }
  const corsOrigins = (env.CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const o of corsOrigins) {
    if (!/^https?:\/\/[^\s/]+$/.test(o)) throw new ConfigError('CORS_ORIGINS', `must list origins like https://portal.example.gov.in, "${o}" is not one`);
  }

  let jwtSecret = env.JWT_SECRET?.trim() ?? '';
  if (jwtSecret && jwtSecret.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters long');
  if (!jwtSecret) {
    if (nodeEnv === 'production') throw new ConfigError('JWT_SECRET', 'is required when NODE_ENV=production');
    jwtSecret = opts.persistSecret === false ? randomBytes(32).toString('hex') : embeddedSecret(dataDir);
  }

  return {
    port: int(env, 'PORT', 4000, 0, 65535),
    databaseUrl,
    sqlitePath: env.SQLITE_PATH ?? resolve(dataDir, 'udid.sqlite'),
    redisUrl,
    redisKeyPrefix: env.REDIS_KEY_PREFIX?.trim() || 'udx:',
    jwtSecret,
    nodeEnv,
    trustProxy,
    seedRecords: int(env, 'SEED_RECORDS', 10_000, 0, 5_000_000),
    benefitReportingGraceDays: int(env, 'BENEFIT_REPORTING_GRACE_DAYS', 30, 1, 3650),
    graphiql: bool(env, 'GRAPHIQL', true),
    dataDir,
    corsOrigins,
    scrapingAutoSuspend: bool(env, 'SCRAPING_AUTO_SUSPEND', false),
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
  };
}

/** In the embedded default the JWT secret is generated once and kept under data/. */
function embeddedSecret(dataDir: string): string {
  const file = resolve(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}
