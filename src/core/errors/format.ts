import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import { DomainError, isUnavailable } from './errors';
import { hideSuggestions } from '../authz/schema-privacy.plugin';

const KNOWN_CODES = new Set([
  'UNAUTHENTICATED', 'FORBIDDEN', 'APPLICATION_DISABLED', 'ORGANIZATION_NOT_ACTIVE', 'MOU_EXPIRED', 'MOU_TERMINATED',
  'IP_NOT_ALLOWED', 'SHARING_SUSPENDED', 'THROTTLED', 'DAILY_RECORD_QUOTA_EXCEEDED', 'QUERY_TOO_COMPLEX', 'QUERY_TOO_DEEP',
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'SERVICE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR',
]);

function flattenValidation(errors: ValidationError[], prefix = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
    return own.concat(flattenValidation(e.children ?? [], field));
  });
}

/**
 * The one place where errors become what a caller sees (STYLE.md habit 9): domain errors keep
 * their code and message; validation failures list every bad field; anything unexpected is masked.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  opts: { development: boolean; onUnexpected: (err: unknown) => void },
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { message: hideSuggestions(formatted.message), locations: formatted.locations, path: formatted.path };
  if (original instanceof DomainError) {
    return { ...base, message: original.message, extensions: { ...original.extensions, code: original.code } };
  }
  if (original instanceof ArgumentValidationError) {
    const invalid = flattenValidation(original.extensions.validationErrors as ValidationError[]);
    const message = 'Invalid input: ' + invalid.map((i) => `${i.field}: ${i.problems.join('; ')}`).join(' | ');
    return { ...base, message, extensions: { code: 'BAD_USER_INPUT', invalidFields: invalid } };
  }
  if (isUnavailable(original)) {
    return { ...base, message: 'The service is temporarily unavailable (database unreachable); retry shortly.', extensions: { code: 'SERVICE_UNAVAILABLE' } };
  }
  const code = formatted.extensions?.code as string | undefined;
  const isGraphQLOwn = original instanceof GraphQLError && !(original as GraphQLError).originalError;
  if (code && KNOWN_CODES.has(code) && code !== 'INTERNAL_SERVER_ERROR' && (isGraphQLOwn || !(original instanceof Error) || original instanceof GraphQLError)) {
    const { stacktrace: _s, ...ext } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { ...base, extensions: { ...ext, code } };
  }
  if (code === 'PERSISTED_QUERY_NOT_FOUND' || code === 'PERSISTED_QUERY_NOT_SUPPORTED' || code === 'OPERATION_RESOLUTION_FAILURE' || code === 'BAD_REQUEST') {
    return { ...base, extensions: { code: 'BAD_USER_INPUT' } };
  }
  opts.onUnexpected(original);
  return {
    ...base,
    message: opts.development ? `Internal error: ${(original as Error)?.message ?? String(original)}` : 'Internal error. Quote the x-request-id response header when you report it.',
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
