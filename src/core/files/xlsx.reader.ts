import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import { badInput } from '../errors/errors';
import { BoundedZip, ZipLimits } from './zip.reader';
import { parseXml, streamXml, XmlHandlers } from './xml.stream';

/**
 * How much of the process one workbook may use. A 200,000-row report of eight columns, as Excel
 * or exceljs write it, is a sheet part of about 66 MB and a shared-strings part of 18 MB (more with
 * long remarks); real workbooks compress 5–30 times, a decompression bomb a thousand.
 */
export interface XlsxLimits extends ZipLimits {
  /** The worksheet part, uncompressed: streamed, never held, but every byte costs parsing time (about 6 MB/s on one core). */
  maxSheetBytes: number;
  /** The shared strings, uncompressed: held for the whole read (compactly, as UTF-8). */
  maxSharedStringsBytes: number;
  /** workbook.xml, the relationships, styles.xml: read whole. */
  maxSmallPartBytes: number;
  /** Longest text of one cell (Excel's own limit is 32,767 characters). */
  maxCellChars: number;
  /** Cells read per row; anything further right is kept as one stray value (the row is then rejected, not the file). */
  maxColumns: number;
}

const MB = 1024 * 1024;
export const XLSX_LIMITS: XlsxLimits = {
  maxEntries: 2000, maxRatio: 100, ratioFromBytes: 1 * MB,
  maxSheetBytes: 160 * MB, maxSharedStringsBytes: 64 * MB, maxSmallPartBytes: 8 * MB,
  maxCellChars: 32_767, maxColumns: 1024,
};

/** One row of the first worksheet: `row` is its spreadsheet number; cells are text (trimmed), numbers, booleans, or dates as YYYY-MM-DD. */
export interface XlsxRow { row: number; cells: (string | number | boolean)[] }

const WHAT = 'The XLSX workbook';
const TOKEN_CHARS = 1024 * 1024;

/**
 * Rows of the first worksheet of an XLSX file on disk, streamed. Everything that can be refused is
 * refused before the first row comes out: the declared sizes and ratios (central directory), the
 * workbook's structure, the shared strings (read first, whatever their place in the archive) and
 * the worksheet's real unpacked size (inflated once and counted, since declared sizes can lie).
 * Memory stays bounded by the limits whatever the file holds.
 */
export async function* readXlsxRows(path: string, limits: XlsxLimits = XLSX_LIMITS): AsyncGenerator<XlsxRow> {
  const zip = await BoundedZip.open(path, WHAT, limits);
  try {
    const book = await workbookParts(zip, limits);
    zip.checkDeclared(book.sheet, limits.maxSheetBytes, `first worksheet (${book.sheet})`);
    if (book.sharedStrings) zip.checkDeclared(book.sharedStrings, limits.maxSharedStringsBytes, `shared strings (${book.sharedStrings})`);
    const dateStyles = book.styles ? await readDateStyles(await zip.read(book.styles, limits.maxSmallPartBytes, 'styles')) : new Set<number>();
    const shared = book.sharedStrings
      ? await readSharedStrings(await zip.read(book.sharedStrings, limits.maxSharedStringsBytes, 'shared strings'), zip.declaredSize(book.sharedStrings), limits)
      : new SharedStrings(0);
    // The worksheet's true size, before any row is handed out (and so before any is stored).
    for await (const _ of await zip.read(book.sheet, limits.maxSheetBytes, 'first worksheet')) { /* counted by the reader */ }
    yield* sheetRows(await zip.read(book.sheet, limits.maxSheetBytes, 'first worksheet'), { shared, dateStyles, date1904: book.date1904 }, limits);
  } finally {
    zip.close();
  }
}

interface WorkbookParts { sheet: string; sharedStrings: string | null; styles: string | null; date1904: boolean }

/** The first sheet, shared strings and styles, found as Excel does: through the relationships. */
async function workbookParts(zip: BoundedZip, limits: XlsxLimits): Promise<WorkbookParts> {
  const notExcel = () => badInput(`${WHAT} could not be read: it is damaged or not an Excel workbook. Nothing was stored.`);
  const rootRels = zip.has('_rels/.rels') ? await readRels(zip, '_rels/.rels', '', limits) : [];
  const bookPath = rootRels.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  if (!zip.has(bookPath)) throw notExcel();
  let firstSheetRel: string | null = null;
  let date1904 = false;
  await parseXml(await zip.read(bookPath, limits.maxSmallPartBytes, 'workbook part'), {
    open(name, a) {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name === 'sheet' && firstSheetRel === null) firstSheetRel = Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1] ?? '';
    },
    close() {}, text() {},
  }, `${WHAT}'s workbook part`, TOKEN_CHARS);
  if (firstSheetRel === null) throw badInput(`${WHAT} has no worksheet. Nothing was stored.`);
  const dir = posix.dirname(bookPath);
  const relsPath = posix.join(dir, '_rels', `${posix.basename(bookPath)}.rels`);
  const rels = zip.has(relsPath) ? await readRels(zip, relsPath, dir, limits) : [];
  const sheet = rels.find((r) => r.id === firstSheetRel)?.target ?? posix.join(dir, 'worksheets/sheet1.xml');
  if (!zip.has(sheet)) throw notExcel();
  const byType = (t: string, fallback: string) => rels.find((r) => r.type.endsWith(t))?.target ?? (zip.has(fallback) ? fallback : null);
  const present = (p: string | null) => (p && zip.has(p) ? p : null);
  return {
    sheet,
    sharedStrings: present(byType('/sharedStrings', posix.join(dir, 'sharedStrings.xml'))),
    styles: present(byType('/styles', posix.join(dir, 'styles.xml'))),
    date1904,
  };
}

interface Rel { id: string; type: string; target: string }

async function readRels(zip: BoundedZip, path: string, baseDir: string, limits: XlsxLimits): Promise<Rel[]> {
  const rels: Rel[] = [];
  await parseXml(await zip.read(path, limits.maxSmallPartBytes, 'relationships'), {
    open(name, a) {
      if (name !== 'Relationship' || a.TargetMode === 'External' || !a.Target) return;
      const target = a.Target.startsWith('/') ? a.Target.slice(1) : posix.normalize(posix.join(baseDir, a.Target));
      rels.push({ id: a.Id ?? '', type: a.Type ?? '', target });
    },
    close() {}, text() {},
  }, `${WHAT}'s relationships`, TOKEN_CHARS);
  return rels;
}

/** The shared strings, kept as one UTF-8 buffer and an offset table: about their XML size, however many. */
export class SharedStrings {
  private ends = new Uint32Array(1024);
  private used = 0;
  length = 0;

  constructor(capacityBytes: number) {
    this.buf = Buffer.allocUnsafe(Math.max(4096, capacityBytes));
  }

  private buf: Buffer;

  add(s: string): void {
    const need = Buffer.byteLength(s);
    if (this.used + need > this.buf.length) {
      const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.used + need));
      this.buf.copy(next, 0, 0, this.used);
      this.buf = next;
    }
    this.used += this.buf.write(s, this.used);
    if (this.length === this.ends.length) {
      const next = new Uint32Array(this.ends.length * 2);
      next.set(this.ends);
      this.ends = next;
    }
    this.ends[this.length++] = this.used;
  }

  get(i: number): string | undefined {
    if (!(i >= 0 && i < this.length)) return undefined;
    return this.buf.toString('utf8', i === 0 ? 0 : this.ends[i - 1], this.ends[i]);
  }
}

/** Text of rich-text runs, without the phonetic guides (`rPh`) that Excel keeps beside East Asian text. */
function textCollector(limits: XlsxLimits, where: () => string, suffix = '') {
  let inT = false;
  let inRph = false;
  let text = '';
  return {
    get text() { return text; },
    reset() { text = ''; inT = false; inRph = false; },
    open(name: string) { if (name === 't' && !inRph) inT = true; else if (name === 'rPh') inRph = true; },
    close(name: string) { if (name === 't') inT = false; else if (name === 'rPh') inRph = false; },
    add(t: string, force = false) {
      if (!inT && !force) return;
      text += t;
      if (text.length > limits.maxCellChars) throw badInput(`${WHAT} has a text longer than ${limits.maxCellChars} characters (Excel's own limit) in ${where()}; it is damaged.${suffix}`);
    },
  };
}

async function readSharedStrings(source: Readable, declaredBytes: number, limits: XlsxLimits): Promise<SharedStrings> {
  // The text is never longer than its XML: sized once from the declared (and checked) size, no doubling.
  const store = new SharedStrings(declaredBytes);
  const t = textCollector(limits, () => `shared string ${store.length + 1}`, ' Nothing was stored.');
  let inSi = false;
  await parseXml(source, {
    open(name) { if (name === 'si') { inSi = true; t.reset(); } else if (inSi) t.open(name); },
    close(name) { if (name === 'si') { inSi = false; store.add(t.text); } else if (inSi) t.close(name); },
    text(s) { if (inSi) t.add(s); },
  }, `${WHAT}'s shared strings`, TOKEN_CHARS);
  return store;
}

/** Built-in number formats that show a date (ECMA-376 §18.8.30) and custom ones whose code has d, m or y outside quotes and brackets. */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
const isDateCode = (code: string) => /[dmy]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));

/** Indexes of the cell formats (cellXfs) that display dates: such number cells are read as dates, as Excel shows them. */
async function readDateStyles(source: Readable): Promise<Set<number>> {
  const custom = new Map<number, boolean>();
  const dates = new Set<number>();
  let inCellXfs = false;
  let xf = 0;
  await parseXml(source, {
    open(name, a) {
      if (name === 'numFmt') custom.set(Number(a.numFmtId), isDateCode(a.formatCode ?? ''));
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        if (custom.get(id) ?? DATE_FORMAT_IDS.has(id)) dates.add(xf);
        xf++;
      }
    },
    close(name) { if (name === 'cellXfs') inCellXfs = false; },
    text() {},
  }, `${WHAT}'s styles`, TOKEN_CHARS);
  return dates;
}

/** Excel's day number as YYYY-MM-DD (1900 system from 1900-03-01, or the 1904 system); null when out of range. */
function serialDate(n: number, date1904: boolean): string | null {
  if (!(n >= 0 && n < 2_958_466)) return null;
  const days = Math.floor(n + 1e-9) + (date1904 ? 1462 : 0);
  return new Date(Date.UTC(1899, 11, 30) + days * 86_400_000).toISOString().slice(0, 10);
}

/** "AB12" → 27 (0-based column); -1 when the reference has no column letters. */
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i) & ~0x20; // upper-case
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return i === 0 ? -1 : col - 1;
}

interface SheetContext { shared: SharedStrings; dateStyles: Set<number>; date1904: boolean }

function sheetRows(source: Readable, sc: SheetContext, limits: XlsxLimits): AsyncGenerator<XlsxRow> {
  const ready: XlsxRow[] = [];
  let rowNum = 0;
  let cells: (string | number | boolean)[] = [];
  let col = -1;
  let type = 'n';
  let style = 0;
  let inC = false;
  let inV = false;
  const t = textCollector(limits, () => `row ${rowNum}`);
  const value = (): string | number | boolean => {
    const v = t.text.trim();
    switch (type) {
      case 's': {
        const s = sc.shared.get(Number(v));
        if (s === undefined) throw badInput(`${WHAT} is damaged: a cell of row ${rowNum} refers to shared string ${v.slice(0, 20)}, which does not exist.`);
        return s.trim();
      }
      case 'inlineStr': case 'str': case 'e': return v;
      case 'b': return v === '1' ? true : v === '0' ? false : v;
      case 'd': return /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : v;
      default: {
        if (v === '') return '';
        const n = Number(v);
        if (Number.isNaN(n)) return v;
        return sc.dateStyles.has(style) ? serialDate(n, sc.date1904) ?? n : n;
      }
    }
  };
  const handlers: XmlHandlers = {
    open(name, a) {
      if (name === 'row') {
        const r = Number(a.r);
        rowNum = Number.isInteger(r) && r > rowNum ? r : rowNum + 1;
        cells = [];
        col = -1;
      } else if (name === 'c') {
        const c = a.r ? columnOf(a.r) : -1;
        col = c >= 0 ? c : col + 1;
        type = a.t ?? 'n';
        style = Number(a.s ?? 0);
        inC = true;
        t.reset();
      } else if (inC) {
        if (name === 'v') inV = true;
        else t.open(name);
      }
    },
    close(name) {
      if (name === 'c') {
        inC = false;
        const v = value();
        // Far-right values are kept as one stray value: the row is rejected for it, the file is not.
        if (v !== '') cells[Math.min(col, limits.maxColumns)] = v;
      } else if (name === 'row') {
        if (cells.length) ready.push({ row: rowNum, cells: Array.from(cells, (c) => c ?? '') });
      } else if (inC) {
        if (name === 'v') inV = false;
        else t.close(name);
      }
    },
    text(s) { if (inC) t.add(s, inV); },
  };
  return streamXml(source, handlers, ready, `${WHAT}'s first worksheet`, TOKEN_CHARS);
}
