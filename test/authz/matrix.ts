import { getNamedType, GraphQLObjectType, isObjectType } from 'graphql';
import { ALL_SCOPES, Scope } from '../../src/core/authz/scopes';
import type { PartnerFixture } from '../../src/modules/staff/demo.seed';
import type { TestServer } from '../helpers/server';
import { errorKey, expectedAccess, grants, leafPaths, requiredScopeOf, rootOperation, selectAll, valuesAt } from './authz.helpers';

/** Arguments that make each partner query return data, so that every field below it is observable. */
export type RootFixtures = Record<string, Record<string, unknown>>;

/** The query fields an application may reach with some scope: the roots of the partner-visible types. */
export function partnerRoots(t: TestServer): string[] {
  return Object.keys(t.server.schema.getQueryType()!.getFields()).filter((f) => {
    const a = expectedAccess('Query', f);
    return a !== 'denied' && a !== 'undeclared' && a !== 'parent';
  }).sort();
}

/**
 * The authorization matrix, generated from the schema: for every partner query, every field below
 * it and every scope (each alone, then all together), a token holding exactly that scope is served
 * the field exactly when the declarations allow it; otherwise the field is null with FORBIDDEN and the
 * declared requiredScope, while the rest of the response is still served.
 */
export async function runMatrix(t: TestServer, partner: PartnerFixture, fixtures: RootFixtures) {
  const schema = t.server.schema;
  const queryType = schema.getQueryType()!;
  const mismatches: string[] = [];
  let cells = 0;
  const scopeSets: Scope[][] = [...ALL_SCOPES.map((s) => [s]), [...ALL_SCOPES]];
  // The matrix sends hundreds of documents in a burst: a budget it cannot exhaust, so every answer is the rule's.
  await t.ds.query('UPDATE application SET cost_budget = ?, cost_restore_rate = ? WHERE id = ?', [1_000_000, 100_000, partner.applicationId]);
  t.server.services.gate.invalidateApplication(partner.applicationId);
  const tokens = await Promise.all(scopeSets.map((s) => t.appToken(partner, s.join(' '))));

  for (const root of partnerRoots(t)) {
    const field = queryType.getFields()[root];
    if (!fixtures[root] && field.args.some((a) => a.type.toString().endsWith('!'))) {
      mismatches.push(`Query.${root}: no arguments in the matrix fixtures; add them so its fields are checked`);
      continue;
    }
    const named = getNamedType(field.type);
    const paths = isObjectType(named) ? leafPaths(named as GraphQLObjectType) : [[]];
    const op = rootOperation(schema, 'query', field, fixtures[root] ?? {}, isObjectType(named) ? selectAll(named) : undefined);

    for (let i = 0; i < scopeSets.length; i++) {
      const scopes = scopeSets[i];
      const label = scopes.length === 1 ? scopes[0] : 'all scopes';
      const res = await t.gql(op.query, op.variables, tokens[i]);
      const errors: { path?: (string | number)[]; extensions?: Record<string, unknown>; message: string }[] = res.body.errors ?? [];
      const errorAt = (key: string) => errors.find((e) => e.path && errorKey(e.path) === key);
      for (const e of errors) {
        if (e.extensions?.code !== 'FORBIDDEN') mismatches.push(`${label}: Query.${root}: unexpected error ${e.extensions?.code}: ${e.message}`);
      }

      for (const leaf of paths) {
        cells++;
        const chain = [{ type: 'Query', field: root }, ...leaf];
        const where = `${label}: ${chain.map((c) => `${c.type}.${c.field}`).join(' > ')}`;
        const access = chain.map((c) => expectedAccess(c.type, c.field));
        const undeclared = chain.findIndex((_, k) => access[k] === 'undeclared');
        if (undeclared >= 0) { mismatches.push(`${where}: ${chain[undeclared].type}.${chain[undeclared].field} has no declared scope`); continue; }
        const deniedAt = access.findIndex((a) => !grants(a, scopes));
        const key = chain.map((c) => c.field).join('.');
        const values = valuesAt(res.body.data, chain.map((c) => c.field));
        if (deniedAt < 0) {
          if (!values.length || values.some((v) => !v.present)) mismatches.push(`${where}: expected to be served, nothing observable (fix the fixtures)`);
          const err = errorAt(key);
          if (err) mismatches.push(`${where}: expected to be served, got ${err.extensions?.code}`);
          continue;
        }
        const deniedKey = chain.slice(0, deniedAt + 1).map((c) => c.field).join('.');
        const err = errorAt(deniedKey);
        if (!err) { mismatches.push(`${where}: expected FORBIDDEN at ${deniedKey}, but it was served`); continue; }
        const want = requiredScopeOf(access[deniedAt]);
        if (err.extensions?.code !== 'FORBIDDEN' || err.extensions?.requiredScope !== want) {
          mismatches.push(`${where}: expected FORBIDDEN requiredScope=${want}, got ${err.extensions?.code} requiredScope=${err.extensions?.requiredScope}`);
        }
      }
    }
  }
  return { mismatches, cells };
}
