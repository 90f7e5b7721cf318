import type { DataSource } from 'typeorm';
import { toDbDateTime } from '../../core/db/columns';
import { isMysql } from '../../core/db/database';
import { PwdGenerator, SEED } from './pwd.generator';

const PWD_COLS = ['id', 'udid', 'card_status', 'card_issued_on', 'name', 'name_regional', 'guardian_name', 'gender', 'date_of_birth',
  'mobile', 'email', 'address', 'pincode', 'district', 'district_code', 'state', 'state_code', 'primary_disability',
  'disability_percentage', 'certificate_type', 'certificate_number', 'certificate_issued_on', 'valid_until', 'issuing_authority',
  'education', 'employment', 'income_band', 'below_poverty_line', 'aadhaar_last4', 'created_at', 'updated_at'];

/**
 * Inserts `count` synthetic records in batched multi-row INSERTs, one transaction per batch.
 * Deterministic: the first N records are the same whatever the count, on SQLite and MySQL alike.
 */
export async function seedPwdRecords(
  ds: DataSource,
  count: number,
  opts: { batchSize?: number; seed?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<number> {
  // SQLite binds at most 32,766 parameters per statement (31 per record); MySQL allows 65,535.
  const batchSize = Math.min(opts.batchSize ?? 1000, isMysql(ds) ? 2000 : 1000);
  const existing: { n: number | string }[] = await ds.query('SELECT COUNT(*) AS n FROM pwd_record');
  const already = Number(existing[0].n);
  const gen = new PwdGenerator(opts.seed ?? SEED);
  // Skip the records already stored, so a re-run continues the same sequence.
  for (let i = 0; i < already; i++) gen.next();
  const maxId: { m: number | string | null }[] = await ds.query('SELECT MAX(id) AS m FROM pwd_record');
  let nextId = Number(maxId[0].m ?? 0) + 1;
  const rowPh = `(${PWD_COLS.map(() => '?').join(',')})`;
  let done = 0;
  while (done < count) {
    const n = Math.min(batchSize, count - done);
    const pwdValues: unknown[] = [];
    const disValues: unknown[] = [];
    let disRows = 0;
    for (let i = 0; i < n; i++) {
      const r = gen.next();
      const id = nextId++;
      pwdValues.push(id, r.udid, r.cardStatus, r.cardIssuedOn, r.name, r.nameRegional, r.guardianName, r.gender, r.dateOfBirth,
        r.mobile, r.email, r.address, r.pincode, r.district, r.districtCode, r.state, r.stateCode, r.primaryDisability,
        r.disabilityPercentage, r.certificateType, r.certificateNumber, r.certificateIssuedOn, r.validUntil, r.issuingAuthority,
        r.education, r.employment, r.incomeBand, r.belowPovertyLine ? 1 : 0, r.aadhaarLast4, toDbDateTime(r.createdAt), toDbDateTime(r.updatedAt));
      for (const t of r.disabilities) { disValues.push(id, t); disRows++; }
    }
    await ds.transaction(async (m) => {
      await m.query(`INSERT INTO pwd_record (${PWD_COLS.join(',')}) VALUES ${Array(n).fill(rowPh).join(',')}`, pwdValues);
      await m.query(`INSERT INTO pwd_disability (pwd_id, type) VALUES ${Array(disRows).fill('(?,?)').join(',')}`, disValues);
    });
    done += n;
    opts.onProgress?.(done, count);
  }
  return done;
}
