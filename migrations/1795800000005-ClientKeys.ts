import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * Strong client authentication (issue 17): an application may register public keys (a JWKS) for
 * RFC 7523 client assertions, switch its client secret off, and DEPwD may require DPoP-bound tokens
 * (RFC 9449). QueryRunner API only, so it runs on SQLite and MySQL/MariaDB alike.
 */
export class ClientKeys1795800000005 implements MigrationInterface {
  name = 'ClientKeys1795800000005';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('application', [
      new TableColumn({ name: 'client_jwks', type: 'text', isNullable: true }),
      new TableColumn({ name: 'client_secret_enabled', type: 'boolean', isNullable: false, default: true }),
      new TableColumn({ name: 'dpop_required', type: 'boolean', isNullable: false, default: false }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('application', 'dpop_required');
    await q.dropColumn('application', 'client_secret_enabled');
    await q.dropColumn('application', 'client_jwks');
  }
}
