import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, ContainerType } from 'type-graphql';
import { applyMiddleware } from 'graphql-middleware';
import { NO_SERVICES, RESOLVERS } from './resolvers';
import { permissions, RULE_TREE } from './permissions';
import { AuthorizationPlan, runtimeTree } from '../core/authz/plan';

/**
 * Builds the executable schema from the type-graphql resolvers (validation on input classes).
 * `container` gives the resolver instances (src/app/resolvers.ts, per server); without it the
 * schema describes the API (SDL, rule map) but no resolver can run.
 */
export async function buildAppSchema(opts: { authorization?: boolean; container?: ContainerType } = {}): Promise<GraphQLSchema> {
  return (await buildAppSchemas({ ...opts, decided: false })).schema;
}

/**
 * The server's schemas from one type-graphql build (graphql-middleware returns new schemas and leaves
 * the one it is given as it was): the one shield guards field by field, and with `decided`, the schema
 * for requests whose every statically decidable rule granted before execution (AuthorizationPlan):
 * shield guards there only the fields whose rules look at arguments or parents; the plan that tells
 * when it may be used comes with it.
 */
export async function buildAppSchemas(opts: { authorization?: boolean; decided?: boolean; container?: ContainerType }): Promise<{
  schema: GraphQLSchema; decided?: { schema: GraphQLSchema; plan: AuthorizationPlan };
}> {
  const types = await buildTypeSchema(opts.container);
  if (opts.authorization === false) return { schema: types };
  const schema = applyMiddleware(types, permissions());
  if (!opts.decided) return { schema };
  return { schema, decided: { schema: applyMiddleware(types, permissions(runtimeTree(types, RULE_TREE))), plan: new AuthorizationPlan(types, RULE_TREE) } };
}

/** The schema without the authorization middleware (emitting SDL, benchmarks' "authorization off"). */
export async function buildTypeSchema(container: ContainerType = NO_SERVICES): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS as unknown as [Function, ...Function[]],
    container,
    validate: { forbidUnknownValues: false, stopAtFirstError: false },
    emitSchemaFile: false,
  });
}

/** The SDL committed as schema/schema.graphql (sorted, so the diff shows only real changes). */
export function schemaSdl(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
