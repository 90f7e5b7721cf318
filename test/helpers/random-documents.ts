import {
  DocumentNode, FieldNode, FragmentDefinitionNode, Kind, OperationDefinitionNode, SelectionSetNode, ValueNode, parse,
} from 'graphql';
import { prng } from '../fuzz/fuzz.generator';

/**
 * Random well-formed documents over the partner read surface (pwd, pwds, verifyUdid, __typename), and
 * an independent reading of a response against the document: which records it carries and what they
 * were worth. Used by test/access/property.test.ts.
 */

/** The fuzz suite's seeded PRNG (mulberry32), with a subset helper. */
export function mulberry32(seed: number) {
  const r = prng(seed);
  return { ...r, subset: <T>(xs: readonly T[], p: number): T[] => xs.filter(() => r.next() < p) };
}
export type Rng = ReturnType<typeof mulberry32>;

export const PWD_FIELDS = [
  'udid', 'cardStatus', 'name', 'nameRegional', 'guardianName', 'gender', 'dateOfBirth', 'mobile', 'email', 'address',
  'pincode', 'district', 'state', 'disabilities', 'disabilityPercentage', 'certificateType', 'certificateNumber',
  'certificateIssuedOn', 'validUntil', 'issuingAuthority', 'education', 'employment', 'incomeBand', 'belowPovertyLine', 'aadhaarLast4',
] as const;
const VERIFY_FIELDS = ['udid', 'valid', 'cardStatus', 'validUntil', 'percentageBand'] as const;

/** What the generator draws from: the seeded records and some UDIDs that exist nowhere. */
export interface Universe {
  known: { id: number; udid: string; dob: string; state: string }[];
  unknown: string[];
  states: string[];
}

export interface RandomDocument { query: string; variables: Record<string, unknown> }

export const cursorOf = (id: number) => Buffer.from(`pwd:${id}`).toString('base64url');

/**
 * One document. `wild` lets it grow past the static limits (more aliases, larger pages, more fields)
 * so that some are refused before execution.
 */
export function randomDocument(r: Rng, u: Universe): RandomDocument {
  const wild = r.chance(0.25);
  const maxAliases = wild ? 24 : 15;
  let aliases = 0;
  let aliasSeq = 0;
  const alias = (p: number) => {
    if (aliases >= maxAliases || !r.chance(p)) return '';
    aliases++;
    return `x${aliasSeq++}: `;
  };
  const varDefs: string[] = [];
  const variables: Record<string, unknown> = {};
  let varSeq = 0;
  const newVar = (type: string, value: unknown, omit = false) => {
    const name = `v${varSeq++}`;
    varDefs.push(`$${name}: ${type}`);
    if (!omit) variables[name] = value;
    return `$${name}`;
  };
  const bools: string[] = [];
  const directive = (p: number) => {
    if (!r.chance(p)) return '';
    const b = bools.length && r.chance(0.5) ? r.pick(bools) : (bools.push(newVar('Boolean!', r.chance(0.5))), bools[bools.length - 1]);
    return ` @${r.chance(0.5) ? 'include' : 'skip'}(if: ${b})`;
  };

  // Named fragments on PwdRecord, created as they are first spread; a later one may spread earlier ones (no cycles).
  const fragments: { name: string; body: string }[] = [];
  let fragSeq = 0;
  const recordItems = (depth: number): string[] => {
    const items: string[] = [];
    const fields = r.subset(PWD_FIELDS, wild ? 0.5 : r.pick([0.08, 0.2, 0.4]));
    for (const f of fields) items.push(`${alias(0.15)}${f}${directive(0.15)}`);
    if (r.chance(0.08)) items.push('__typename');
    if (depth < 3 && r.chance(0.35)) {
      const reuse = fragments.length && r.chance(0.5);
      let name: string;
      if (reuse) name = r.pick(fragments).name;
      else {
        name = `F${fragSeq++}`;
        const body = recordItems(depth + 1).join(' '); // spreads only fragments that already exist: no cycles
        fragments.push({ name, body });
      }
      const times = r.int(1, 3);
      for (let k = 0; k < times; k++) items.push(`...${name}${directive(0.2)}`);
    }
    if (depth < 3 && r.chance(0.25)) items.push(`...${r.chance(0.5) ? ' on PwdRecord' : ''}${directive(0.5)} { ${recordItems(depth + 1).join(' ')} }`);
    if (!items.length) items.push(r.pick(PWD_FIELDS));
    return items;
  };
  const recordSelection = () => `{ ${recordItems(0).join(' ')} }`;

  const udidArg = () => {
    const udid = r.chance(0.8) ? r.pick(u.known).udid : r.pick(u.unknown);
    return r.chance(0.5) ? newVar('UDID!', udid) : JSON.stringify(udid);
  };

  const roots: string[] = [];
  const used = new Set<string>();
  const rootName = (name: string) => {
    // A second root field of the same name needs an alias (its arguments differ), even past the alias cap.
    if (used.has(name) && name !== '__typename') { aliases++; return `x${aliasSeq++}: ${name}`; }
    used.add(name);
    return `${alias(0.5)}${name}`;
  };
  const n = r.int(1, wild ? 8 : 4);
  for (let i = 0; i < n; i++) {
    const kind = r.pick(['pwd', 'pwd', 'pwd', 'pwds', 'pwds', 'verifyUdid', 'verifyUdid', '__typename'] as const);
    if (kind === '__typename') { roots.push(`${alias(0.3)}__typename`); continue; }
    if (kind === 'pwd') { roots.push(`${rootName('pwd')}(udid: ${udidArg()})${directive(0.2)} ${recordSelection()}`); continue; }
    if (kind === 'verifyUdid') {
      const pick = r.chance(0.8) ? r.pick(u.known) : null;
      const udid = pick ? pick.udid : r.pick(u.unknown);
      const dob = pick && r.chance(0.6) ? pick.dob : `19${r.int(40, 99)}-0${r.int(1, 9)}-1${r.int(0, 9)}`;
      const udidText = r.chance(0.5) ? newVar('UDID!', udid) : JSON.stringify(udid);
      const fields = r.subset(VERIFY_FIELDS, 0.5).map((f) => `${alias(0.15)}${f}${directive(0.1)}`);
      if (!fields.length) fields.push('valid');
      roots.push(`${rootName('verifyUdid')}(udid: ${udidText}, dateOfBirth: "${dob}")${directive(0.2)} { ${fields.join(' ')} }`);
      continue;
    }
    // pwds
    const args: string[] = [];
    const state = r.chance(0.5) ? null : r.pick(u.states);
    args.push(`filter: ${r.chance(0.2) ? newVar('PwdFilter!', state ? { state } : {}) : state ? `{ state: "${state}" }` : '{}'}`);
    const first = r.chance(0.03) ? r.pick([0, 101]) : r.chance(wild ? 0.5 : 0.1) ? r.int(20, 100) : r.int(1, 12);
    const fm = r.next();
    if (fm < 0.4) args.push(`first: ${first}`);
    else if (fm < 0.7) args.push(`first: ${newVar('Int!', first)}`);
    else if (fm < 0.85) { const omit = r.chance(0.5); args.push(`first: ${newVar(`Int = ${omit ? first : r.int(1, 10)}`, first, omit)}`); }
    // else omitted: the default (20)
    if (r.chance(0.4)) {
      const after = cursorOf(r.pick(u.known).id);
      args.push(`after: ${r.chance(0.5) ? newVar('String', after) : JSON.stringify(after)}`);
    }
    const parts: string[] = [];
    if (r.chance(0.92)) {
      const edge: string[] = [];
      if (r.chance(0.4)) edge.push(`${alias(0.2)}cursor`);
      if (r.chance(0.95)) edge.push(`${alias(0.1)}node${directive(0.1)} ${recordSelection()}`);
      if (!edge.length) edge.push('cursor');
      parts.push(r.chance(0.15) ? `... on PwdConnection { ${alias(0.1)}edges { ${edge.join(' ')} } }` : `${alias(0.1)}edges { ${edge.join(' ')} }`);
    }
    if (r.chance(0.3) || !parts.length) parts.push(`pageInfo { ${r.subset(['hasNextPage', 'endCursor'], 0.6).join(' ') || 'hasNextPage'} }`);
    roots.push(`${rootName('pwds')}(${args.join(', ')})${directive(0.2)} { ${parts.join(' ')} }`);
  }

  // Only the fragments spread somewhere (transitively from the operation) are defined.
  const opText = `query${r.chance(0.5) ? ` P${r.int(0, 999)}` : ''}${varDefs.length ? `(${varDefs.join(', ')})` : ''} { ${roots.join(' ')} }`;
  const reachable = new Set<string>();
  const visit = (text: string) => {
    for (const m of text.matchAll(/\.\.\.(F\d+)/g)) {
      if (reachable.has(m[1])) continue;
      reachable.add(m[1]);
      visit(fragments.find((f) => f.name === m[1])!.body);
    }
  };
  visit(opText);
  const defs = fragments.filter((f) => reachable.has(f.name)).map((f) => `fragment ${f.name} on PwdRecord { ${f.body} }`);
  return { query: [opText, ...defs].join('\n'), variables };
}

/* ------------------------------------------------------------------------------------------------ */
/* Reading a response against its document (GraphQL's CollectFields, written out again).          */

type Vars = Record<string, unknown>;

function valueOf(v: ValueNode, vars: Vars, defaults: Map<string, ValueNode | undefined>): unknown {
  switch (v.kind) {
    case Kind.VARIABLE: {
      const name = v.name.value;
      if (Object.prototype.hasOwnProperty.call(vars, name)) return vars[name];
      const d = defaults.get(name);
      return d ? valueOf(d, vars, defaults) : undefined;
    }
    case Kind.INT: return Number(v.value);
    case Kind.BOOLEAN: return v.value;
    case Kind.STRING: return v.value;
    case Kind.NULL: return null;
    case Kind.OBJECT: return Object.fromEntries(v.fields.map((f) => [f.name.value, valueOf(f.value, vars, defaults)]));
    default: throw new Error(`unexpected value kind ${v.kind}`);
  }
}

export class DocumentReader {
  readonly doc: DocumentNode;
  readonly op: OperationDefinitionNode;
  private fragments = new Map<string, FragmentDefinitionNode>();
  private defaults = new Map<string, ValueNode | undefined>();

  constructor(query: string, private readonly vars: Vars) {
    this.doc = parse(query);
    this.op = this.doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    for (const d of this.doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(d.name.value, d);
    for (const v of this.op.variableDefinitions ?? []) this.defaults.set(v.variable.name.value, v.defaultValue);
  }

  value(v: ValueNode): unknown { return valueOf(v, this.vars, this.defaults); }

  arg(f: FieldNode, name: string): unknown {
    const a = f.arguments?.find((x) => x.name.value === name);
    return a ? this.value(a.value) : undefined;
  }

  private included(node: { directives?: readonly { name: { value: string }; arguments?: readonly { name: { value: string }; value: ValueNode }[] }[] }): boolean {
    for (const d of node.directives ?? []) {
      const cond = d.arguments?.find((a) => a.name.value === 'if');
      if (!cond) continue;
      const v = this.value(cond.value);
      if (d.name.value === 'skip' && v === true) return false;
      if (d.name.value === 'include' && v !== true) return false;
    }
    return true;
  }

  /** Response key → the field nodes merged under it, for these selection sets on an object of `typeName`. */
  collect(sets: readonly SelectionSetNode[], typeName: string): Map<string, FieldNode[]> {
    const out = new Map<string, FieldNode[]>();
    const walk = (set: SelectionSetNode) => {
      for (const s of set.selections) {
        if (!this.included(s)) continue;
        if (s.kind === Kind.FIELD) {
          const key = s.alias?.value ?? s.name.value;
          out.set(key, [...(out.get(key) ?? []), s]);
        } else if (s.kind === Kind.INLINE_FRAGMENT) {
          if (s.typeCondition && s.typeCondition.name.value !== typeName) continue;
          walk(s.selectionSet);
        } else {
          const frag = this.fragments.get(s.name.value)!;
          if (frag.typeCondition.name.value !== typeName) continue;
          walk(frag.selectionSet);
        }
      }
    };
    for (const s of sets) walk(s);
    return out;
  }

  /** The merged sub-selection of a response key's field nodes. */
  sub(fields: FieldNode[], typeName: string): Map<string, FieldNode[]> {
    return this.collect(fields.map((f) => f.selectionSet!).filter(Boolean), typeName);
  }
}
