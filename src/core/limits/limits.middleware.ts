import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { GraphQLSchema, Kind } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../../app/context';
import type { Services } from '../../app/services';
import { DomainError } from '../errors/errors';
import { actualCost, AnalysisCache, DocumentAnalysis, documentSizeError, requestedCost } from './document.analysis';
import { STATIC_LIMITS } from './limits.config';
import { AppBudget, costReport, CostReport } from './budget.service';

/** What the limits established about a request before execution (kept on res.locals, then on the context). */
export interface RequestCost {
  analysis: DocumentAnalysis;
  operationName: string | null;
  variables: Record<string, unknown>;
  requested: number;
  budget: AppBudget | null;
}

function reject(res: Response, e: DomainError, cost: CostReport | null): void {
  const retry = e.extensions.retryAfterSeconds;
  if (typeof retry === 'number') res.setHeader('Retry-After', String(retry));
  res.status(e.httpStatus).json({ ...e.toJSON(), ...(cost ? { extensions: { cost } } : {}) });
}

/**
 * Static limits (DESIGN.md §7), before authentication and before Apollo: one operation per
 * request, document size, tokens, aliases, directives, depth, computed cost. The analysis of a
 * query text is cached, so the hot path pays for it once per distinct document.
 */
export function staticLimits(schema: GraphQLSchema): RequestHandler {
  const cache = new AnalysisCache(schema);
  const L = STATIC_LIMITS;
  return (req: Request, res: Response, next: NextFunction) => {
    const body = req.body as unknown;
    if (Array.isArray(body)) {
      return reject(res, new DomainError('BAD_USER_INPUT', 'Batched requests (a JSON array of operations) are not accepted: send one operation per HTTP request.', { limit: 'operationsPerRequest', maximum: 1 }), null);
    }
    const b = body as { query?: unknown; operationName?: unknown; variables?: unknown } | undefined;
    if (!b || typeof b.query !== 'string') return next(); // Apollo explains what is missing
    // Before the analysis cache, so that oversized texts are neither parsed nor kept.
    const tooLarge = documentSizeError(b.query);
    if (tooLarge) return reject(res, tooLarge, null);
    const result = cache.get(b.query);
    if (!result.ok) {
      if (!result.error) return next(); // a syntax or fragment error: GraphQL reports it
      return reject(res, result.error, null);
    }
    const operationName = typeof b.operationName === 'string' ? b.operationName : null;
    const variables = b.variables && typeof b.variables === 'object' && !Array.isArray(b.variables) ? b.variables as Record<string, unknown> : {};
    let requested: number;
    try {
      requested = requestedCost(schema, result.analysis, operationName, variables);
    } catch {
      return next(); // bad variables or unknown operation: GraphQL reports it without executing
    }
    if (requested > L.maxCost) {
      return reject(res, new DomainError('QUERY_TOO_COMPLEX',
        `The query would cost ${requested} points; at most ${L.maxCost} are allowed per query. Ask for fewer records (first) or fewer fields.`,
        { limit: 'cost', maximum: L.maxCost, requestedQueryCost: requested }), costReport(requested, 0, null, null));
    }
    res.locals.cost = { analysis: result.analysis, operationName, variables, requested, budget: null } satisfies RequestCost;
    next();
  };
}

function operationNameOf(a: DocumentAnalysis): string | null {
  const ops = a.document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  return ops.length === 1 && ops[0].kind === Kind.OPERATION_DEFINITION ? ops[0].name?.value ?? null : null;
}

/** After the gate: an application may run the query only if its budget and daily quota allow. */
export function budgetGate(services: Services): RequestHandler {
  return async (_req: Request, res: Response, next: NextFunction) => {
    const ctx = res.locals.ctx as RequestContext | undefined;
    const cost = res.locals.cost as RequestCost | undefined;
    if (!ctx || !cost) return next();
    ctx.cost = cost;
    // The access log names the operation even when the client did not send operationName.
    if (!ctx.operationName) ctx.operationName = operationNameOf(cost.analysis);
    const p = ctx.principal;
    if (p.kind !== 'application') return next();
    try {
      cost.budget = services.gate.budgetOf(p.applicationId);
      await services.budget.admit(p.applicationId, cost.budget, cost.requested);
      next();
    } catch (err) {
      if (!(err instanceof DomainError)) return next(err);
      services.usage.add(p.applicationId, ctx.clock.today(), { requests: 1, errors: 1 });
      if (err.code === 'THROTTLED' || err.code === 'DAILY_RECORD_QUOTA_EXCEEDED') services.metrics.budgetRejections.inc({ code: err.code });
      const available = typeof err.extensions.currentlyAvailable === 'number' ? err.extensions.currentlyAvailable : null;
      reject(res, err, costReport(cost.requested, 0, cost.budget, available));
    }
  };
}

/** Adds extensions.cost to every GraphQL response, charges the actual cost and counts usage. */
export function costPlugin(schema: GraphQLSchema): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue: ctx, response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const c = ctx.cost;
          const requested = c?.requested ?? 0;
          const actual = c ? actualCost(schema, c.analysis, c.operationName, c.variables, result.data as Record<string, unknown> | null, requested) : 0;
          let report = costReport(requested, actual, null, null);
          const p = ctx.principal;
          if (p.kind === 'application') {
            const b = c?.budget ?? ctx.services.gate.budgetOf(p.applicationId);
            try {
              const settled = await ctx.services.budget.settle(p.applicationId, b, requested, actual, ctx.servedRecords);
              report = settled.report;
              if (ctx.servedRecords.size) ctx.services.scraping.observeServed(p.applicationId, ctx.servedRecords);
              ctx.services.usage.add(p.applicationId, ctx.clock.today(), {
                requests: 1, records: ctx.servedRecords.size, cost: actual, errors: result.errors?.length ? 1 : 0,
                distinctRecords: settled.recordsToday,
              });
            } catch (err) {
              ctx.log.error({ err: (err as Error).message }, 'could not settle the cost budget');
            }
          }
          result.extensions = { ...(result.extensions ?? {}), cost: report };
        },
      };
    },
  };
}
