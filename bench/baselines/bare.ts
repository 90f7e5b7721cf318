/**
 * Baseline "bare": what a team would build without the security — Apollo Server 5 + type-graphql +
 * TypeORM (repository with relations), nothing else: no token, gate, shield, cost, budget or access log.
 * Usage: ts-node --transpile-only bench/baselines/bare.ts [port]   (DATABASE_URL or SQLITE_PATH as for the app)
 */
import 'reflect-metadata';
import http from 'node:http';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { Arg, Field, ObjectType, Query, Resolver, buildSchema } from 'type-graphql';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/app/database';
import { PwdRecordEntity } from '../../src/modules/pwd/pwd.entity';

@ObjectType()
class BarePwd {
  @Field() udid!: string;
  @Field() cardStatus!: string;
  @Field() name!: string;
  @Field({ nullable: true }) nameRegional?: string;
  @Field() guardianName!: string;
  @Field() gender!: string;
  @Field() dateOfBirth!: string;
  @Field(() => [String]) disabilities!: string[];
  @Field() disabilityPercentage!: number;
  @Field() certificateType!: string;
  @Field() certificateNumber!: string;
  @Field() certificateIssuedOn!: string;
  @Field({ nullable: true }) validUntil?: string;
  @Field() issuingAuthority!: string;
}

let ds: DataSource;

@Resolver()
class BareResolver {
  @Query(() => BarePwd, { nullable: true })
  async pwd(@Arg('udid') udid: string): Promise<BarePwd | null> {
    const e = await ds.getRepository(PwdRecordEntity).findOne({ where: { udid }, relations: { disabilities: true } });
    if (!e) return null;
    return { ...e, nameRegional: e.nameRegional ?? undefined, validUntil: e.validUntil ?? undefined, disabilities: (e.disabilities ?? []).map((d) => d.type) };
  }
}

async function main() {
  const port = Number(process.argv[2] ?? 0);
  ds = new DataSource(dataSourceOptions({ databaseUrl: process.env.DATABASE_URL || undefined, sqlitePath: process.env.SQLITE_PATH ?? 'data/udid.sqlite' }));
  await ds.initialize();
  const schema = await buildSchema({ resolvers: [BareResolver], validate: false });
  const app = express();
  const server = http.createServer(app);
  server.keepAliveTimeout = 65_000;
  const apollo = new ApolloServer({ schema });
  await apollo.start();
  app.use('/graphql', express.json(), expressMiddleware(apollo));
  // Port 0 (the default): the system picks a free one, printed for the harness.
  server.listen(port, '127.0.0.1', () => process.stdout.write(`bare listening on ${(server.address() as import('node:net').AddressInfo).port}\n`));
}
main().catch((e) => { console.error(e); process.exit(1); });
