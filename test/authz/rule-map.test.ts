import { allow } from 'graphql-shield';
import { rule } from 'graphql-shield';
import { buildAppSchema } from '../../src/app/schema';
import { checkRuleNames, mergeRules, RULE_TREE, ruleFor, ruleName, schemaFields } from '../../src/app/permissions';
import { ALL_SCOPES, Role } from '../../src/core/authz/scopes';
import { ANY_PWD_READ } from '../../src/core/authz/rules';
import { PWD_RECORD_FIELDS_BY_SCOPE } from '../../src/modules/pwd/pwd.rules';
import type { Principal } from '../../src/core/auth/principal';
import type { GraphQLSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Evaluates the rule guarding type.field for a principal, as shield would (false for "no rule"). */
async function reaches(type: string, field: string, principal: Principal): Promise<boolean> {
  const r = ruleFor(RULE_TREE, type, field);
  if (!r) return false;
  const ctx = { principal, _shield: { cache: {} } };
  const res = await r.resolve({}, {}, ctx, {} as never, { debug: false, allowExternalErrors: true, fallbackRule: allow, fallbackError: new Error(), hashFunction: () => '' });
  return res === true;
}

const APP: Principal = { kind: 'application', applicationId: 1, organizationId: 1, clientId: 'c', scopes: new Set(ALL_SCOPES), purposeId: 1, purposeCode: 'APP-1', consentRequired: false };
const user = (role: Role): Principal => ({ kind: 'user', userId: 1, role, organizationId: role === Role.PARTNER_ADMIN ? 1 : null, email: 'x@example.org' });

describe('the merged rule map', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => { schema = await buildAppSchema(); });

  it('is what the snapshot says (a diff here is a permission change: review it as one)', () => {
    const map = schemaFields(schema).map(({ type, field }) => `${type}.${field} → ${ruleName(ruleFor(RULE_TREE, type, field))}`);
    expect(map.join('\n')).toMatchSnapshot();
  });

  it('has a rule for every field of every object type, Query and Mutation included', () => {
    const missing = schemaFields(schema).filter(({ type, field }) => ruleFor(RULE_TREE, type, field) === null).map(({ type, field }) => `${type}.${field}`);
    expect(missing).toEqual([]);
  });

  it('names no type or field the schema does not have', () => {
    const types = schema.getTypeMap();
    const stale = Object.entries(RULE_TREE).flatMap(([type, rules]) => {
      if (!types[type]) return [type];
      const fields = (types[type] as unknown as { getFields(): Record<string, unknown> }).getFields();
      return typeof (rules as { resolve?: unknown }).resolve === 'function' ? [] : Object.keys(rules).filter((f) => f !== '*' && !fields[f]).map((f) => `${type}.${f}`);
    });
    expect(stale).toEqual([]);
  });

  it('lets no application and no partner admin reach a staff-only field', async () => {
    const leaks: string[] = [];
    for (const { type, field } of schemaFields(schema)) {
      const name = ruleName(ruleFor(RULE_TREE, type, field));
      const staffOnly = name.includes('role:') && !name.includes(Role.PARTNER_ADMIN);
      if (!staffOnly) continue;
      if (await reaches(type, field, APP)) leaks.push(`application → ${type}.${field}`);
      if (await reaches(type, field, user(Role.PARTNER_ADMIN))) leaks.push(`PARTNER_ADMIN → ${type}.${field}`);
    }
    expect(leaks).toEqual([]);
  });

  it('lets an anonymous caller reach only the operations marked public (allow)', async () => {
    const reached: string[] = [];
    for (const root of ['Query', 'Mutation']) {
      const type = schema.getType(root) as { getFields(): Record<string, unknown> } | undefined;
      for (const field of Object.keys(type?.getFields() ?? {})) {
        if (await reaches(root, field, { kind: 'anonymous' })) reached.push(`${root}.${field}`);
      }
    }
    const publicOps = reached.filter((f) => ruleName(ruleFor(RULE_TREE, ...(f.split('.') as [string, string]))) === 'allow');
    expect(reached).toEqual(publicOps);
    expect(reached).not.toContain('Query.pwd');
  });

  it('documents each PwdRecord field with the scope that guards it (the schema partners read agrees with the rules)', () => {
    const fields = (schema.getType('PwdRecord') as unknown as { getFields(): Record<string, { description?: string | null }> }).getFields();
    const wrong: string[] = [];
    for (const [access, names] of Object.entries(PWD_RECORD_FIELDS_BY_SCOPE)) {
      const doc = access === ANY_PWD_READ ? 'Any pwd:* read scope' : access;
      for (const f of names) if (!fields[f]?.description?.startsWith(doc)) wrong.push(`${f}: "${fields[f]?.description}" should start with "${doc}"`);
    }
    const declared = Object.values(PWD_RECORD_FIELDS_BY_SCOPE).flat();
    expect(Object.keys(fields).filter((f) => !declared.includes(f as never))).toEqual([]);
    expect(wrong).toEqual([]);
  });

  it('is what the README scope table tells a newcomer', () => {
    const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8').split('\n');
    const row = (label: string) => readme.find((l) => l.startsWith(`| ${label} |`)) ?? '';
    const wrong: string[] = [];
    for (const [access, names] of Object.entries(PWD_RECORD_FIELDS_BY_SCOPE)) {
      const unlocks = row(access === ANY_PWD_READ ? 'any `pwd:*` read scope (all but `pwd:verify`)' : `\`${access}\``).split('|')[2] ?? '';
      const listed = [...unlocks.matchAll(/`(\w+)`/g)].map((m) => m[1]).filter((f) => f !== 'pwd' && f !== 'pwds' && f !== 'verifyUdid');
      const expected = names.map((n) => n);
      if (access !== ANY_PWD_READ && JSON.stringify(listed) !== JSON.stringify(expected)) wrong.push(`${access}: README lists ${listed.join(',')}, rules say ${expected.join(',')}`);
      if (access === ANY_PWD_READ && !expected.every((f) => unlocks.includes(`PwdRecord.${f}`))) wrong.push(`${access}: README row misses ${expected.join(',')}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses two modules claiming one field, and two different rules sharing a name', () => {
    expect(() => mergeRules([{ Query: { me: allow } }, { Query: { me: allow } }])).toThrow(/Query\.me is declared twice/);
    expect(() => mergeRules([{ PwdEdge: allow }, { PwdEdge: { cursor: allow } }])).toThrow(/PwdEdge are declared twice/);
    const a = rule('same', { cache: 'contextual' })(() => true);
    const b = rule('same', { cache: 'contextual' })(() => false);
    expect(() => checkRuleNames({ Query: { x: a, y: b } })).toThrow(/named "same"/);
    expect(() => checkRuleNames({ Query: { x: rule({ cache: 'contextual' })(() => true) } })).toThrow(/needs a name/);
  });
});
