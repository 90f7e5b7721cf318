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
      /** The approved purpose the token was issued for (DESIGN.md §11): its scopes and daily quota apply. */
      purposeId: number;
      purposeCode: string;
      /** The purpose rests on consent: each record needs a live consent artefact covering it. */
      consentRequired: boolean;
    }
  | { kind: 'user'; userId: number; role: Role; organizationId: number | null; email: string };

export const ANONYMOUS: Principal = { kind: 'anonymous' };

export type ApplicationPrincipal = Extract<Principal, { kind: 'application' }>;
export type UserPrincipal = Extract<Principal, { kind: 'user' }>;
