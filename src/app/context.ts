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
  /** Distinct PwD record ids served in this request (for the daily distinct-record quota). */
  servedRecords: Set<string>;
  operationName: string | null;
  /** Requested cost and budget, set by the limits before execution (absent when GraphQL rejects the document itself). */
  cost?: RequestCost;
  req?: Request;
}

/** `base.log` is the service's logger: the context's `log` is its child carrying the request id. */
export function buildContext(base: Omit<RequestContext, 'loaders' | 'servedRecords' | 'operationName'> & { operationName?: string | null }): RequestContext {
  let loaders: Loaders | undefined;
  let log: Logger | undefined;
  const ctx = {
    ...base,
    operationName: base.operationName ?? null,
    servedRecords: new Set<string>(),
  } as RequestContext;
  // Created on first use: most requests neither log from a resolver nor touch more than one loader.
  Object.defineProperty(ctx, 'loaders', { get: () => (loaders ??= createLoaders(base.ds)), enumerable: true });
  Object.defineProperty(ctx, 'log', { get: () => (log ??= base.log.child({ requestId: base.requestId })), enumerable: true });
  return ctx;
}
