import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';

/** Retry-After for a refusal that says when to come back; the longest one wins. */
function retryAfter(errors: readonly GraphQLFormattedError[], code: string): number | null {
  const waits = errors.filter((e) => e.extensions?.code === code).map((e) => e.extensions?.retryAfterSeconds).filter((s): s is number => typeof s === 'number');
  return waits.length ? Math.max(...waits) : null;
}

/**
 * HTTP statuses for refusals raised during execution, whatever stage raised them (DESIGN.md §9), so
 * partners' clients, proxies and load balancers can back off: a dependency down answers 503 with
 * Retry-After; a request that got nothing because it was THROTTLED (a registration or sign-in
 * limit, say) answers 429 with Retry-After.
 */
export function errorStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { errors, data } = response.body.singleResult;
          if (!errors?.length) return;
          if (errors.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) {
            response.http.status = 503;
            response.http.headers.set('retry-after', '5');
            return;
          }
          // Only when nothing was answered: a partial answer with one throttled field stays 200.
          const nothing = data == null || Object.values(data).every((v) => v == null);
          if (nothing && errors.some((e) => e.extensions?.code === 'THROTTLED')) {
            response.http.status = 429;
            response.http.headers.set('retry-after', String(retryAfter(errors, 'THROTTLED') ?? 60));
          }
        },
      };
    },
  };
}
