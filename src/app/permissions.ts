import { GraphQLResolveInfo, GraphQLSchema, isObjectType } from 'graphql';
import { allow, deny, shield } from 'graphql-shield';
import { middleware, IMiddlewareGenerator } from 'graphql-middleware';
import type { IRules, ShieldRule } from 'graphql-shield/typings/types';
import { forbidden } from '../core/errors/errors';
import { isRuleObject, ruleFor, RuleTree } from '../core/authz/plan';
import { pwdRules } from '../modules/pwd/pwd.rules';

import { organizationRules } from '../modules/organization/organization.rules';
import { mouRules } from '../modules/mou/mou.rules';
import { applicationRules } from '../modules/application/application.rules';
import { staffRules } from '../modules/staff/staff.rules';
import { applicationStatusRules } from '../modules/me/me.rules';
import { oversightRules } from '../modules/oversight/oversight.rules';
import { benefitRules } from '../modules/benefit/benefit.rules';
import { sopRules } from '../modules/sop/sop.rules';
import { purposeRules } from '../modules/purpose/purpose.rules';
import { consentRules } from '../modules/consent/consent.rules';

/** Each module's rules, merged into one tree (STYLE.md habit 4). Add a module's rules here. */
export const MODULE_RULES: IRules[] = [pwdRules, organizationRules, mouRules, applicationRules, staffRules, applicationStatusRules, oversightRules, benefitRules, sopRules, purposeRules, consentRules];

export type { RuleTree };

/**
 * Merges the modules' trees. Two modules claiming the same type.field (or one claiming a whole type
 * another refines) is a mistake that would silently let the later rule win, so it fails start-up.
 */
export function mergeRules(parts: IRules[]): RuleTree {
  const tree: RuleTree = {};
  for (const part of parts) {
    for (const [type, rules] of Object.entries(part as RuleTree)) {
      const have = tree[type];
      if (have === undefined) { tree[type] = isRuleObject(rules) ? rules : { ...rules }; continue; }
      if (isRuleObject(rules) || isRuleObject(have)) throw new Error(`Authorization rules for type ${type} are declared twice.`);
      for (const [field, r] of Object.entries(rules)) {
        if (field in have) throw new Error(`Authorization rule for ${type}.${field} is declared twice.`);
        (have as Record<string, ShieldRule>)[field] = r;
      }
    }
  }
  return tree;
}

/** Every rule in a tree, nested logic rules included. */
export function allRules(tree: RuleTree): ShieldRule[] {
  const out = new Set<ShieldRule>();
  const visit = (r: ShieldRule) => { out.add(r); for (const c of (r as unknown as { rules?: ShieldRule[] }).rules ?? []) visit(c); };
  for (const t of Object.values(tree)) (isRuleObject(t) ? [t] : Object.values(t)).forEach(visit);
  return [...out];
}

/**
 * shield's 'contextual' cache is keyed by rule name alone: two different rules sharing a name would
 * silently answer for each other, and unnamed rules get a random name (an unstable snapshot).
 */
export function checkRuleNames(tree: RuleTree): void {
  const byName = new Map<string, unknown>();
  for (const r of allRules(tree)) {
    const { name, func } = r as unknown as { name?: string; func?: unknown };
    if (!func || !name) continue; // allow, deny, and/or/not carry no function of their own
    if (/^0\.\d+$/.test(name)) throw new Error('Every authorization rule needs a name: rule(\'name\', { cache }) (the name keys its cache).');
    if (byName.has(name) && byName.get(name) !== func) throw new Error(`Two different authorization rules are named "${name}"; names key the per-request cache.`);
    byName.set(name, func);
  }
}

export const RULE_TREE = mergeRules(MODULE_RULES);
checkRuleNames(RULE_TREE);

export { ruleFor };

/** A stable, readable name of a rule for snapshots ('scope:pwd:identity', 'allow', 'or(a,b)'). */
export function ruleName(r: ShieldRule | null): string {
  if (r === null) return 'deny (no rule)';
  if (r === allow) return 'allow';
  if (r === deny) return 'deny';
  const named = (r as { name?: string }).name;
  if (named) return named;
  const kind = r.constructor.name.replace(/^Rule/, '').toLowerCase();
  const inner = ((r as unknown as { rules?: ShieldRule[] }).rules ?? []).map(ruleName);
  return `${kind}(${inner.join(',')})`;
}

/** FORBIDDEN naming the field, for fields no rule covers; shield's own "Not Authorised!" never reaches a caller. */
function fallbackError(_err: unknown, _parent: unknown, _args: unknown, _ctx: unknown, info: GraphQLResolveInfo) {
  return forbidden(`You may not read ${info.parentType.name}.${info.fieldName}.`);
}

type FieldMiddleware = (resolve: (...a: unknown[]) => unknown, parent: unknown, args: unknown, ctx: { _shield?: { cache: Record<string, unknown> } }, info: GraphQLResolveInfo) => unknown;

/**
 * For a rule cached per request ('contextual'): once shield has granted it in this request, the
 * fields it guards call their resolver directly (synchronously for plain properties) instead of
 * going through shield's async middleware again. The grant is read from shield's own per-request
 * cache, keyed by rule name (unique names are enforced by checkRuleNames); our rules answer
 * synchronously, so the cached answer is `true` itself. A denial, an undecided rule or an async
 * answer always takes shield's path: shield still makes every decision.
 */
function grantedFastPath(rule: ShieldRule, viaShield: FieldMiddleware): FieldMiddleware {
  const name = (rule as unknown as { name: string }).name;
  return (resolve, parent, args, ctx, info) =>
    ctx._shield?.cache[name] === true ? resolve(parent, args, ctx, info) : viaShield(resolve, parent, args, ctx, info);
}

const isContextual = (r: ShieldRule | null): r is ShieldRule =>
  !!r && (r as unknown as { cache?: unknown }).cache === 'contextual' && typeof (r as unknown as { func?: unknown }).func === 'function';

/**
 * The whole policy: deny by default; a field without a rule is never served.
 *
 * graphql-shield wraps every field of every object type in an async middleware, even fields whose
 * rule is `allow`. Those wrappers turn each plain property read (edges, cursor, pageInfo…) into a
 * Promise and buy nothing, so they are dropped: only fields with a real rule (or none → deny) stay
 * wrapped, and fields guarded by an already-granted contextual rule skip the async path.
 */
export function permissions(tree: RuleTree = RULE_TREE): IMiddlewareGenerator<unknown, unknown, unknown> {
  const generator = shield(tree as IRules, {
    fallbackRule: deny,
    fallbackError,
    // Errors thrown by resolvers (DomainError from services) pass through unchanged instead of becoming FORBIDDEN.
    allowExternalErrors: true,
    // Rethrow (rather than return) errors thrown by resolvers and rules, so graphql-js always reports
    // them as errors — a returned error from another realm (driver errors) would be served as data.
    // Nothing is exposed by this: formatError masks every unexpected error.
    debug: true,
  });
  return middleware((schema: GraphQLSchema) => {
    const generated = generator.generate(schema) as Record<string, Record<string, unknown>>;
    const pruned: Record<string, Record<string, unknown>> = {};
    for (const [type, fields] of Object.entries(generated)) {
      const keep: Record<string, unknown> = {};
      for (const [field, mw] of Object.entries(fields)) {
        const r = ruleFor(tree, type, field);
        if (r === allow) continue;
        keep[field] = isContextual(r) && typeof mw === 'function' ? grantedFastPath(r, mw as FieldMiddleware) : mw;
      }
      if (Object.keys(keep).length) pruned[type] = keep;
    }
    return pruned as never;
  });
}

/** Every object type.field of the schema (introspection types excluded), in a stable order. */
export function schemaFields(schema: GraphQLSchema): { type: string; field: string }[] {
  return Object.values(schema.getTypeMap())
    .filter((t) => isObjectType(t) && !t.name.startsWith('__'))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((t) => Object.keys((t as { getFields(): Record<string, unknown> }).getFields()).sort().map((field) => ({ type: t.name, field })));
}
