import {
  GraphQLSchema, GraphQLObjectType, GraphQLField, GraphQLInputType, GraphQLNamedType, getNamedType, isEnumType,
  isInputObjectType, isListType, isNonNullType, isObjectType, isScalarType, isInterfaceType, isUnionType,
} from 'graphql';

/** Small seeded PRNG (mulberry32): the same seed gives the same 10,000 documents on every run. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof prng>;

const INJECTIONS = [
  "' OR '1'='1", '"; DROP TABLE pwd_record; --', '\\u0000', '../../etc/passwd', '<script>alert(1)</script>', '${jndi:ldap://x}',
  '%00', '\u202e', '𝕏'.repeat(50), 'A'.repeat(5000), '1e309', '-0', 'NaN', '{{7*7}}', 'SLEEP(5)', '\n\r\t',
];
const HUGE_NUMBERS = ['9007199254740993', '1e308', '-2147483649', '2147483648', '99999999999999999999999', '0.0000001', '-1'];

function scalarLiteral(r: Rng, name: string, valid: boolean): string {
  if (!valid && r.chance(0.6)) {
    const bad = r.pick([...INJECTIONS.map((s) => JSON.stringify(s)), ...HUGE_NUMBERS, 'true', 'null', '[]', '{}', '"2026-02-30"']);
    return bad;
  }
  switch (name) {
    case 'Int': return String(r.pick([0, 1, 5, 20, 99, 100, 101, -1]));
    case 'Float': return String(r.pick([0, 1.5, 100, -3]));
    case 'Boolean': return r.pick(['true', 'false']);
    case 'UDID': return JSON.stringify(r.pick(['MH0110520010000012', 'ZZ0000000000000000', 'KA0210119850000031', 'mh0110520010000012']));
    case 'Date': return JSON.stringify(r.pick(['1990-04-17', '2026-01-01', '2099-12-31', '2000-02-29']));
    case 'DateTime': return JSON.stringify(r.pick(['2026-01-01T00:00:00Z', '1970-01-01T00:00:00.000Z']));
    default: return JSON.stringify(r.pick(['MH', 'Pune', 'abc', '', 'x'.repeat(r.int(1, 300))]));
  }
}

function inputLiteral(r: Rng, type: GraphQLInputType, valid: boolean, depth = 0): string {
  if (isNonNullType(type)) return inputLiteral(r, type.ofType, valid, depth);
  if (isListType(type)) return `[${Array.from({ length: r.int(0, 3) }, () => inputLiteral(r, type.ofType, valid, depth + 1)).join(', ')}]`;
  if (isEnumType(type)) return !valid && r.chance(0.3) ? 'NOT_A_VALUE' : r.pick(type.getValues()).name;
  if (isInputObjectType(type)) {
    if (depth > 3) return '{}';
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) || r.chance(0.5));
    return `{ ${fields.map((f) => `${f.name}: ${inputLiteral(r, f.type, valid, depth + 1)}`).join(', ')} }`;
  }
  if (isScalarType(type)) return scalarLiteral(r, type.name, valid);
  return 'null';
}

function selection(r: Rng, type: GraphQLNamedType, depth: number): string {
  if (!(isObjectType(type) || isInterfaceType(type))) return '';
  if (depth > 4) return '{ __typename }';
  const fields = Object.values((type as GraphQLObjectType).getFields());
  const chosen = fields.filter(() => r.chance(0.6)).slice(0, 12);
  if (!chosen.length) chosen.push(fields[0]);
  return `{ ${chosen.map((f) => fieldText(r, f, depth + 1, true)).join(' ')} }`;
}

function fieldText(r: Rng, f: GraphQLField<unknown, unknown>, depth: number, valid: boolean): string {
  const args = f.args.filter((a) => isNonNullType(a.type) || r.chance(0.5)).map((a) => `${a.name}: ${inputLiteral(r, a.type, valid)}`);
  const named = getNamedType(f.type);
  const sub = isObjectType(named) || isInterfaceType(named) || isUnionType(named) ? selection(r, named, depth) || '{ __typename }' : '';
  return `${f.name}${args.length ? `(${args.join(', ')})` : ''} ${sub}`;
}

/** One body to POST: usually JSON text, sometimes deliberately broken bytes. */
export interface FuzzCase { kind: string; body: string | Buffer; contentType?: string }

export function* fuzzCases(schema: GraphQLSchema, seed: number, count: number): Generator<FuzzCase> {
  const r = prng(seed);
  const roots = [schema.getQueryType(), schema.getMutationType()].filter(Boolean) as GraphQLObjectType[];
  for (let i = 0; i < count; i++) {
    const kind = r.pick(['valid', 'valid', 'mutated', 'mutated', 'oversized', 'deep', 'aliases', 'fragments', 'directives', 'variables', 'utf8', 'truncated', 'garbage', 'introspection', 'fanout', 'subscription', 'nullvar', 'repeated']);
    const root = r.pick(roots);
    const op = root === schema.getMutationType() ? 'mutation' : 'query';
    const field = r.pick(Object.values(root.getFields()));
    const valid = kind === 'valid';
    const base = `${op} { ${fieldText(r, field, 0, valid)} }`;
    switch (kind) {
      case 'valid': case 'mutated': yield { kind, body: JSON.stringify({ query: base }) }; break;
      case 'oversized': yield { kind, body: JSON.stringify({ query: base + ' #' + 'x'.repeat(r.int(15_400, 40_000)) }) }; break;
      case 'deep': {
        const n = r.int(3, 60);
        yield { kind, body: JSON.stringify({ query: `{ __type(name: "PwdRecord") { fields { type ${'{ ofType '.repeat(n)}{ name }${' }'.repeat(n)} } } }` }) };
        break;
      }
      case 'aliases': yield { kind, body: JSON.stringify({ query: `{ ${Array.from({ length: r.int(10, 400) }, (_, k) => `a${k}: ${fieldText(r, field, 3, true)}`).join(' ')} }` }) }; break;
      case 'fragments': {
        const n = r.int(2, 30);
        const frags = Array.from({ length: n }, (_, k) => `fragment F${k} on Query { ${k + 1 < n ? `...F${k + 1}` : '__typename'} ${r.chance(0.2) ? `...F${r.int(0, n - 1)}` : ''} }`).join(' ');
        yield { kind, body: JSON.stringify({ query: `query { ...F0 } ${frags}` }) };
        break;
      }
      case 'fanout': {
        // Each fragment spreads the next twice: 2^n selections from a document of n lines.
        const n = r.int(12, 40);
        const frags = Array.from({ length: n }, (_, k) => `fragment F${k} on Query { ${k + 1 < n ? `...F${k + 1} ...F${k + 1}` : r.pick(['__typename', '...Missing', 'nope'])} }`).join(' ');
        yield { kind, body: JSON.stringify({ query: `query { ...F0 } ${frags}` }) };
        break;
      }
      case 'subscription': yield { kind, body: JSON.stringify({ query: `subscription { ${fieldText(r, field, 0, true)} }` }) }; break;
      case 'nullvar':
        yield { kind, body: JSON.stringify({ query: 'query($u: UDID!, $n: Int) { pwd(udid: $u) { udid } pwds(filter: {}, first: $n) { edges { cursor } } }', variables: r.pick([{ u: null }, { u: null, n: null }, {}, { n: 5 }]) }) };
        break;
      case 'repeated': yield { kind, body: JSON.stringify({ query: `{ ${'__typename '.repeat(r.int(26, 600))} }` }) }; break;
      case 'directives': yield { kind, body: JSON.stringify({ query: `{ __typename ${'@include(if: true) '.repeat(r.int(10, 500))} }` }) }; break;
      case 'variables': {
        const v = r.pick([{ first: '100' }, { first: 1e300 }, { udid: 12 }, { filter: 'x' }, { filter: { state: ['MH'] } }, { a: { b: { c: {} } } }, null, []]);
        yield { kind, body: JSON.stringify({ query: 'query($first: Int, $udid: UDID!, $filter: PwdFilter!) { pwd(udid: $udid) { udid } pwds(filter: $filter, first: $first) { edges { cursor } } }', variables: v }) };
        break;
      }
      case 'utf8': yield { kind, body: Buffer.concat([Buffer.from('{"query":"{ pwd(udid: \\"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1]), Buffer.from('\\") { udid } }"}')]) }; break;
      case 'truncated': { const s = JSON.stringify({ query: base }); yield { kind, body: s.slice(0, r.int(1, Math.max(1, s.length - 1))) }; break; }
      case 'garbage': yield { kind, body: r.pick(['', 'null', '[]', '[1,2]', '"str"', '123', '{"query": 5}', '{"query": null}', '{"query": "{}", "variables": "x"}', '{"operationName": 7, "query": "{ __typename }"}', '\u0000\u0001']) }; break;
      default: yield { kind, body: JSON.stringify({ query: '{ __schema { types { name fields { name args { name type { name } } } } } }' }) };
    }
  }
}
