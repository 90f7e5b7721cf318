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
  const schema = await buildTypeSchema(opts.container);
  return opts.authorization === false ? schema : applyMiddleware(schema, permissions());
}

/**
 * The schema for requests whose every statically decidable rule granted before execution
 * (AuthorizationPlan): shield guards only the fields whose rules look at arguments or parents; the plan
 * that tells when it may be used comes with it.
 */
export async function buildDecidedSchema(container?: ContainerType): Promise<{ schema: GraphQLSchema; plan: AuthorizationPlan }> {
  const schema = await buildTypeSchema(container);
  return { schema: applyMiddleware(schema, permissions(runtimeTree(schema, RULE_TREE))), plan: new AuthorizationPlan(schema, RULE_TREE) };
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
