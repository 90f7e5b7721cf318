import { GraphQLError } from 'graphql';

/** The error codes of DESIGN.md §9 and the HTTP status each carries when raised before execution. */
export const ERROR_STATUS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  APPLICATION_DISABLED: 403,
  ORGANIZATION_NOT_ACTIVE: 403,
  MOU_EXPIRED: 403,
  MOU_TERMINATED: 403,
  IP_NOT_ALLOWED: 403,
  SHARING_SUSPENDED: 403,
  PURPOSE_NOT_APPROVED: 403,
  CONSENT_REQUIRED: 403,
  THROTTLED: 429,
  DAILY_RECORD_QUOTA_EXCEEDED: 429,
  QUERY_TOO_COMPLEX: 400,
  QUERY_TOO_DEEP: 400,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * An expected failure: a code from DESIGN.md §9 and a message saying what was wrong and what to do.
 * Services throw these; they are mapped to GraphQL errors (and HTTP statuses) in one place.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
  get httpStatus(): number {
    return ERROR_STATUS[this.code];
  }
  toGraphQLError(): GraphQLError {
    return new GraphQLError(this.message, {
      extensions: { ...this.extensions, code: this.code, http: { status: this.httpStatus } },
    });
  }
  /** Body for errors raised outside GraphQL execution (gate, upload, token endpoint). */
  toJSON() {
    return { errors: [{ message: this.message, extensions: { ...this.extensions, code: this.code } }] };
  }
}

/** Where in the query text a problem is (1-based, as GraphQL reports it). */
export interface SourceLocation { line: number; column: number }

/**
 * A document GraphQL itself refuses (syntax, validation), answered before execution with every
 * problem GraphQL found, each with its location, under one §9 code.
 */
export class DocumentError extends DomainError {
  constructor(
    code: 'GRAPHQL_PARSE_FAILED' | 'GRAPHQL_VALIDATION_FAILED',
    readonly problems: { message: string; locations?: readonly SourceLocation[]; extensions?: Record<string, unknown> }[],
  ) {
    super(code, problems[0]?.message ?? 'The document is not valid GraphQL.');
    this.name = 'DocumentError';
  }
  override toJSON() {
    return {
      errors: this.problems.map((p) => ({
        message: p.message, ...(p.locations?.length ? { locations: p.locations } : {}), extensions: { ...p.extensions, code: this.code },
      })),
    };
  }
}

export const badInput = (message: string, extensions: Record<string, unknown> = {}) => new DomainError('BAD_USER_INPUT', message, extensions);
export const notFound = (message: string) => new DomainError('NOT_FOUND', message);
export const conflict = (message: string, extensions: Record<string, unknown> = {}) => new DomainError('CONFLICT', message, extensions);
export const forbidden = (message: string, extensions: Record<string, unknown> = {}) => new DomainError('FORBIDDEN', message, extensions);
export const unauthenticated = (message = 'Authentication required: send "Authorization: Bearer <token>" (POST /oauth/token or POST /auth/login).') =>
  new DomainError('UNAUTHENTICATED', message);

/** True for errors that mean the database (or another dependency) is unreachable. */
export function isUnavailable(err: unknown): boolean {
  const e = err as { code?: string; errno?: number; message?: string } | undefined;
  if (!e) return false;
  const codes = ['ECONNREFUSED', 'ECONNRESET', 'PROTOCOL_CONNECTION_LOST', 'ETIMEDOUT', 'EPIPE', 'ER_CON_COUNT_ERROR', 'POOL_CLOSED', 'PROTOCOL_SEQUENCE_TIMEOUT', 'SQLITE_BUSY', 'EHOSTUNREACH',
    // mysql2's pool cluster (replication): every server of the kind asked for is offline just now.
    'POOL_NONEONLINE', 'POOL_NOEXIST'];
  if (e.code && codes.includes(e.code)) return true;
  // Also matched in the message: an error from another realm reaches formatError re-wrapped, with its code only in the text.
  return /ECONNREFUSED|ECONNRESET|PROTOCOL_CONNECTION_LOST|EHOSTUNREACH|Connection lost|Pool is closed|Can't add new command when connection is in closed state|Cannot enqueue|database is locked/i.test(e.message ?? '');
}
