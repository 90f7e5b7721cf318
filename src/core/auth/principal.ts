import { Role, Scope } from '../authz/scopes';

/** Who is calling. Resolved once per request from the Bearer token and the request gate. */
export type Principal =
  | { kind: 'anonymous' }
  | {
      kind: 'application';
      applicationId: number;
      organizationId: number;
      clientId: string;
      /** Scopes on this token (approved scopes, possibly narrowed at /oauth/token). */
      scopes: ReadonlySet<Scope>;
    }
  | { kind: 'user'; userId: number; role: Role; organizationId: number | null; email: string };

export const ANONYMOUS: Principal = { kind: 'anonymous' };

export type ApplicationPrincipal = Extract<Principal, { kind: 'application' }>;
export type UserPrincipal = Extract<Principal, { kind: 'user' }>;
