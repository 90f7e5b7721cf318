import type { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, Kind, visit, BREAK } from 'graphql';
import type { RequestContext } from '../request/context';
import { unauthenticated } from '../errors/errors';

/** True when the operation asks for the schema itself (`__schema` / `__type`, in fragments too). `__typename` is not introspection. */
export function usesIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.FIELD](node) {
      if (node.name.value === '__schema' || node.name.value === '__type') { found = true; return BREAK; }
      return undefined;
    },
  });
  return found;
}

/**
 * Introspection only for authenticated callers (DESIGN.md §7): an anonymous caller learns nothing of
 * the schema beyond what the public operations need.
 */
export function introspectionGatePlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document }) {
          if (contextValue.principal.kind === 'anonymous' && usesIntrospection(document)) {
            throw unauthenticated('Introspection needs a token: sign in (POST /auth/login) or use an application token (POST /oauth/token).').toGraphQLError();
          }
        },
      };
    },
  };
}

/**
 * "Did you mean …?" hints name fields, types and enum values. Apollo's hideSchemaDetailsFromClientErrors
 * strips them from validation errors only; variable coercion ('Field "stat" is not defined by type
 * "PwdFilter". Did you mean "state"?') and enum parsing are execution errors, so every message
 * passes through this in formatError.
 */
export function hideSuggestions(message: string): string {
  return message.replace(/ ?Did you mean [^?]*\?/g, '');
}
