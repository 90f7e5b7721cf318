import { RequestContext } from '../../core/request/context';
import { badInput } from '../../core/errors/errors';
import { fromDbDate } from '../../core/db/columns';
import { CardStatus, CertificateType, DisabilityType, Education, Employment, Gender, IncomeBand } from './pwd.enums';
import { PwdFilter, MAX_PAGE } from './pwd.inputs';
import { PwdConnection, PwdRecord, UdidVerification } from './pwd.types';
import { fieldsInScope } from './pwd.rules';
import { readPath } from '../../core/db/read-path';

type Row = Record<string, unknown>;

/** The column each PwdRecord field is read from (disabilities: their own table, in the same statement). */
const FIELD_COLUMN: Record<string, string> = {
  udid: 'udid', cardStatus: 'card_status', name: 'name', nameRegional: 'name_regional', guardianName: 'guardian_name', gender: 'gender',
  dateOfBirth: 'date_of_birth', mobile: 'mobile', email: 'email', address: 'address', pincode: 'pincode', district: 'district', state: 'state',
  disabilityPercentage: 'disability_percentage', certificateType: 'certificate_type', certificateNumber: 'certificate_number',
  certificateIssuedOn: 'certificate_issued_on', validUntil: 'valid_until', issuingAuthority: 'issuing_authority', education: 'education',
  employment: 'employment', incomeBand: 'income_band', belowPovertyLine: 'below_poverty_line', aadhaarLast4: 'aadhaar_last4',
};
/** Every column read on the hot path, in a fixed order; raw rows, no entity hydration. */
const COLUMN_LIST = ['id', ...Object.values(FIELD_COLUMN)];
const COLUMNS = COLUMN_LIST.join(', ');

/** A record's disability types (by pwd_disability.id) as one column of its row. */
const TYPES_MYSQL = `(SELECT GROUP_CONCAT(d.type ORDER BY d.id SEPARATOR ',') FROM pwd_disability d WHERE d.pwd_id = pwd_record.id) AS disability_types`;
const TYPES_SQLITE = `(SELECT group_concat(d.type, ',' ORDER BY d.id) FROM pwd_disability d WHERE d.pwd_id = pwd_record.id) AS disability_types`;
/** The columns read (every column, or those of the selected fields), with the disability types in the same statement when they are selected. */
function selectList(type: string, fields: string[] | null): string {
  const columns = fields === null ? COLUMNS : columnsFor(fields);
  return fields === null || fields.includes('disabilities') ? `${columns}, ${type === 'mysql' ? TYPES_MYSQL : TYPES_SQLITE}` : columns;
}

/**
 * The columns the selected fields are read from, in COLUMN_LIST's order (one statement text per set),
 * with the row id and the UDID always (cursors, the disclosure ledger). Reading the 8 columns a page
 * selects instead of all 25 takes about a third of the time on SQLite.
 */
function columnsFor(fields: string[]): string {
  const wanted = new Set(['id', 'udid']);
  for (const f of fields) { const c = FIELD_COLUMN[f]; if (c) wanted.add(c); }
  return COLUMN_LIST.filter((c) => wanted.has(c)).join(', ');
}

/**
 * A row as a record, reading only the columns the statement selected (an absent column is undefined,
 * a NULL one null): straight-line code, no closure per field.
 */
export function rowToRecord(r: Row): PwdRecord {
  const rec = new PwdRecord();
  rec.id = Number(r.id);
  rec.udid = r.udid as string;
  if (r.card_status !== undefined) rec.cardStatus = r.card_status as CardStatus;
  if (r.name !== undefined) rec.name = r.name as string;
  if (r.name_regional !== undefined) rec.nameRegional = (r.name_regional as string | null) ?? null;
  if (r.guardian_name !== undefined) rec.guardianName = r.guardian_name as string;
  if (r.gender !== undefined) rec.gender = r.gender as Gender;
  if (r.date_of_birth !== undefined) rec.dateOfBirth = fromDbDate(r.date_of_birth as string)!;
  if (r.mobile !== undefined) rec.mobile = r.mobile as string;
  if (r.email !== undefined) rec.email = (r.email as string | null) ?? null;
  if (r.address !== undefined) rec.address = r.address as string;
  if (r.pincode !== undefined) rec.pincode = r.pincode as string;
  if (r.district !== undefined) rec.district = r.district as string;
  if (r.state !== undefined) rec.state = r.state as string;
  if (r.disability_percentage !== undefined) rec.disabilityPercentage = Number(r.disability_percentage);
  if (r.certificate_type !== undefined) rec.certificateType = r.certificate_type as CertificateType;
  if (r.certificate_number !== undefined) rec.certificateNumber = r.certificate_number as string;
  if (r.certificate_issued_on !== undefined) rec.certificateIssuedOn = fromDbDate(r.certificate_issued_on as string)!;
  if (r.valid_until !== undefined) rec.validUntil = fromDbDate(r.valid_until as string | null);
  if (r.issuing_authority !== undefined) rec.issuingAuthority = r.issuing_authority as string;
  if (r.education !== undefined) rec.education = r.education as Education;
  if (r.employment !== undefined) rec.employment = r.employment as Employment;
  if (r.income_band !== undefined) rec.incomeBand = r.income_band as IncomeBand;
  if (r.below_poverty_line !== undefined) rec.belowPovertyLine = Boolean(Number(r.below_poverty_line));
  if (r.aadhaar_last4 !== undefined) rec.aadhaarLast4 = r.aadhaar_last4 as string;
  // The disability types, read in the record's own statement (in pwd_disability.id order).
  if (r.disability_types !== undefined) rec.disabilities = r.disability_types ? (String(r.disability_types).split(',') as DisabilityType[]) : [];
  return rec;
}

export const encodeCursor = (id: number) => Buffer.from(`pwd:${id}`).toString('base64url');
export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const m = /^pwd:(\d{1,12})$/.exec(text);
  if (!m) throw badInput('The "after" cursor is not one this API issued; pass pageInfo.endCursor from the previous page.');
  return Number(m[1]);
}

function notVerified(udid: string): UdidVerification {
  return Object.assign(new UdidVerification(), { udid, valid: false, cardStatus: null, validUntil: null, percentageBand: null });
}

export function percentageBand(p: number): string {
  if (p < 40) return 'BELOW_40';
  if (p < 80) return 'FROM_40_TO_79';
  return 'FROM_80';
}

/** Failed date-of-birth checks allowed per UDID, application and IST day before verifyUdid stops checking. */
export const VERIFY_ATTEMPTS_PER_DAY = 3;

const VERIFIED_FIELDS = 'valid,cardStatus,validUntil,percentageBand';

/** The access log's field text: the selected PwdRecord fields the caller's scopes unlock (refused ones are not served). */
function servedFields(ctx: RequestContext, fields: string[]): string {
  const p = ctx.principal;
  return (p.kind === 'application' ? fieldsInScope(fields, p.scopes) : fields).join(',');
}

/** The fields a consent must cover: the selected ones the scopes unlock, less the record's identity (udid, card status). */
function consentFields(ctx: RequestContext, fields: string[]): string[] {
  const p = ctx.principal;
  return p.kind === 'application' && p.consentRequired ? fieldsInScope(fields, p.scopes).filter((f) => f !== 'udid' && f !== 'cardStatus') : [];
}

/**
 * PwD reads. Every record leaves through the request's disclosure ledger (ctx.ledger): the UDID is
 * admitted against the daily distinct-record quota before anything is read, and each record returned
 * is one access event.
 */
export class PwdService {
  constructor(private readonly onBruteForce: (applicationId: number, udid: string, at: Date) => void = () => undefined) {}

  /** `at`: the response key the answer goes out under (the ledger logs it only if it is in the response). */
  async lookup(ctx: RequestContext, udid: string, fields: string[], at: string): Promise<PwdRecord | null> {
    const [withheld] = await ctx.ledger.admit([udid], consentFields(ctx, fields));
    if (withheld) throw withheld;
    const record = await this.findByUdid(ctx, udid, fields);
    ctx.ledger.lookedUp(udid, !!record);
    if (record) ctx.ledger.record('pwd', [record.udid], servedFields(ctx, fields), at);
    return record;
  }

  /**
   * A page; records past the quota keep their place as edges whose node is null with
   * DAILY_RECORD_QUOTA_EXCEEDED. A page that selects no field of its records (pageInfo, cursors only)
   * discloses none of them.
   */
  async search(ctx: RequestContext, filter: PwdFilter, first: number, after: string | null, fields: string[], at: string): Promise<PwdConnection> {
    const page = await this.list(ctx, filter, first, after, fields);
    if (!fields.length) return page;
    const verdicts = await ctx.ledger.admit(page.edges.map((e) => (e.node as PwdRecord).udid), consentFields(ctx, fields));
    const disclosed: string[] = [];
    page.edges.forEach((e, i) => {
      const withheld = verdicts[i];
      if (withheld) e.node = withheld; else disclosed.push((e.node as PwdRecord).udid);
    });
    ctx.ledger.record('pwds', disclosed, servedFields(ctx, fields), at);
    return page;
  }

  /**
   * Minimal disclosure, and no oracle: each answer is admitted and logged like a record, and after
   * VERIFY_ATTEMPTS_PER_DAY failed checks of one UDID the answer is "not valid" without checking
   * (a VERIFY_BRUTE_FORCE alert is raised once). An attempt is counted before the check, atomically
   * in the shared store, so aliases and concurrent requests cannot run more checks than allowed.
   */
  async verifyUdid(ctx: RequestContext, udid: string, dateOfBirth: string, at: string): Promise<UdidVerification> {
    const [withheld] = await ctx.ledger.admit([udid]);
    if (withheld) throw withheld;
    const p = ctx.principal;
    const counter = p.kind === 'application' ? `verify:${p.applicationId}:${udid}` : null;
    const attempt = counter ? await ctx.ledger.countToday(counter, 1) : 1;
    if (attempt > VERIFY_ATTEMPTS_PER_DAY) {
      if (attempt === VERIFY_ATTEMPTS_PER_DAY + 1 && p.kind === 'application') this.onBruteForce(p.applicationId, udid, ctx.now);
      ctx.ledger.record('verifyUdid', [udid], 'valid', at);
      return notVerified(udid);
    }
    const { result, found } = await this.verify(ctx, udid, dateOfBirth);
    ctx.ledger.lookedUp(udid, found);
    // A matching date of birth does not use up an attempt.
    if (counter && result.cardStatus !== null) await ctx.ledger.countToday(counter, -1);
    ctx.ledger.record('verifyUdid', [udid], result.cardStatus !== null ? VERIFIED_FIELDS : 'valid', at);
    return result;
  }

  /** The cards of these UDIDs (id and state code; absent when unknown), on the primary: what a benefit report is checked against. */
  async cardsOf(ctx: RequestContext, udids: string[]): Promise<Map<string, { id: number; stateCode: string }>> {
    const out = new Map<string, { id: number; stateCode: string }>();
    if (!udids.length) return out;
    const rows: Record<string, unknown>[] = await ctx.db.primary.query(
      `SELECT id, udid, state_code FROM pwd_record WHERE udid IN (${udids.map(() => '?').join(',')})`, udids);
    for (const r of rows) out.set(String(r.udid), { id: Number(r.id), stateCode: String(r.state_code) });
    return out;
  }

  /** The first record's UDID (null on an empty register): a sample for staff tools, never for partners. */
  async firstUdid(ctx: RequestContext): Promise<string | null> {
    const rows = await ctx.db.read().query<{ udid: string }>('SELECT udid FROM pwd_record ORDER BY id LIMIT 1');
    return rows[0]?.udid ?? null;
  }

  /**
   * One record by UDID, or null when unknown: one prepared statement on the read path, reading the
   * columns of `fields` (null: every field), the disability types in the same statement (a plain property of the record).
   */
  async findByUdid(ctx: RequestContext, udid: string, fields: string[] | null = null): Promise<PwdRecord | null> {
    const rows: Row[] = await readPath(ctx.db.primary).rows(`SELECT ${selectList(ctx.db.primary.options.type, fields)} FROM pwd_record WHERE udid = ?`, [udid]);
    return rows.length ? rowToRecord(rows[0]) : null;
  }

  /**
   * A keyset page in id order, in one prepared statement on the read path; filters use the named indexes
   * of pwd_record and pwd_disability. Only the columns of `fields` are read (null: every field), and the
   * records' disability types, when selected, come in the same statement (no second query, no resolver per record).
   */
  async list(ctx: RequestContext, filter: PwdFilter, first: number, after?: string | null, fields: string[] | null = null): Promise<PwdConnection> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
      throw badInput(`"first" must be between 1 and ${MAX_PAGE}; walk further pages with "after".`);
    }
    if (filter.percentageMin !== undefined && filter.percentageMax !== undefined && filter.percentageMin > filter.percentageMax) {
      throw badInput('percentageMin must not be greater than percentageMax.');
    }
    const where: string[] = [];
    const params: unknown[] = [];
    if (after) { where.push('id > ?'); params.push(decodeCursor(after)); }
    if (filter.state) { where.push('state_code = ?'); params.push(filter.state); }
    if (filter.district) { where.push('district = ?'); params.push(filter.district); }
    if (filter.percentageMin !== undefined && filter.percentageMin !== null) { where.push('disability_percentage >= ?'); params.push(filter.percentageMin); }
    if (filter.percentageMax !== undefined && filter.percentageMax !== null) { where.push('disability_percentage <= ?'); params.push(filter.percentageMax); }
    if (filter.updatedSince) { where.push('updated_at >= ?'); params.push(filter.updatedSince.toISOString().replace('T', ' ').replace('Z', '')); }
    if (filter.disabilityType) {
      where.push('id IN (SELECT pwd_id FROM pwd_disability WHERE type = ?)');
      params.push(filter.disabilityType);
    }
    // LIMIT inlined (first is a checked integer): MySQL's prepared statements refuse a bound LIMIT of some types.
    const sql = `SELECT ${selectList(ctx.db.primary.options.type, fields)} FROM pwd_record ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id LIMIT ${first + 1}`;
    const rows: Row[] = await readPath(ctx.db.primary).rows(sql, params);
    const hasNextPage = rows.length > first;
    const n = Math.min(rows.length, first);
    const page: PwdRecord[] = new Array(n);
    for (let i = 0; i < n; i++) page[i] = rowToRecord(rows[i]);
    const edges = page.map((node) => ({ cursor: encodeCursor(node.id), node }));
    return { edges, pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null } };
  }

  /** Minimal disclosure: nothing is revealed unless the date of birth matches. */
  async verify(ctx: RequestContext, udid: string, dateOfBirth: string): Promise<{ result: UdidVerification; found: boolean }> {
    const rows: Row[] = await readPath(ctx.db.primary).rows(
      'SELECT id, card_status, date_of_birth, valid_until, disability_percentage FROM pwd_record WHERE udid = ?',
      [udid],
    );
    const r = rows[0];
    const matches = !!r && fromDbDate(r.date_of_birth as string) === dateOfBirth;
    const result = notVerified(udid);
    result.valid = matches && r.card_status === CardStatus.ACTIVE && !this.lapsed(ctx, fromDbDate(r.valid_until as string | null));
    if (matches) {
      result.cardStatus = r.card_status as CardStatus;
      result.validUntil = fromDbDate(r.valid_until as string | null);
      result.percentageBand = percentageBand(Number(r.disability_percentage));
    }
    return { result, found: !!r };
  }

  private lapsed(ctx: RequestContext, validUntil: string | null): boolean {
    return validUntil !== null && validUntil < ctx.clock.today();
  }

  /**
   * The person's own sign-in (/me/record): the registered mobile when this UDID's date of birth is
   * `dateOfBirth`, else null (unknown UDID and wrong date alike). Read from the primary: nothing stale.
   */
  async signInContact(ctx: RequestContext, udid: string, dateOfBirth: string): Promise<{ mobile: string } | null> {
    const rows: Row[] = await ctx.db.primary.query('SELECT date_of_birth, mobile FROM pwd_record WHERE udid = ?', [udid]);
    const r = rows[0];
    if (!r || fromDbDate(r.date_of_birth as string) !== dateOfBirth || !r.mobile) return null;
    return { mobile: String(r.mobile) };
  }

}
