import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import type { Principal } from '../core/auth/principal';
import type { AccessEventSink } from '../core/audit/access-sink';
import type { Clock } from '../core/clock';
import type { Config } from '../core/config/config';
import type { Logger } from '../core/logger';
import { createLoaders, Loaders } from '../core/loaders/loaders';
import type { Services } from './services';
import type { RequestCost } from '../core/limits/limits.middleware';
import { DisclosureLedger } from '../modules/access/disclosure.ledger';

/**
 * The request context: passed first to every service call (STYLE.md habit 3). Built once per HTTP
 * request by the request gate, before GraphQL execution.
 */
export interface RequestContext {
  requestId: string;
  principal: Principal;
  /** Source IP as decided by TRUST_PROXY. */
  ip: string;
  now: Date;
  log: Logger;
  config: Config;
  clock: Clock;
  ds: DataSource;
  services: Services;
  loaders: Loaders;
  accessEvents: AccessEventSink;
  /** Every PwD record, verification and existence answer leaves through it (quota, access log, detection). */
  ledger: DisclosureLedger;
  operationName: string | null;
  /** Requested cost and budget, set by the limits before execution (absent when GraphQL rejects the document itself). */
  cost?: RequestCost;
  req?: Request;
}

const SERVICE_LOG = Symbol('serviceLog');
const LOG = Symbol('log');
const LOADERS = Symbol('loaders');

/**
 * The context's `log` (the service logger's child with the request id) and `loaders` are created on first
 * use: most requests neither log from a resolver nor need every loader. They are getters on the prototype,
 * so Apollo's per-operation copy of the context (which keeps the prototype) stays lazy too.
 */
class LazyContext {
  [SERVICE_LOG]!: Logger;
  [LOG]?: Logger;
  [LOADERS]?: Loaders;
  requestId!: string;
  ds!: DataSource;
  get log(): Logger {
    return (this[LOG] ??= this[SERVICE_LOG].child({ requestId: this.requestId }));
  }
  get loaders(): Loaders {
    return (this[LOADERS] ??= createLoaders(this.ds));
  }
}

/** `base.log` is the service's logger: the context's `log` is its child carrying the request id. */
export function buildContext(base: Omit<RequestContext, 'loaders' | 'ledger' | 'operationName'> & { operationName?: string | null }): RequestContext {
  const { log, ...rest } = base;
  const ctx = Object.assign(new LazyContext(), rest, { operationName: base.operationName ?? null }) as unknown as RequestContext;
  (ctx as unknown as LazyContext)[SERVICE_LOG] = log;
  const s = base.services;
  ctx.ledger = new DisclosureLedger(s.budget.store, base.clock, base.accessEvents, s.disclosureSubscribers, {
    principal: base.principal, requestId: base.requestId, ip: base.ip, now: base.now, operationName: () => ctx.operationName,
  });
  return ctx;
}
