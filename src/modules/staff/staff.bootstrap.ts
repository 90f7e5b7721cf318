import { hostname, userInfo } from 'node:os';
import type { DataSource } from 'typeorm';
import { isEmail } from 'class-validator';
import { hashSecret, randomSecret } from '../../core/auth/secrets';
import { Role, STAFF_ROLES } from '../../core/authz/scopes';
import { badInput, conflict } from '../../core/errors/errors';
import { recordCommandAudit } from '../oversight/admin-audit';
import { UserAccountEntity, UserStatus } from './staff.entity';
import { passwordProblem } from './staff.service';

/** The name a staff user gets when the operator gives none. */
const ROLE_TITLES: Record<string, string> = {
  [Role.DEPWD_ADMIN]: 'DEPwD Administrator',
  [Role.NIC_OPERATOR]: 'NIC Operator',
  [Role.INTEGRATION_ENGINEER]: 'Integration Engineer',
  [Role.ANALYST]: 'DEPwD Analyst',
};

export interface NewStaffUser { role: string; email: string; name?: string; password: string }

const isUniqueViolation = (e: unknown) => /UNIQUE constraint failed|Duplicate entry|ER_DUP_ENTRY/i.test(String((e as Error)?.message ?? e));

/** A random password that passes the password rule (24 base64url characters: about 144 bits). */
export function generatePassword(email: string): string {
  for (;;) {
    const p = randomSecret(18);
    if (!passwordProblem(p, email)) return p;
  }
}

/** Role, email, name and password checked (BAD_USER_INPUT saying what to change); normalised values. */
export function checkNewStaff(input: NewStaffUser): { role: Role; email: string; name: string } {
  const role = input.role.trim().toUpperCase();
  if (!(STAFF_ROLES as string[]).includes(role)) {
    throw badInput(`--role must be one of ${STAFF_ROLES.join(', ')}, got ${JSON.stringify(input.role)}. Partner admins are created when NIC activates their organisation.`);
  }
  const email = input.email.trim().toLowerCase();
  if (email.length > 160 || !isEmail(email)) throw badInput(`--email must be an email address such as director@depwd.gov.in, got ${JSON.stringify(input.email)}.`);
  const name = (input.name ?? ROLE_TITLES[role]).trim();
  if (name.length < 2 || name.length > 120) throw badInput('--name must be 2 to 120 characters.');
  if (input.password.length > 200) throw badInput('Refused: password must be at most 200 characters.');
  const problem = passwordProblem(input.password, email);
  if (problem) throw badInput(`Refused: ${problem}. Choose a stronger password, or leave out --password-stdin to have one generated.`);
  return { role: role as Role, email, name };
}

/**
 * Creates an active staff user from the server's command line (`npm run staff:create`), the way the
 * first DEPwD admin of a production database comes to exist: role and email checked, the password
 * held to the same rule as activateAccount, a duplicate email refused, and the step written to the
 * admin audit trail with the command as actor, in the same transaction.
 * Expected failures are DomainErrors (BAD_USER_INPUT, CONFLICT) whose message says what to change.
 */
export async function createStaffFromCommand(ds: DataSource, input: NewStaffUser, now = new Date()): Promise<UserAccountEntity> {
  const { role, email, name } = checkNewStaff(input);
  const passwordHash = await hashSecret(input.password);
  const at = new Date(Math.floor(now.getTime()));
  try {
    return await ds.transaction(async (m) => {
      const clash = await m.findOneBy(UserAccountEntity, { email });
      if (clash) throw duplicate(email, clash);
      const user = await m.save(m.create(UserAccountEntity, {
        email, name, role, organizationId: null, passwordHash, status: UserStatus.ACTIVE,
        failedLogins: 0, lockedUntil: null, activatedAt: at, lastLoginAt: null, createdAt: at,
      }));
      await recordCommandAudit(m, at, { name: 'staff:create', osUser: osUser(), host: hostname() }, {
        action: 'CREATE_STAFF_USER', targetType: 'USER', targetId: user.id, after: UserStatus.ACTIVE, details: { role, email },
      });
      return user;
    });
  } catch (e) {
    // Two commands at the same moment: the unique index decides, and the loser is told the same thing.
    if (isUniqueViolation(e)) throw duplicate(email, await ds.getRepository(UserAccountEntity).findOneBy({ email }));
    throw e;
  }
}

function duplicate(email: string, existing: UserAccountEntity | null) {
  const what = existing ? ` (user ${existing.id}, ${existing.role}, ${existing.status.toLowerCase()})` : '';
  return conflict(`A user with the email ${email} already exists${what}; nothing was changed. Use another email (a disabled account is enabled again by a NIC operator: enableUser).`);
}

function osUser(): string {
  try { return userInfo().username; } catch { return 'unknown'; }
}

/** Whether the database has an active DEPwD admin (the production banner says how to create the first). */
export async function hasActiveDepwdAdmin(ds: DataSource): Promise<boolean> {
  return (await ds.getRepository(UserAccountEntity).countBy({ role: Role.DEPWD_ADMIN, status: UserStatus.ACTIVE })) > 0;
}
