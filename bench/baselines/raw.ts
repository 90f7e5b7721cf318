/**
 * Baseline "raw": the floor the hardware sets — node:http + one mysql2 prepared statement (or a
 * better-sqlite3 prepared statement on SQLite) returning the same JSON as pwd(udid), or, for a body
 * whose variables carry no udid, as the page load's `pwds(first: 100)` (8 fields per record, cursors and
 * pageInfo; the records and their disability types in one statement). No GraphQL at all.
 * Usage: ts-node --transpile-only bench/baselines/raw.ts [port]
 */
import http from 'node:http';
import mysql from 'mysql2/promise';
import Database from 'better-sqlite3';

const SQL = `SELECT p.udid, p.card_status, p.name, p.name_regional, p.guardian_name, p.gender, DATE_FORMAT(p.date_of_birth, '%Y-%m-%d') AS dob,
  p.disability_percentage, p.certificate_type, p.certificate_number, DATE_FORMAT(p.certificate_issued_on, '%Y-%m-%d') AS issued,
  DATE_FORMAT(p.valid_until, '%Y-%m-%d') AS valid_until, p.issuing_authority, GROUP_CONCAT(d.type ORDER BY d.id) AS types
  FROM pwd_record p LEFT JOIN pwd_disability d ON d.pwd_id = p.id WHERE p.udid = ? GROUP BY p.id`;

/** The page: 101 records after the cursor (the 101st tells hasNextPage), with their disability types. */
const PAGE_SQL = `SELECT p.id, p.udid, p.card_status, p.name, p.gender, DATE_FORMAT(p.date_of_birth, '%Y-%m-%d') AS dob, p.disability_percentage,
  DATE_FORMAT(p.valid_until, '%Y-%m-%d') AS valid_until, GROUP_CONCAT(d.type ORDER BY d.id) AS types
  FROM (SELECT * FROM pwd_record WHERE id > ? ORDER BY id LIMIT 101) p LEFT JOIN pwd_disability d ON d.pwd_id = p.id GROUP BY p.id ORDER BY p.id`;

type Row = Record<string, any>;

const cursorOf = (id: number) => Buffer.from(`pwd:${id}`).toString('base64url');
function pageJson(rows: Row[]): string {
  const page = rows.slice(0, 100);
  const edges = page.map((r) => ({
    cursor: cursorOf(r.id),
    node: { udid: r.udid, cardStatus: r.card_status, name: r.name, gender: r.gender, dateOfBirth: r.dob, disabilities: r.types ? String(r.types).split(',') : [], disabilityPercentage: r.disability_percentage, validUntil: r.valid_until },
  }));
  return JSON.stringify({ data: { pwds: { edges, pageInfo: { hasNextPage: rows.length > 100, endCursor: page.length ? cursorOf(page[page.length - 1].id) : null } } } });
}

async function main() {
  const port = Number(process.argv[2] ?? 0);
  let lookup: (udid: string) => Promise<Row | undefined>;
  let page: (afterId: number) => Promise<Row[]>;
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    const pool = mysql.createPool({ host: url.hostname, port: Number(url.port || 3306), user: url.username || 'root', password: url.password, database: url.pathname.slice(1), connectionLimit: 10 });
    lookup = async (udid) => ((await pool.execute(SQL, [udid]))[0] as Row[])[0];
    page = async (afterId) => (await pool.execute(PAGE_SQL, [afterId]))[0] as Row[];
  } else {
    const db = new Database(process.env.SQLITE_PATH ?? 'data/udid.sqlite', { readonly: true });
    const sqlite = (sql: string) => sql.replace(/DATE_FORMAT\(([\w.]+), '%Y-%m-%d'\)/g, '$1').replace(/GROUP_CONCAT\(d\.type ORDER BY d\.id\)/, 'GROUP_CONCAT(d.type)');
    const stmt = db.prepare(sqlite(SQL));
    const pageStmt = db.prepare(sqlite(PAGE_SQL));
    lookup = async (udid) => stmt.get(udid) as Row | undefined;
    page = async (afterId) => pageStmt.all(afterId) as Row[];
  }
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', async () => {
      try {
        const variables = JSON.parse(body).variables ?? {};
        if (variables.udid === undefined) {
          const after = variables.after ? Number(/^pwd:(\d+)$/.exec(Buffer.from(String(variables.after), 'base64url').toString())?.[1] ?? NaN) : 0;
          if (!Number.isInteger(after)) throw new Error('bad cursor');
          const json = pageJson(await page(after));
          res.writeHead(200, { 'content-type': 'application/json' });
          return res.end(json);
        }
        const udid = variables.udid;
        const r = await lookup(udid);
        const pwd = r && {
          udid: r.udid, cardStatus: r.card_status, name: r.name, nameRegional: r.name_regional, guardianName: r.guardian_name, gender: r.gender,
          dateOfBirth: r.dob, disabilities: r.types ? String(r.types).split(',') : [], disabilityPercentage: r.disability_percentage,
          certificateType: r.certificate_type, certificateNumber: r.certificate_number, certificateIssuedOn: r.issued, validUntil: r.valid_until,
          issuingAuthority: r.issuing_authority,
        };
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data: { pwd: pwd ?? null } }));
      } catch (e) {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: String(e) }] }));
      }
    });
  });
  server.keepAliveTimeout = 65_000;
  // Port 0 (the default): the system picks a free one, printed for the harness.
  server.listen(port, '127.0.0.1', () => process.stdout.write(`raw listening on ${(server.address() as import('node:net').AddressInfo).port}\n`));
}
main().catch((e) => { console.error(e); process.exit(1); });
