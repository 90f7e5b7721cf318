/** Writes schema/schema.graphql from the code (npm run schema:emit). A test fails when it is stale. */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildAppSchema, schemaSdl } from '../app/schema';

buildAppSchema().then((schema) => {
  writeFileSync(resolve(__dirname, '../../schema/schema.graphql'), schemaSdl(schema));
  process.stdout.write('schema/schema.graphql written\n');
});
