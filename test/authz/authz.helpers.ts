import {
  GraphQLField, GraphQLInputType, GraphQLNamedType, GraphQLObjectType, GraphQLSchema,
  getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isObjectType, isScalarType,
} from 'graphql';
import { RULE_TREE, ruleFor, ruleName } from '../../src/app/permissions';
import { ANY_PWD_READ, FieldAccess } from '../../src/core/authz/rules';
import { PWD_READ_SCOPES, Scope } from '../../src/core/authz/scopes';
import { PWD_QUERY_ACCESS, PWD_RECORD_FIELDS_BY_SCOPE } from '../../src/modules/pwd/pwd.rules';

/**
 * What a token holding exactly `scopes` may read at type.field, derived from the declarations the
 * rules are built from (scope → fields maps), never from a list kept in the test. Fields whose
 * rule is `allow` are served whenever their parent is; `isApplication` fields to any application.
 * 'undeclared' makes the matrix fail: a partner-visible field nobody decided about.
 */
export function expectedAccess(type: string, field: string): FieldAccess | 'parent' | 'application' | 'denied' | 'undeclared' {
  if (type === 'PwdRecord') {
    const hit = (Object.entries(PWD_RECORD_FIELDS_BY_SCOPE) as [FieldAccess, readonly string[]][]).find(([, fs]) => fs.includes(field));
    return hit ? hit[0] : 'undeclared';
  }
  if (type === 'Query' && field in PWD_QUERY_ACCESS) return PWD_QUERY_ACCESS[field as keyof typeof PWD_QUERY_ACCESS];
  let name = ruleName(ruleFor(RULE_TREE, type, field));
  // or(scope:x, role:…): what an application may do is the scope part; the role part is for users.
  const either = /^or\((.*)\)$/.exec(name);
  if (either) name = either[1].split(',').find((r) => r.startsWith('scope:') || r === 'isApplication') ?? name;
  if (name === 'allow') return 'parent';
  if (name === 'isApplication') return 'application';
  if (name.startsWith('scope:')) return name.slice('scope:'.length) as FieldAccess;
  if (name.startsWith('deny')) return 'denied';
  return 'undeclared';
}

export function grants(access: ReturnType<typeof expectedAccess>, scopes: readonly Scope[]): boolean {
  switch (access) {
    case 'parent': case 'application': return true;
    case 'denied': case 'undeclared': return false;
    case ANY_PWD_READ: return scopes.some((s) => PWD_READ_SCOPES.includes(s));
    default: return scopes.includes(access);
  }
}

/** The scope a denied field's error must name. */
export const requiredScopeOf = (access: ReturnType<typeof expectedAccess>) => (access === 'parent' || access === 'application' || access === 'denied' || access === 'undeclared' ? undefined : access);

/** Every leaf path below an object type (fields with required arguments skipped), to `depth` levels. */
export function leafPaths(type: GraphQLObjectType, depth = 4, prefix: { type: string; field: string }[] = []): { type: string; field: string }[][] {
  if (depth === 0) return [];
  return Object.values(type.getFields()).filter((f) => !f.args.some((a) => isNonNullType(a.type))).flatMap((f) => {
    const here = [...prefix, { type: type.name, field: f.name }];
    const named = getNamedType(f.type);
    return isObjectType(named) ? leafPaths(named, depth - 1, here) : [here];
  });
}

/** A selection set of every field below `type` (the shape leafPaths walks). */
export function selectAll(type: GraphQLNamedType, depth = 4): string {
  if (!isObjectType(type) || depth === 0) return '';
  const parts = Object.values(type.getFields()).filter((f) => !f.args.some((a) => isNonNullType(a.type))).map((f) => {
    const named = getNamedType(f.type);
    return isObjectType(named) ? `${f.name} { ${selectAll(named, depth - 1) || '__typename'} }` : f.name;
  });
  return parts.join(' ');
}

/** A syntactically valid value for an argument type (used to reach rules, which run before resolvers). */
export function sampleValue(t: GraphQLInputType): unknown {
  if (isNonNullType(t)) return sampleValue(t.ofType);
  if (isListType(t)) return [sampleValue(t.ofType)];
  if (isEnumType(t)) return t.getValues()[0].name;
  if (isInputObjectType(t)) {
    return Object.fromEntries(Object.values(t.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, sampleValue(f.type)]));
  }
  if (isScalarType(t)) {
    const byName: Record<string, unknown> = {
      ID: '1', String: 'x', Int: 1, Float: 1, Boolean: true, UDID: 'MH0000000000000000', Date: '2020-01-01',
      DateTime: '2020-01-01T00:00:00.000Z', EmailAddress: 'x@example.org',
    };
    return byName[t.name] ?? 'x';
  }
  return null;
}

/** `query|mutation ($a: T!, …) { field(a: $a …) { … } }` calling one root field with sample (or given) arguments. */
export function rootOperation(schema: GraphQLSchema, kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, given: Record<string, unknown> = {}, select?: string) {
  const args = field.args.filter((a) => a.name in given || isNonNullType(a.type));
  const vars = Object.fromEntries(args.map((a) => [a.name, a.name in given ? given[a.name] : sampleValue(a.type)]));
  const decl = args.length ? `(${args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ')})` : '';
  const call = args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
  const named = getNamedType(field.type);
  const sel = isObjectType(named) ? ` { ${select ?? '__typename'} }` : '';
  return { query: `${kind} Op${decl} { ${field.name}${call}${sel} }`, variables: vars };
}

/** Values at a path in a response (lists flattened), and whether each parent object was there to hold them. */
export function valuesAt(data: unknown, path: string[]): { present: boolean }[] {
  let level: unknown[] = [data];
  for (let i = 0; i < path.length; i++) {
    const next: unknown[] = [];
    for (const v of level) {
      if (v === null || v === undefined || typeof v !== 'object') continue;
      const child = (v as Record<string, unknown>)[path[i]];
      if (i === path.length - 1) next.push({ present: path[i] in (v as object) });
      else if (Array.isArray(child)) next.push(...child);
      else next.push(child);
    }
    level = next;
  }
  return level as { present: boolean }[];
}

/** Strips list indices from an error path ('pwds.edges.0.node.name' → 'pwds.edges.node.name'). */
export const errorKey = (path: readonly (string | number)[]) => path.filter((p) => typeof p === 'string').join('.');
