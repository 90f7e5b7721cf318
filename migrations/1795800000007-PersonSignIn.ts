import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

const id = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const, isNullable: false };
const str = (name: string, length: number, isNullable = false) => ({ name, type: 'varchar', length: String(length), isNullable });
const at = (name: string, isNullable = false) => ({ name, type: 'datetime', precision: 3, isNullable });

/**
 * The PwD's own view at /me/record (issue 18): person_sign_in (a one-time code asked for with UDID + date
 * of birth: only its keyed hash, expiry and tries; `udid` null when the details did not match, so the
 * row exists either way) and person_session (a signed-in person: the cookie's token as a hash, 15 minutes).
 * QueryRunner API only, so it runs on SQLite and MySQL/MariaDB alike.
 */
export class PersonSignIn1795800000007 implements MigrationInterface {
  name = 'PersonSignIn1795800000007';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'person_sign_in',
      columns: [
        id, str('challenge_hash', 64), str('udid', 18, true), str('code_hash', 64), { name: 'attempts', type: 'int', isNullable: false, default: 0 },
        at('created_at'), at('expires_at'), at('used_at', true),
      ],
      indices: [
        new TableIndex({ name: 'uq_person_sign_in_challenge', columnNames: ['challenge_hash'], isUnique: true }),
        new TableIndex({ name: 'ix_person_sign_in_expires', columnNames: ['expires_at'] }),
      ],
    }), true);
    await q.createTable(new Table({
      name: 'person_session',
      columns: [id, str('token_hash', 64), str('udid', 18), at('created_at'), at('expires_at'), at('ended_at', true)],
      indices: [
        new TableIndex({ name: 'uq_person_session_token', columnNames: ['token_hash'], isUnique: true }),
        new TableIndex({ name: 'ix_person_session_udid', columnNames: ['udid', 'id'] }),
        new TableIndex({ name: 'ix_person_session_expires', columnNames: ['expires_at'] }),
      ],
    }), true);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('person_session', true);
    await q.dropTable('person_sign_in', true);
  }
}
