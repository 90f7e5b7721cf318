import { Readable, Transform } from 'node:stream';
import * as yauzl from 'yauzl';
import { badInput, DomainError } from '../errors/errors';

/** What a zip archive may ask of the process before any of it is inflated. */
export interface ZipLimits {
  /** Most entries in the central directory. */
  maxEntries: number;
  /** Largest uncompressed / compressed ratio accepted for an entry that unpacks to more than ratioFromBytes. */
  maxRatio: number;
  ratioFromBytes: number;
}

const MB = 1024 * 1024;
export const mb = (bytes: number) => `${Math.round((bytes / MB) * 10) / 10} MB`;

/**
 * A zip archive on disk, read through its central directory (yauzl: random access, never the
 * local headers' word): the declared size of an entry is checked before it is inflated, and the
 * bytes are counted again while inflating, since declared sizes can lie. `what` names the archive
 * in messages ("The XLSX workbook").
 */
export class BoundedZip {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, yauzl.Entry>,
    private readonly what: string,
    private readonly limits: ZipLimits,
  ) {}

  static async open(path: string, what: string, limits: ZipLimits): Promise<BoundedZip> {
    let zip: yauzl.ZipFile;
    try {
      zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
        yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (err, z) => (err ? reject(err) : resolve(z))));
    } catch {
      throw badInput(`${what} could not be read: it is damaged or not a zip archive. Nothing was stored.`);
    }
    try {
      if (zip.entryCount > limits.maxEntries) throw badInput(`${what} holds ${zip.entryCount} parts, more than the ${limits.maxEntries} accepted. Nothing was stored.`);
      const entries = new Map<string, yauzl.Entry>();
      await new Promise<void>((resolve, reject) => {
        zip.on('entry', (e: yauzl.Entry) => {
          // Part names are case-insensitive (OPC); the first of two equal names wins.
          const key = e.fileName.toLowerCase();
          if (!entries.has(key)) entries.set(key, e);
          zip.readEntry();
        });
        zip.on('end', () => resolve());
        zip.on('error', (err: Error) => reject(err instanceof DomainError ? err : badInput(`${what} could not be read: its zip directory is damaged. Nothing was stored.`)));
        zip.readEntry();
      });
      return new BoundedZip(zip, entries, what, limits);
    } catch (err) {
      zip.close();
      throw err;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /** The uncompressed size the central directory declares for a part (0 when absent); read() holds the part to it. */
  declaredSize(name: string): number {
    return this.entries.get(name.toLowerCase())?.uncompressedSize ?? 0;
  }

  /**
   * Refuses a part that declares more than `maxBytes`, or a ratio no real file has, before any of
   * it is inflated. Only the parts that are read are judged: a picture or a sheet never opened costs nothing.
   */
  checkDeclared(name: string, maxBytes: number, label: string): void {
    const e = this.entries.get(name.toLowerCase());
    if (!e) return;
    if (e.uncompressedSize > maxBytes) throw this.tooLarge(label, e.uncompressedSize, maxBytes);
    this.checkRatio(e, label);
  }

  /**
   * The inflated bytes of one part; the stream fails with a BAD_USER_INPUT DomainError as soon as
   * more than `maxBytes` come out (or more than the directory declared), whatever the header said.
   */
  async read(name: string, maxBytes: number, label: string): Promise<Readable> {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) throw badInput(`${this.what} has no ${label} (${name}); save it again from Excel as "Excel Workbook (.xlsx)". Nothing was stored.`);
    this.checkDeclared(name, maxBytes, label);
    if (entry.isEncrypted()) throw badInput(`${this.what} is encrypted; save it without a password. Nothing was stored.`);
    let raw: Readable;
    try {
      raw = await new Promise<Readable>((resolve, reject) => this.zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))));
    } catch {
      throw badInput(`${this.what} could not be read: its ${label} is damaged or compressed in a way Excel does not use. Nothing was stored.`);
    }
    let count = 0;
    const what = this.what;
    const tooLarge = () => this.tooLarge(label, count, maxBytes, true);
    const counter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        count += chunk.length;
        if (count > maxBytes) return cb(tooLarge());
        cb(null, chunk);
      },
    });
    raw.on('error', (err: Error) => {
      // yauzl's own count: more (or fewer) bytes than the central directory declared.
      const lied = /too many bytes|not enough bytes/.test(err.message);
      counter.destroy(lied
        ? badInput(`${what} is not what its zip directory declares: ${label} unpacks to more than the ${mb(entry.uncompressedSize)} declared (a decompression bomb or a damaged file). Nothing was stored.`)
        : badInput(`${what} could not be read: its ${label} is damaged. Nothing was stored.`));
    });
    counter.on('close', () => raw.destroy());
    return raw.pipe(counter);
  }

  close(): void {
    this.zip.close();
  }

  private checkRatio(e: yauzl.Entry, label: string): void {
    const { ratioFromBytes, maxRatio } = this.limits;
    if (e.uncompressedSize <= ratioFromBytes) return;
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (ratio > maxRatio) {
      throw badInput(`${this.what} is refused: its ${label} (${e.fileName.slice(0, 100)}) would unpack from ${mb(e.compressedSize)} to ${mb(e.uncompressedSize)} ` +
        `(${Math.round(ratio)} times; at most ${maxRatio} is accepted): a decompression bomb, or a file no real spreadsheet looks like. Nothing was stored.`);
    }
  }

  private tooLarge(label: string, bytes: number, maxBytes: number, counted = false): DomainError {
    return badInput(`${this.what} is too large once unpacked: its ${label} ${counted ? 'unpacks to more than' : 'declares'} ${mb(counted ? maxBytes : bytes)}` +
      `${counted ? '' : `, above the ${mb(maxBytes)} accepted`}; split the rows into smaller files. Nothing was stored.`);
  }
}
