/**
 * Peer "Fastify + Mercurius (graphql-jit)": a compiled GraphQL engine over the same tables, with none of
 * this API's security (no token, gate, shield, cost, budget or access log): what another well-known Node
 * stack serves `pwd(udid)` and `pwds(first: 100)` at. One prepared statement per lookup and per page
 * (mysql2, or better-sqlite3 on SQLite), disability types in the same statement.
 * Usage: node dist/bench/baselines/peer.js [port]   (DATABASE_URL or SQLITE_PATH as for the app)
 */
import Fastify from 'fastify';
import mercurius from 'mercurius';
import mysql from 'mysql2/promise';
import Database from 'better-sqlite3';

const SCHEMA = `
type PwdRecord { udid: String! cardStatus: String! name: String! nameRegional: String guardianName: String! gender: String!
  dateOfBirth: String! disabilities: [String!]! disabilityPercentage: Int! certificateType: String! certificateNumber: String!
  certificateIssuedOn: String! validUntil: String issuingAuthority: String! }
type PwdEdge { cursor: String! node: PwdRecord }
type PageInfo { hasNextPage: Boolean! endCursor: String }
type PwdConnection { edges: [PwdEdge!]! pageInfo: PageInfo! }
input PwdFilter { state: String }
type Query { pwd(udid: String!): PwdRecord pwds(filter: PwdFilter!, first: Int = 20, after: String): PwdConnection! }`;

const COLUMNS = `p.id, p.udid, p.card_status, p.name, p.name_regional, p.guardian_name, p.gender, DATE_FORMAT(p.date_of_birth, '%Y-%m-%d') AS dob,
  p.disability_percentage, p.certificate_type, p.certificate_number, DATE_FORMAT(p.certificate_issued_on, '%Y-%m-%d') AS issued,
  DATE_FORMAT(p.valid_until, '%Y-%m-%d') AS valid_until, p.issuing_authority, GROUP_CONCAT(d.type ORDER BY d.id) AS types`;
const LOOKUP = `SELECT ${COLUMNS} FROM pwd_record p LEFT JOIN pwd_disability d ON d.pwd_id = p.id WHERE p.udid = ? GROUP BY p.id`;
const PAGE = `SELECT ${COLUMNS} FROM (SELECT * FROM pwd_record WHERE id > ? ORDER BY id LIMIT ?) p
  LEFT JOIN pwd_disability d ON d.pwd_id = p.id GROUP BY p.id ORDER BY p.id`;

type Row = Record<string, any>;

const record = (r: Row) => ({
  udid: r.udid, cardStatus: r.card_status, name: r.name, nameRegional: r.name_regional, guardianName: r.guardian_name, gender: r.gender,
  dateOfBirth: r.dob, disabilities: r.types ? String(r.types).split(',') : [], disabilityPercentage: r.disability_percentage,
  certificateType: r.certificate_type, certificateNumber: r.certificate_number, certificateIssuedOn: r.issued, validUntil: r.valid_until,
  issuingAuthority: r.issuing_authority,
});

async function main() {
  const port = Number(process.argv[2] ?? 0);
  let all: (sql: string, params: (string | number)[]) => Promise<Row[]>;
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    const pool = mysql.createPool({ host: url.hostname, port: Number(url.port || 3306), user: url.username || 'root', password: url.password, database: url.pathname.slice(1), connectionLimit: 10 });
    all = async (sql, params) => (await pool.execute(sql, params))[0] as Row[];
  } else {
    const db = new Database(process.env.SQLITE_PATH ?? 'data/udid.sqlite', { readonly: true });
    const sqlite = (sql: string) => sql.replace(/DATE_FORMAT\(([\w.]+), '%Y-%m-%d'\)/g, '$1').replace(/GROUP_CONCAT\(d\.type ORDER BY d\.id\)/, 'GROUP_CONCAT(d.type)');
    const statements = new Map([LOOKUP, PAGE].map((sql) => [sql, db.prepare(sqlite(sql))]));
    all = async (sql, params) => statements.get(sql)!.all(...params) as Row[];
  }
  const resolvers = {
    Query: {
      pwd: async (_: unknown, { udid }: { udid: string }) => { const [r] = await all(LOOKUP, [udid]); return r ? record(r) : null; },
      pwds: async (_: unknown, { first, after }: { first: number; after: string | null }) => {
        const from = after ? Number(Buffer.from(after, 'base64url').toString()) : 0;
        const rows = await all(PAGE, [from, String(Math.min(first, 100) + 1)]);
        const page = rows.slice(0, Math.min(first, 100));
        const cursor = (r: Row) => Buffer.from(String(r.id)).toString('base64url');
        return {
          edges: page.map((r) => ({ cursor: cursor(r), node: record(r) })),
          pageInfo: { hasNextPage: rows.length > page.length, endCursor: page.length ? cursor(page[page.length - 1]) : null },
        };
      },
    },
  };
  const app = Fastify({ keepAliveTimeout: 65_000 });
  // jit: 1 — compiled with graphql-jit from a document's second request on (Mercurius' own setting).
  await app.register(mercurius, { schema: SCHEMA, resolvers, jit: 1 });
  const address = await app.listen({ port, host: '127.0.0.1' });
  // Port 0 (the default): the system picks a free one, printed for the harness.
  process.stdout.write(`peer listening on ${new URL(address).port}\n`);
}
main().catch((e) => { console.error(e); process.exit(1); });
