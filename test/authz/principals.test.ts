import { GraphQLObjectType } from 'graphql';
import { startTestServer, TestServer, createActivePartner } from '../helpers/server';
import { RULE_TREE, ruleFor, ruleName } from '../../src/app/permissions';
import { Role } from '../../src/core/authz/scopes';
import { rootOperation } from './authz.helpers';

/**
 * Every Query and Mutation field, called over HTTP by each kind of caller with arguments generated
 * from the schema (the rules run before any resolver, so no operation takes effect).
 */
describe('who may call which operation (generated from the schema)', () => {
  let t: TestServer;
  let appToken: string;
  let partnerAdminToken: string;

  beforeAll(async () => {
    t = await startTestServer({ records: 5 });
    const partner = await createActivePartner(t.ds);
    appToken = await t.appToken(partner);
    partnerAdminToken = await t.login(partner.partnerAdmin.email, partner.partnerAdmin.password);
  });
  afterAll(() => t.close());

  const roots = () => (['query', 'mutation'] as const).flatMap((kind) => {
    const type = (kind === 'query' ? t.server.schema.getQueryType() : t.server.schema.getMutationType()) as GraphQLObjectType | null;
    return Object.values(type?.getFields() ?? {}).map((field) => ({ kind, field, rule: ruleName(ruleFor(RULE_TREE, type!.name, field.name)) }));
  });

  async function call(kind: 'query' | 'mutation', field: Parameters<typeof rootOperation>[2], token?: string) {
    const op = rootOperation(t.server.schema, kind, field);
    const res = await t.gql(op.query, op.variables, token);
    const value = res.body.data ? res.body.data[field.name] : null;
    return { value, code: res.body.errors?.[0]?.extensions?.code as string | undefined, res };
  }

  it('refuses anonymous callers every operation not marked public, with UNAUTHENTICATED', async () => {
    const wrong: string[] = [];
    for (const { kind, field, rule } of roots()) {
      if (rule === 'allow') continue;
      const { value, code } = await call(kind, field);
      if (value !== null || code !== 'UNAUTHENTICATED') wrong.push(`${field.name}: ${code} ${JSON.stringify(value)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses applications every staff and partner-admin operation, with FORBIDDEN', async () => {
    const wrong: string[] = [];
    for (const { kind, field, rule } of roots()) {
      if (!rule.startsWith('role:')) continue;
      const { value, code } = await call(kind, field, appToken);
      if (value !== null || code !== 'FORBIDDEN') wrong.push(`${field.name}: ${code} ${JSON.stringify(value)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses partner admins every staff-only operation and all PwD data, with FORBIDDEN', async () => {
    const wrong: string[] = [];
    for (const { kind, field, rule } of roots()) {
      const staffOnly = rule.startsWith('role:') && !rule.includes(Role.PARTNER_ADMIN);
      const applicationOnly = rule.startsWith('scope:') || rule === 'isApplication';
      if (!staffOnly && !applicationOnly) continue;
      const { value, code } = await call(kind, field, partnerAdminToken);
      if (value !== null || code !== 'FORBIDDEN') wrong.push(`${field.name}: ${code} ${JSON.stringify(value)}`);
    }
    expect(wrong).toEqual([]);
  });
});
