import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { applyMiddleware } from 'graphql-middleware';
import { RESOLVERS } from './resolvers';
import { permissions } from './permissions';

/** Builds the executable schema from the type-graphql resolvers (validation on input classes). */
export async function buildAppSchema(opts: { authorization?: boolean } = {}): Promise<GraphQLSchema> {
  const schema = await buildTypeSchema();
  return opts.authorization === false ? schema : applyMiddleware(schema, permissions());
}

/** The schema without the authorization middleware (emitting SDL, benchmarks' "authorization off"). */
export async function buildTypeSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS as unknown as [Function, ...Function[]],
    validate: { forbidUnknownValues: false, stopAtFirstError: false },
    emitSchemaFile: false,
  });
}

/** The SDL committed as schema/schema.graphql (sorted, so the diff shows only real changes). */
export function schemaSdl(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
