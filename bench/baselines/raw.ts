/**
 * Baseline "raw": the floor the hardware sets — node:http + one mysql2 prepared statement (or a
 * better-sqlite3 prepared statement on SQLite) returning the same JSON as pwd(udid). No GraphQL at all.
 * Usage: ts-node --transpile-only bench/baselines/raw.ts [port]
 */
import http from 'node:http';
import mysql from 'mysql2/promise';
import Database from 'better-sqlite3';

const SQL = `SELECT p.udid, p.card_status, p.name, p.name_regional, p.guardian_name, p.gender, DATE_FORMAT(p.date_of_birth, '%Y-%m-%d') AS dob,
  p.disability_percentage, p.certificate_type, p.certificate_number, DATE_FORMAT(p.certificate_issued_on, '%Y-%m-%d') AS issued,
  DATE_FORMAT(p.valid_until, '%Y-%m-%d') AS valid_until, p.issuing_authority, GROUP_CONCAT(d.type ORDER BY d.id) AS types
  FROM pwd_record p LEFT JOIN pwd_disability d ON d.pwd_id = p.id WHERE p.udid = ? GROUP BY p.id`;

type Row = Record<string, any>;

async function main() {
  const port = Number(process.argv[2] ?? 0);
  let lookup: (udid: string) => Promise<Row | undefined>;
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    const pool = mysql.createPool({ host: url.hostname, port: Number(url.port || 3306), user: url.username || 'root', password: url.password, database: url.pathname.slice(1), connectionLimit: 10 });
    lookup = async (udid) => ((await pool.execute(SQL, [udid]))[0] as Row[])[0];
  } else {
    const db = new Database(process.env.SQLITE_PATH ?? 'data/udid.sqlite', { readonly: true });
    const stmt = db.prepare(SQL.replace(/DATE_FORMAT\(([\w.]+), '%Y-%m-%d'\)/g, '$1').replace(/GROUP_CONCAT\(d\.type ORDER BY d\.id\)/, 'GROUP_CONCAT(d.type)'));
    lookup = async (udid) => stmt.get(udid) as Row | undefined;
  }
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', async () => {
      try {
        const udid = JSON.parse(body).variables.udid;
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
