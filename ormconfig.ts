import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfigOrExit } from './src/core/config/config';
import { dataSourceOptions } from './src/app/database';

export { dataSourceOptions } from './src/app/database';
export type { DbTarget } from './src/app/database';

/**
 * Used by the TypeORM CLI (`npm run typeorm -- migration:run`). The app and the tests import
 * src/app/database instead, so nothing reads the configuration when they load: a bad setting is
 * reported by the entry point, as one line with exit code 78 (here too).
 */
// Migrations sign nothing: the CLI needs no signing key (SIGNING_KEY_FILE), even in production.
const cfg = loadConfigOrExit(process.env, { persistSecret: false, signingKeys: false });
export default new DataSource(dataSourceOptions({ databaseUrl: cfg.databaseUrl, sqlitePath: cfg.sqlitePath }));
