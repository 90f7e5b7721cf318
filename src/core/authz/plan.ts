import {
  DocumentNode, getNamedType, GraphQLSchema, isAbstractType, isObjectType, Kind, TypeInfo, visit, visitWithTypeInfo,
} from 'graphql';
import { allow, and, chain, deny, not, or, race, rule } from 'graphql-shield';
import type { ShieldRule } from 'graphql-shield/typings/types';

/** A rule tree as graphql-shield takes it: type → rule, or type → field → rule ('*': the type's other fields). */
export type RuleTree = Record<string, ShieldRule | Record<string, ShieldRule>>;

// graphql-shield does not export its rule classes; its constructors tell them.
const RuleClass = rule('plan:probe')(() => true).constructor;
const RuleAnd = and(allow).constructor;
const RuleChain = chain(allow).constructor;
const RuleOr = or(allow).constructor;
const RuleRace = race(allow).constructor;
const RuleNot = not(allow).constructor;
const RuleTrue = allow.constructor;
const RuleFalse = deny.constructor;

export const isRuleObject = (x: unknown): x is ShieldRule =>
  typeof x === 'object' && x !== null && typeof (x as { resolve?: unknown }).resolve === 'function';

/** The rule that guards type.field: its own, the type's '*' or whole-type rule, else null (shield's fallback: deny). */
export function ruleFor(tree: RuleTree, type: string, field: string): ShieldRule | null {
  const t = tree[type];
  if (t === undefined) return null;
  if (isRuleObject(t)) return t;
  return t[field] ?? t['*'] ?? null;
}

const children = (r: ShieldRule) => (r as unknown as { rules?: ShieldRule[] }).rules ?? [];

/**
 * Whether a rule's answer depends only on the request's principal, so that it can be decided once per
 * request before anything runs: allow, deny, a plain rule cached per request ('contextual': by the rule
 * map's convention it reads neither the parent nor the arguments, which is also what shield's own
 * per-request cache assumes), and and/chain/or/race of such rules. Anything else (a rule looking at the
 * arguments or the parent, input rules, `not`) is decided by shield at run time, field by field.
 */
export function isStatic(r: ShieldRule | null): boolean {
  if (r === null) return true; // no rule: shield's fallback, deny
  if (r instanceof RuleTrue || r instanceof RuleFalse) return true;
  if (r.constructor === RuleClass) return (r as unknown as { cache?: unknown }).cache === 'contextual' && typeof (r as unknown as { func?: unknown }).func === 'function';
  if (r instanceof RuleNot) return false;
  if (r instanceof RuleAnd || r instanceof RuleChain || r instanceof RuleOr || r instanceof RuleRace) return children(r).every(isStatic);
  return false;
}

/**
 * A static rule's answer for this request's context: true only when shield would grant it. Any other
 * outcome (a denial, an error, a thrown error, an asynchronous answer) is "not granted", and the
 * request is then executed with shield deciding every field, which gives the exact refusal.
 */
export function grants(r: ShieldRule | null, ctx: unknown): boolean {
  if (r === null || r instanceof RuleFalse) return false;
  if (r instanceof RuleTrue) return true;
  if (r.constructor === RuleClass) {
    try {
      return (r as unknown as { func: (p: unknown, a: unknown, c: unknown, i: unknown) => unknown }).func(undefined, {}, ctx, undefined) === true;
    } catch {
      return false;
    }
  }
  if (r instanceof RuleAnd || r instanceof RuleChain) return children(r).every((c) => grants(c, ctx));
  if (r instanceof RuleOr || r instanceof RuleRace) return children(r).some((c) => grants(c, ctx));
  return false;
}

/**
 * The tree the statically decided schema is guarded by: every field whose rule is static becomes
 * `allow` (it was decided before execution), every other field keeps its rule (shield decides it at run
 * time, as always), and a field with no rule stays without one (shield's fallback: deny).
 */
export function runtimeTree(schema: GraphQLSchema, tree: RuleTree): RuleTree {
  const out: RuleTree = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const fields: Record<string, ShieldRule> = {};
    for (const field of Object.keys(type.getFields())) {
      const r = ruleFor(tree, type.name, field);
      if (r === null) continue;
      fields[field] = isStatic(r) ? allow : r;
    }
    if (Object.keys(fields).length) out[type.name] = fields;
  }
  return out;
}

/**
 * Authorization decided once per (document, principal) instead of once per field and record.
 *
 * At validation time (first sight of a document, then cached with it) the plan collects the distinct
 * static rules guarding every field the document names: in every operation and fragment, under any
 * alias, including fields behind @skip/@include (a superset is safe), and for a field of an interface
 * or union, the rule of every type that may answer it. Per request, those few rules are evaluated
 * against the principal. When every one grants, the request runs on the schema guarded by
 * `runtimeTree` (no per-field authorization work; rules on the arguments still run); when any does
 * not, it runs on the schema shield guards field by field, so refusals (FORBIDDEN with requiredScope at
 * each path, null propagation) are exactly shield's. Fails closed: a rule that cannot be evaluated
 * counts as not granted.
 */
export class AuthorizationPlan {
  private readonly rulesOf = new WeakMap<DocumentNode, ShieldRule[]>();

  constructor(private readonly schema: GraphQLSchema, private readonly tree: RuleTree) {}

  /** The distinct static rules guarding the fields `document` names. */
  rules(document: DocumentNode): ShieldRule[] {
    let found = this.rulesOf.get(document);
    if (!found) {
      found = this.collect(document);
      this.rulesOf.set(document, found);
    }
    return found;
  }

  /** True when every static rule of the document grants for this request's context. */
  grantsAll(document: DocumentNode, ctx: unknown): boolean {
    for (const r of this.rules(document)) if (!grants(r, ctx)) return false;
    return true;
  }

  private collect(document: DocumentNode): ShieldRule[] {
    const rules = new Set<ShieldRule | null>();
    const typeInfo = new TypeInfo(this.schema);
    visit(document, visitWithTypeInfo(typeInfo, {
      [Kind.FIELD]: (node) => {
        const name = node.name.value;
        if (name.startsWith('__')) return; // __typename, __schema, __type: not object fields shield guards
        const parent = typeInfo.getParentType();
        if (!parent) { rules.add(null); return; } // not in the schema: cannot be decided here
        const named = getNamedType(parent);
        const types = isAbstractType(named) ? this.schema.getPossibleTypes(named) : [named];
        for (const t of types) {
          const r = ruleFor(this.tree, t.name, name);
          if (isStatic(r)) rules.add(r);
        }
      },
    }));
    // A null (no rule, or a field outside the schema) never grants: such documents take shield's path.
    return [...rules].map((r) => r ?? deny);
  }
}
