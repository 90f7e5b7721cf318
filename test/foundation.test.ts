import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildAppSchema, schemaSdl } from '../src/app/schema';
import { ConfigError, loadConfig } from '../src/core/config/config';
import { PwdGenerator, isValidUdidCheckDigit } from '../src/modules/pwd/pwd.generator';
import { DISABILITY_TYPES } from '../src/modules/pwd/pwd.enums';
import { openTestDatabase } from './helpers/server';
import { seedPwdRecords } from '../src/modules/pwd/pwd.seed';

describe('foundation', () => {
  it('schema/schema.graphql is what the code emits (run `npm run schema:emit` when this fails)', async () => {
    const committed = readFileSync(resolve(__dirname, '../schema/schema.graphql'), 'utf8');
    expect(schemaSdl(await buildAppSchema())).toBe(committed);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ DATABASE_URL: 'postgres://x' }, /DATABASE_URL/],
    [{ REDIS_URL: 'localhost' }, /REDIS_URL/],
    [{ TRUST_PROXY: '10.0.0.0/8,not-an-ip' }, /TRUST_PROXY/],
    [{ GRAPHIQL: 'maybe' }, /GRAPHIQL/],
    [{ GRAPHQL_EXECUTOR: 'v8' }, /GRAPHQL_EXECUTOR/],
    [{ GRAPHQL_JIT_AFTER: '-1' }, /GRAPHQL_JIT_AFTER/],
    [{ BENEFIT_REPORTING_GRACE_DAYS: '-1' }, /BENEFIT_REPORTING_GRACE_DAYS/],
    [{ NODE_ENV: 'production' }, /JWT_SECRET/],
    [{ JWT_SECRET: 'short' }, /JWT_SECRET/],
  ])('bad configuration %j stops start-up with one line naming the variable', (env, re) => {
    expect(() => loadConfig(env as Record<string, string>, { persistSecret: false })).toThrow(ConfigError);
    try { loadConfig(env as Record<string, string>, { persistSecret: false }); } catch (e) {
      expect((e as Error).message).toMatch(re);
      expect((e as Error).message).not.toMatch(/\n/);
    }
  });

  it('generates the same synthetic records for the same seed, with valid 18-character UDIDs', () => {
    const a = new PwdGenerator(), b = new PwdGenerator();
    const seen = new Set<string>();
    const types = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const x = a.next(), y = b.next();
      expect(x.udid).toBe(y.udid);
      expect(x.name).toBe(y.name);
      expect(x.udid).toMatch(/^[A-Z]{2}[0-9]{16}$/);
      expect(isValidUdidCheckDigit(x.udid)).toBe(true);
      expect(seen.has(x.udid)).toBe(false);
      seen.add(x.udid);
      x.disabilities.forEach((t) => types.add(t));
      expect(x.disabilityPercentage).toBeGreaterThanOrEqual(0);
      expect(x.disabilityPercentage).toBeLessThanOrEqual(100);
      if (x.certificateType === 'TEMPORARY') expect(x.validUntil).not.toBeNull();
      expect(x.mobile).toMatch(/^[6-9]\d{9}$/);
    }
    expect(types.size).toBe(DISABILITY_TYPES.length);
  });

  it('runs the migrations and seeds in batches, continuing the same sequence on a second run', async () => {
    const { ds, drop } = await openTestDatabase();
    try {
      await seedPwdRecords(ds, 1500, { batchSize: 400 });
      await seedPwdRecords(ds, 500, { batchSize: 400 });
      const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM pwd_record');
      expect(Number(n)).toBe(2000);
      const gen = new PwdGenerator();
      let last;
      for (let i = 0; i < 2000; i++) last = gen.next();
      const [row] = await ds.query('SELECT udid FROM pwd_record ORDER BY id DESC LIMIT 1');
      expect(row.udid).toBe(last!.udid);
      const migrations = await ds.query('SELECT name FROM migrations');
      expect(migrations.length).toBeGreaterThanOrEqual(1);
    } finally {
      await drop();
    }
  });
});
