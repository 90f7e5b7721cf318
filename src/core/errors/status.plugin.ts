import type { ApolloServerPlugin } from '@apollo/server';

/**
 * A request that failed because a dependency is down answers HTTP 503 with Retry-After, whatever
 * stage raised it, so partners' clients and load balancers can back off and retry.
 */
export function unavailableStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors;
          if (errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) {
            response.http.status = 503;
            response.http.headers.set('retry-after', '5');
          }
        },
      };
    },
  };
}
