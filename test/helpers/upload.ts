import ExcelJS from 'exceljs';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const HEADER = ['udid', 'schemeCode', 'schemeName', 'benefitType', 'amountPaise', 'benefitDate', 'clientReference', 'remarks'];

/** CSV text from rows of cells (quoted where needed). */
export function csv(rows: unknown[][]): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

/** An XLSX workbook (first sheet = the rows) as bytes. */
export async function xlsx(rows: unknown[][], extraSheet = false): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Benefits');
  for (const r of rows) ws.addRow(r);
  if (extraSheet) wb.addWorksheet('Notes').addRow(['notes', 'are', 'ignored']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** POST /benefit-reports/upload with a raw body. */
export async function upload(url: string, token: string | null, body: Buffer | string, contentType: string, query = '') {
  const res = await fetch(`${url}/benefit-reports/upload${query}`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  return { status: res.status, body: (await res.json()) as any, headers: res.headers };
}

/** POST /benefit-reports/upload as multipart/form-data with the file in field "file". */
export async function uploadForm(url: string, token: string, body: Buffer | string, filename: string, type: string) {
  const form = new FormData();
  form.append('file', new Blob([body], { type }), filename);
  const res = await fetch(`${url}/benefit-reports/upload`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: res.status, body: (await res.json()) as any };
}

/** Sends the body in parts over one request, awaiting `between(i)` after part i (to break a file mid-way). */
export function uploadInParts(url: string, token: string, parts: Buffer[], contentType: string, between: (i: number) => Promise<void>) {
  const http = require('node:http') as typeof import('node:http');
  return new Promise<{ status: number; body: any }>((resolve, reject) => {
    const u = new URL(`${url}/benefit-reports/upload`);
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType } }, (res) => {
      let data = '';
      res.on('data', (d) => (data += d));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(data) }));
    });
    req.on('error', reject);
    (async () => {
      for (let i = 0; i < parts.length; i++) {
        req.write(parts[i]);
        if (i < parts.length - 1) await between(i);
      }
      req.end();
    })().catch(reject);
  });
}
