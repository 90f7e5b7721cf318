import http from 'node:http';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startTestServer, TestServer, createActivePartner } from '../helpers/server';
import { PartnerFixture } from '../../src/modules/staff/demo.seed';
import { Scope } from '../../src/core/authz/scopes';
import { Card, cards, count, ref } from '../helpers/benefit';
import { csv, HEADER, upload, uploadForm, uploadInParts, XLSX, xlsx } from '../helpers/upload';

describe('POST /benefit-reports/upload (CSV and XLSX)', () => {
  let t: TestServer;
  let p: PartnerFixture;
  let token: string;
  let c: Card[];
  const today = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const row = (card: Card, over: Partial<Record<string, unknown>> = {}) => {
    const v: Record<string, unknown> = { udid: card.udid, schemeCode: 'PMS', schemeName: 'Post-matric scholarship', benefitType: 'SCHOLARSHIP', amountPaise: 1200000, benefitDate: today(), clientReference: ref('UP'), remarks: '', ...over };
    return HEADER.map((h) => v[h]);
  };
  const stored = (refs: string[]) => count(t.ds, `SELECT COUNT(*) FROM benefit_report WHERE client_reference IN (${refs.map(() => '?').join(',')})`, refs);

  beforeAll(async () => {
    t = await startTestServer({ records: 200 });
    p = await createActivePartner(t.ds);
    token = await t.appToken(p);
    c = await cards(t.ds, 200);
  });
  afterAll(() => t.close());

  it('imports a CSV body and reports every row: accepted, rejected with reasons, blank lines skipped', async () => {
    const rows = [HEADER, row(c[0]), row(c[1], { amountPaise: '12.50' }), [], row(c[2], { udid: 'ZZ0000000000000000' }), row(c[3], { benefitType: 'pension', remarks: 'Tricycle, "red"' })];
    const res = await upload(t.url, token, csv(rows), 'text/csv');
    expect(res.status).toBe(200);
    expect(res.body.format).toBe('CSV');
    expect(res.body.totals).toEqual({ rows: 4, accepted: 2, duplicates: 0, rejected: 2 });
    const [a, b, d, e] = res.body.results;
    expect(a).toMatchObject({ row: 2, status: 'ACCEPTED', clientReference: rows[1][6] });
    expect(a.reportId).toMatch(/^\d+$/);
    expect(b).toMatchObject({ row: 3, status: 'REJECTED' });
    expect(b.errors[0]).toMatchObject({ field: 'amountPaise', code: 'BAD_USER_INPUT' });
    expect(d).toMatchObject({ row: 5, status: 'REJECTED' });
    expect(d.errors[0]).toMatchObject({ field: 'udid', code: 'UNKNOWN_UDID' });
    expect(e).toMatchObject({ row: 6, status: 'ACCEPTED' });
    const [stored6] = await t.ds.query('SELECT channel, benefit_type, remarks, amount_paise FROM benefit_report WHERE id = ?', [Number(e.reportId)]);
    expect(stored6).toMatchObject({ channel: 'FILE', benefit_type: 'PENSION', remarks: 'Tricycle, "red"' });
    expect(Number(stored6.amount_paise)).toBe(1200000);
  });

  it('answers DUPLICATE for every row of a file uploaded twice', async () => {
    const body = csv([HEADER, row(c[4]), row(c[5])]);
    expect((await upload(t.url, token, body, 'text/csv')).body.totals.accepted).toBe(2);
    const again = await upload(t.url, token, body, 'text/csv');
    expect(again.body.totals).toEqual({ rows: 2, accepted: 0, duplicates: 2, rejected: 0 });
    expect(again.body.results[0].duplicateOf).toBeTruthy();
  });

  it('imports an XLSX workbook (date cells, number cells, a second sheet ignored), raw and multipart', async () => {
    const r1 = row(c[6]);
    r1[5] = new Date(today() + 'T00:00:00Z');
    const r2 = row(c[7], { amountPaise: 500, schemeCode: 'ADIP', benefitType: 'ASSISTIVE_DEVICE' });
    const book = await xlsx([HEADER, r1, r2, row(c[8], { amountPaise: 99.5 })], true);
    const res = await upload(t.url, token, book, XLSX);
    expect(res.status).toBe(200);
    expect(res.body.format).toBe('XLSX');
    expect(res.body.totals).toEqual({ rows: 3, accepted: 2, duplicates: 0, rejected: 1 });
    expect(res.body.results.map((r: any) => r.row)).toEqual([2, 3, 4]);
    const [s] = await t.ds.query('SELECT benefit_date FROM benefit_report WHERE client_reference = ?', [r1[6]]);
    expect(String(s.benefit_date).slice(0, 10)).toBe(today());
    const form = await uploadForm(t.url, token, await xlsx([HEADER, row(c[9])]), 'benefits.xlsx', 'application/octet-stream');
    expect(form.status).toBe(200);
    expect(form.body.totals.accepted).toBe(1);
  });

  it('accepts a CSV as multipart/form-data and header names in other spellings', async () => {
    const header = ['UDID', 'Scheme Code', 'scheme_name', 'Benefit Type', 'Amount (paise)', 'Benefit Date', 'Client Reference'];
    const r = row(c[10]).slice(0, 7);
    const res = await uploadForm(t.url, token, csv([header, r]), 'benefits.csv', 'text/csv');
    expect(res.status).toBe(200);
    expect(res.body.totals.accepted).toBe(1);
  });

  it('reports only the problem rows when asked (?results=problems)', async () => {
    const res = await upload(t.url, token, csv([HEADER, row(c[11]), row(c[12], { udid: 'bad' })]), 'text/csv', '?results=problems');
    expect(res.body.totals).toMatchObject({ accepted: 1, rejected: 1 });
    expect(res.body.results).toHaveLength(1);
    expect(res.body.results[0].status).toBe('REJECTED');
  });

  it('rejects a row with more values than the header, and keeps the others', async () => {
    const res = await upload(t.url, token, csv([HEADER, [...row(c[13]), 'stray'], row(c[14])]), 'text/csv');
    expect(res.body.totals).toMatchObject({ accepted: 1, rejected: 1 });
    expect(res.body.results[0].errors[0].message).toMatch(/more values than the header/);
  });

  describe('malformed files get a clear 400 and store nothing', () => {
    const cases: [string, () => Promise<{ body: Buffer | string; type: string }>, RegExp][] = [
      ['a wrong header', async () => ({ body: csv([['udid', 'scheme', 'amount'], ['MH0000000000000000', 'x', '1']]), type: 'text/csv' }), /header row is wrong.*unknown columns "scheme", "amount".*missing columns schemeCode/],
      ['a repeated column', async () => ({ body: csv([[...HEADER, 'udid']]), type: 'text/csv' }), /repeated column udid/],
      ['an unsupported content type', async () => ({ body: '{"a":1}', type: 'application/json' }), /Unsupported Content-Type "application\/json"/],
      ['an XLSX sent as CSV', async () => ({ body: await xlsx([HEADER]), type: 'text/csv' }), /is a spreadsheet \(XLSX\), not CSV/],
      ['a CSV sent as XLSX', async () => ({ body: csv([HEADER]), type: XLSX }), /not an XLSX workbook/],
      ['a damaged XLSX', async () => ({ body: Buffer.concat([(await xlsx([HEADER])).subarray(0, 300)]), type: XLSX }), /XLSX workbook could not be read/],
      ['a file in Latin-1, not UTF-8', async () => ({ body: Buffer.concat([Buffer.from(csv([HEADER])), Buffer.from([0x53, 0xe9, 0x0a])]), type: 'text/csv' }), /not valid UTF-8/],
      ['an unclosed quote', async () => ({ body: csv([HEADER]) + `"${c[0].udid},IGNDPS\n`, type: 'text/csv' }), /quoted value is never closed/],
      ['an empty file', async () => ({ body: '', type: 'text/csv' }), /file is empty/],
      ['a header without rows', async () => ({ body: csv([HEADER]), type: 'text/csv' }), /no data rows/],
      ['a multipart form without a file', async () => ({ body: '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--xyz--\r\n', type: 'multipart/form-data; boundary=xyz' }), /holds no file/],
    ];
    it.each(cases)('%s', async (_name, make, message) => {
      const before = await count(t.ds, 'SELECT COUNT(*) FROM benefit_report');
      const { body, type } = await make();
      const res = await upload(t.url, token, body, type);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors[0].message).toMatch(message);
      expect(res.body.results).toBeUndefined();
      expect(await count(t.ds, 'SELECT COUNT(*) FROM benefit_report')).toBe(before);
    });

    it('a file declared larger than the limit is refused before it is read', async () => {
      const res = await new Promise<{ status: number; body: any }>((resolve, reject) => {
        const u = new URL(`${t.url}/benefit-reports/upload`);
        const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: {
          authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'content-length': String(100 * 1024 * 1024) } }, (r) => {
          let data = '';
          r.on('data', (d) => (data += d));
          r.on('end', () => resolve({ status: r.statusCode!, body: JSON.parse(data) }));
        });
        req.on('error', reject);
        req.write(csv([HEADER]));
      });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].message).toMatch(/larger than 64 MB/);
    });
  });

  it('a CSV that breaks mid-way keeps the chunks already stored and says so (never a silent partial import)', async () => {
    const good = Array.from({ length: 620 }, (_, i) => row(c[i % 200]));
    const refs = good.map((g) => g[6] as string);
    // 620 good rows, then a quote that is never closed.
    const res = await upload(t.url, token, csv([HEADER, ...good]) + `"${c[0].udid},IGNDPS\n`, 'text/csv');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/quoted value is never closed/);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', partial: true, storedThroughRow: 501 });
    expect(res.body.totals).toEqual({ rows: 500, accepted: 500, duplicates: 0, rejected: 0 });
    expect(res.body.results).toHaveLength(500);
    expect(await stored(refs)).toBe(500);
    // Fixed and uploaded again: the 500 come back as duplicates, the rest is stored.
    const fixed = await upload(t.url, token, csv([HEADER, ...good]), 'text/csv');
    expect(fixed.body.totals).toEqual({ rows: 620, accepted: 120, duplicates: 500, rejected: 0 });
  });

  it('a file whose bytes go wrong late is refused whole: the upload is checked before any row is stored', async () => {
    const good = Array.from({ length: 620 }, (_, i) => row(c[i % 200]));
    // Sent in two parts: the first rows have long arrived when the bad bytes come.
    const parts = [Buffer.from(csv([HEADER, ...good])), Buffer.from([0xff, 0xfe, 0x0a])];
    const res = await uploadInParts(t.url, token, parts, 'text/csv', () => new Promise((r) => setTimeout(r, 300)));
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/not valid UTF-8.*Nothing was stored/);
    expect(await stored(good.map((g) => g[6] as string))).toBe(0);
  });

  it('imports 5,000 rows in chunks of 500', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => row(c[i % 200]));
    const res = await upload(t.url, token, csv([HEADER, ...rows]), 'text/csv');
    expect(res.body.totals).toEqual({ rows: 5000, accepted: 5000, duplicates: 0, rejected: 0 });
    expect(await stored(rows.map((r) => r[6] as string))).toBe(5000);
  });

  it('the templates in schema/examples upload as they are (their UDIDs are the first of the synthetic seed)', async () => {
    const dir = resolve(__dirname, '../../schema/examples');
    const other = await createActivePartner(t.ds);
    const tok = await t.appToken(other);
    const fromCsv = await upload(t.url, tok, readFileSync(resolve(dir, 'benefit-report-template.csv')), 'text/csv');
    expect(fromCsv.body.totals).toEqual({ rows: 2, accepted: 2, duplicates: 0, rejected: 0 });
    const fromXlsx = await upload(t.url, tok, readFileSync(resolve(dir, 'benefit-report-template.xlsx')), XLSX);
    expect(fromXlsx.body.totals).toEqual({ rows: 2, accepted: 0, duplicates: 2, rejected: 0 });
  });

  it('needs a token with benefit:write', async () => {
    const body = csv([HEADER, row(c[0])]);
    const anon = await upload(t.url, null, body, 'text/csv');
    expect(anon.status).toBe(401);
    expect(anon.headers.get('www-authenticate')).toBe('Bearer');
    const readOnly = await upload(t.url, await t.appToken(p, Scope.BENEFIT_READ), body, 'text/csv');
    expect(readOnly.status).toBe(403);
    expect(readOnly.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredScope: 'benefit:write' });
  });

  it('stays open while sharing is suspended for reciprocity (and lifts it), not under a DEPwD suspension', async () => {
    const suspend = async (kind: string) => {
      await t.ds.query('UPDATE application SET sharing_suspended_at = ?, sharing_suspension_kind = ?, sharing_suspension_reason = ? WHERE id = ?',
        ['2026-01-01 00:00:00.000', kind, `suspended (${kind})`, p.applicationId]);
      t.server.services.gate.invalidateApplication(p.applicationId);
    };
    await suspend('MANUAL');
    const manual = await upload(t.url, token, csv([HEADER, row(c[20])]), 'text/csv');
    expect(manual.status).toBe(403);
    expect(manual.body.errors[0].extensions.code).toBe('SHARING_SUSPENDED');
    await suspend('RECIPROCITY');
    const res = await upload(t.url, token, csv([HEADER, row(c[20])]), 'text/csv');
    expect(res.status).toBe(200);
    expect(res.body.totals.accepted).toBe(1);
    expect(await count(t.ds, 'SELECT COUNT(*) FROM application WHERE id = ? AND sharing_suspended_at IS NULL', [p.applicationId])).toBe(1);
  });
});
