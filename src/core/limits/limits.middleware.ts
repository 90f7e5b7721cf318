import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { GraphQLSchema, Kind } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../request/context';
import { DomainError } from '../errors/errors';
import type { Logger } from '../logger';
import { actualCost, AnalysisCache, chosenOperation, DocumentAnalysis, documentSizeError, requestedCost } from './document.analysis';
import { STATIC_LIMITS } from './limits.config';
import { AppBudget, BudgetKind, BudgetService, costReport, CostReport, secondsToIstMidnight } from './budget.service';

/** What the limits established about a request before execution (kept on res.locals, then on the context). */
export interface RequestCost {
  analysis: DocumentAnalysis;
  operationName: string | null;
  variables: Record<string, unknown>;
  /** Worst-case cost of the operation with these variables. */
  requested: number;
  /** Name of the operation that was priced (GraphQL must run this one). */
  pricedOperation: string | null;
  /** Root fields of the priced operation. */
  rootFields: string[];
  /** The bucket that pays, and the points taken from it before execution (0 until the budget gate took them). */
  kind: BudgetKind;
  reserved: number;
  budget: AppBudget | null;
}

function reject(res: Response, e: DomainError, cost: CostReport | null): void {
  const retry = e.extensions.retryAfterSeconds;
  if (typeof retry === 'number') res.setHeader('Retry-After', String(retry));
  res.status(e.httpStatus).json({ ...e.toJSON(), ...(cost ? { extensions: { cost } } : {}) });
}

/**
 * Static limits (DESIGN.md §7, §11), before authentication and before Apollo: one operation per
 * request, document size, tokens, fragments, aliases, directives, fragment expansion, repeated
 * response names, depth, GraphQL's own syntax and validation, computed cost. Fails closed: a document
 * that cannot be priced is refused here with a §9 code (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED
 * with GraphQL's message and location), and costGuardPlugin refuses to execute any operation this
 * step did not price. The analysis of a query text is cached.
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
    if (!b || typeof b.query !== 'string') return next(); // Apollo explains what is missing (and runs nothing)
    // Before the analysis cache, so that oversized texts are neither parsed nor kept.
    const tooLarge = documentSizeError(b.query);
    if (tooLarge) return reject(res, tooLarge, null);
    const result = cache.get(b.query);
    if (!result.ok) return reject(res, result.error, null);
    const operationName = typeof b.operationName === 'string' ? b.operationName : null;
    const variables = b.variables && typeof b.variables === 'object' && !Array.isArray(b.variables) ? b.variables as Record<string, unknown> : {};
    let requested: number;
    let priced: string | null;
    try {
      priced = chosenOperation(result.analysis.document, operationName).name?.value ?? null;
      requested = requestedCost(schema, result.analysis, operationName, variables);
    } catch (err) {
      if (err instanceof DomainError) return reject(res, err, null);
      return next(err);
    }
    if (requested > L.maxCost) {
      return reject(res, new DomainError('QUERY_TOO_COMPLEX',
        `The query would cost ${requested} points; at most ${L.maxCost} are allowed per query. Ask for fewer records (first) or fewer fields.`,
        { limit: 'cost', maximum: L.maxCost, requestedQueryCost: requested }), costReport(requested, 0, null, null));
    }
    const rootFields = result.analysis.rootFields.get(priced ?? '') ?? [];
    res.locals.cost = { analysis: result.analysis, operationName, variables, requested, pricedOperation: priced, rootFields, kind: 'read', reserved: 0, budget: null } satisfies RequestCost;
    next();
  };
}

/** What the budget gate and the cost plugin need of the running instance. */
export interface BudgetDeps {
  budget: BudgetService;
  budgetOf(applicationId: number, purposeId?: number): AppBudget;
  /** Root fields whose operations are paid from the reporting bucket (benefit reporting and `me`). */
  reportingFields: ReadonlySet<string>;
  countRequest(applicationId: number, day: string, d: { requests?: number; errors?: number; records?: number; cost?: number; distinctRecords?: number }): void;
  rejected(code: string): void;
}

/**
 * After the gate: an application's requested (worst-case) cost is taken from its bucket before the
 * operation runs (atomically, so concurrent requests cannot spend the same points) or the request is
 * refused with THROTTLED. Reporting (every root field a reporting one) has a bucket of its own, so
 * reads never block it. The daily record quota is not predicted here: the disclosure ledger enforces
 * it per record.
 */
export function budgetGate(deps: BudgetDeps): RequestHandler {
  return async (_req: Request, res: Response, next: NextFunction) => {
    const ctx = res.locals.ctx as RequestContext | undefined;
    const cost = res.locals.cost as RequestCost | undefined;
    if (!ctx || !cost) return next();
    ctx.cost = cost;
    // The access log names the operation even when the client did not send operationName.
    if (!ctx.operationName) ctx.operationName = cost.pricedOperation;
    const p = ctx.principal;
    if (p.kind !== 'application') return next();
    try {
      cost.budget = ctx.ledger.budget = deps.budgetOf(p.applicationId, p.purposeId);
      cost.kind = cost.rootFields.length && cost.rootFields.every((f) => deps.reportingFields.has(f)) ? 'report' : 'read';
      await deps.budget.reserve(p.applicationId, cost.kind, cost.budget, cost.requested);
      cost.reserved = cost.requested;
      next();
    } catch (err) {
      if (!(err instanceof DomainError)) return next(err);
      deps.countRequest(p.applicationId, ctx.clock.today(), { requests: 1, errors: 1 });
      deps.rejected(err.code);
      const available = typeof err.extensions.currentlyAvailable === 'number' ? err.extensions.currentlyAvailable : null;
      reject(res, err, costReport(cost.requested, 0, cost.budget, available));
    }
  };
}

/**
 * Fail-closed backstop: no operation executes unless the static limits priced exactly it (and, for
 * an application, the budget gate took its cost). Should never trigger; if a path ever skipped the
 * limits, the request is refused instead of running at cost 0.
 */
export function costGuardPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue: ctx, operation }) {
          const c = ctx.cost;
          const priced = !!c && (operation?.name?.value ?? null) === c.pricedOperation
            && (ctx.principal.kind !== 'application' || c.reserved === c.requested);
          if (!priced) throw new DomainError('QUERY_TOO_COMPLEX', 'The query could not be priced, so it was not run.', { limit: 'cost' });
        },
      };
    },
  };
}

/**
 * Adds extensions.cost to every GraphQL response and settles the budget: the bucket keeps the actual
 * cost (priced from what was returned; never less, since a failure to reprice keeps the worst case).
 * A request whose every record was withheld for the quota answers 429 with Retry-After.
 */
export function costPlugin(schema: GraphQLSchema, deps: BudgetDeps, log: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue: ctx, response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const c = ctx.cost;
          const requested = c?.requested ?? 0;
          let actual = requested;
          try {
            if (c) actual = actualCost(schema, c.analysis, c.operationName, c.variables, result.data as Record<string, unknown> | null, requested);
          } catch { /* keep the worst case */ }
          let report = costReport(requested, actual, null, null);
          const p = ctx.principal;
          const ledger = ctx.ledger;
          ledger.finish((result.data ?? null) as Record<string, unknown> | null);
          if (p.kind === 'application' && c?.budget && c.reserved) {
            try {
              report = await deps.budget.settle(p.applicationId, c.kind, c.budget, c.reserved, actual);
            } catch (err) {
              // The worst case stays charged: nothing is refunded when the store cannot be reached.
              log.error({ err: (err as Error).message }, 'could not settle the cost budget; the requested cost stays charged');
              report = costReport(requested, requested, c.budget, null);
            }
            deps.countRequest(p.applicationId, ctx.clock.today(), {
              requests: 1, records: ledger.served.size, cost: report.actualQueryCost, errors: result.errors?.length ? 1 : 0,
              distinctRecords: Math.max(0, ledger.recordsToday),
            });
          }
          if (ledger.withheld && !ledger.served.size) {
            response.http.status = 429;
            response.http.headers.set('retry-after', String(secondsToIstMidnight(ctx.clock.now())));
            deps.rejected('DAILY_RECORD_QUOTA_EXCEEDED');
          }
          result.extensions = { ...(result.extensions ?? {}), cost: report };
        },
      };
    },
  };
}
