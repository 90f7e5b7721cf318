import { once } from 'node:events';
import zlib from 'node:zlib';

/**
 * Hand-made zip archives and XLSX workbooks for the upload tests: entries stored or deflated, in any
 * order, with sizes that may lie, and bombs (megabytes of repeated XML deflated as they are made,
 * so the test process never holds them).
 */
export interface ZipPart {
  name: string;
  /** Bytes of the entry: a buffer, or `times` repetitions of `unit` between `head` and `tail`. */
  data: Buffer | { head?: string; unit: string | (() => string); times: number; tail?: string };
  method?: 'store' | 'deflate';
  /** The uncompressed size written in the headers, if it is to lie. */
  declaredSize?: number;
}

interface Packed { name: Buffer; method: number; crc: number; body: Buffer; size: number; declared: number }

async function pack(part: ZipPart): Promise<Packed> {
  const method = part.method === 'store' ? 0 : 8;
  const pieces: Buffer[] = [];
  if (Buffer.isBuffer(part.data)) pieces.push(part.data);
  let crc = 0;
  let size = 0;
  const out: Buffer[] = [];
  const deflate = method === 8 ? zlib.createDeflateRaw({ level: 1 }) : null;
  deflate?.on('data', (c: Buffer) => out.push(c));
  const ended = deflate ? once(deflate, 'end') : null;
  const write = async (b: Buffer) => {
    crc = zlib.crc32(b, crc);
    size += b.length;
    if (!deflate) out.push(b);
    else if (!deflate.write(b)) await once(deflate, 'drain');
  };
  if (Buffer.isBuffer(part.data)) await write(part.data);
  else {
    const d = part.data;
    if (d.head) await write(Buffer.from(d.head));
    if (typeof d.unit === 'function') {
      for (let i = 0; i < d.times; i++) await write(Buffer.from(d.unit()));
    } else {
      // Big blocks of the unit: fewer writes, same bytes.
      const per = Math.max(1, Math.floor((1 << 20) / d.unit.length));
      const block = Buffer.from(d.unit.repeat(per));
      let left = d.times;
      for (; left >= per; left -= per) await write(block);
      if (left) await write(Buffer.from(d.unit.repeat(left)));
    }
    if (d.tail) await write(Buffer.from(d.tail));
  }
  if (deflate) { deflate.end(); await ended; }
  return { name: Buffer.from(part.name), method, crc: crc >>> 0, body: Buffer.concat(out), size, declared: part.declaredSize ?? size };
}

/** A zip archive of the parts, in the order given. */
export async function zip(parts: ZipPart[]): Promise<Buffer> {
  const packed = [];
  for (const p of parts) packed.push(await pack(p));
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of packed) {
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0); lh.writeUInt16LE(20, 4); lh.writeUInt16LE(0x0800, 6); lh.writeUInt16LE(p.method, 8);
    lh.writeUInt16LE(0, 10); lh.writeUInt16LE(0x21, 12); lh.writeUInt32LE(p.crc, 14);
    lh.writeUInt32LE(p.body.length, 18); lh.writeUInt32LE(p.declared, 22);
    lh.writeUInt16LE(p.name.length, 26); lh.writeUInt16LE(0, 28);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0); ch.writeUInt16LE(20, 4); ch.writeUInt16LE(20, 6); ch.writeUInt16LE(0x0800, 8);
    ch.writeUInt16LE(p.method, 10); ch.writeUInt16LE(0, 12); ch.writeUInt16LE(0x21, 14); ch.writeUInt32LE(p.crc, 16);
    ch.writeUInt32LE(p.body.length, 20); ch.writeUInt32LE(p.declared, 24);
    ch.writeUInt16LE(p.name.length, 28); ch.writeUInt32LE(offset, 42);
    locals.push(lh, p.name, p.body);
    central.push(ch, p.name);
    offset += 30 + p.name.length + p.body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(packed.length, 8); end.writeUInt16LE(packed.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const colName = (i: number): string => (i >= 26 ? colName(Math.floor(i / 26) - 1) : '') + String.fromCharCode(65 + (i % 26));

export const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
export const SHEET_TAIL = '</sheetData></worksheet>';
export const SST_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

/** Sheet XML and shared strings for rows of cells: text through the shared strings, numbers as numbers. */
export function sheetParts(rows: unknown[][]): { sheet: string; sharedStrings: string } {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const xmlRows = rows.map((cells, r) => `<row r="${r + 1}">${cells.map((v, c) => {
    const ref = `${colName(c)}${r + 1}`;
    if (v === null || v === undefined || v === '') return '';
    if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
    const s = String(v);
    if (!index.has(s)) { index.set(s, strings.length); strings.push(s); }
    return `<c r="${ref}" t="s"><v>${index.get(s)}</v></c>`;
  }).join('')}</row>`);
  return {
    sheet: SHEET_HEAD + xmlRows.join('') + SHEET_TAIL,
    sharedStrings: `${SST_HEAD.replace('<sst ', `<sst count="${strings.length}" uniqueCount="${strings.length}" `)}${strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`,
  };
}

/** The parts every workbook needs besides its sheet and shared strings. */
export function workbookFrame(method: 'store' | 'deflate' = 'deflate'): ZipPart[] {
  const part = (name: string, xml: string): ZipPart => ({ name, data: Buffer.from(xml), method });
  return [
    part('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'),
    part('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    part('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Benefits" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    part('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'),
  ];
}

/** A workbook whose sheet and shared strings parts are the ones given (in that order), after the frame. */
export function workbook(sheet: ZipPart['data'], sharedStrings: ZipPart['data'], opts: { method?: 'store' | 'deflate'; sheetSize?: number; sharedSize?: number } = {}): Promise<Buffer> {
  return zip([
    ...workbookFrame(opts.method),
    { name: 'xl/worksheets/sheet1.xml', data: sheet, method: opts.method, declaredSize: opts.sheetSize },
    { name: 'xl/sharedStrings.xml', data: sharedStrings, method: opts.method, declaredSize: opts.sharedSize },
  ]);
}
