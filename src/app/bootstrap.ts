import { existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import type { Config } from '../core/config/config';
import type { Logger } from '../core/logger';
import { seedPwdRecords } from '../modules/pwd/pwd.seed';
import { createActivePartner, createStaffUser, DEMO_STAFF } from '../modules/staff/demo.seed';

export interface DemoCredentials {
  partner: { organizationId: number; applicationId: number; clientId: string; clientSecret: string; scopes: string[] };
  partnerAdmin: { email: string; password: string };
  staff: { role: string; email: string; password: string }[];
}

/**
 * First start of an empty database: synthetic records, one staff user per role and a demo partner
 * approved for every scope. A database that already has users is left as it is (no reseed).
 */
export async function seedIfEmpty(ds: DataSource, config: Config, log: Logger): Promise<DemoCredentials | null> {
  const users: { n: number | string }[] = await ds.query('SELECT COUNT(*) AS n FROM user_account');
  if (Number(users[0].n) > 0) return null;
  log.info({ records: config.seedRecords }, 'empty database: seeding synthetic data and a demo partner');
  let last = 0;
  await seedPwdRecords(ds, config.seedRecords, {
    onProgress: (done, total) => {
      if (done - last >= 50_000 || done === total) { last = done; log.info({ done, total }, 'seeding PwD records'); }
    },
  });
  const staff = [];
  for (const s of DEMO_STAFF) staff.push({ role: s.role, email: s.email, password: await createStaffUser(ds, s.role, s.email, s.name) });
  const p = await createActivePartner(ds, { name: 'Demo State Social Welfare Department', email: 'partner.admin@welfare.example.gov.in' });
  const creds: DemoCredentials = {
    partner: { organizationId: p.organizationId, applicationId: p.applicationId, clientId: p.clientId, clientSecret: p.clientSecret, scopes: p.scopes },
    partnerAdmin: p.partnerAdmin,
    staff,
  };
  mkdirSync(config.dataDir, { recursive: true });
  const file = resolve(config.dataDir, 'demo-credentials.json');
  writeFileSync(file, JSON.stringify(creds, null, 2) + '\n', { mode: 0o600 });
  return creds;
}

export function demoCredentialsExist(config: Config): boolean {
  return existsSync(resolve(config.dataDir, 'demo-credentials.json'));
}
