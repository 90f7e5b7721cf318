import type { Logger } from '../core/logger';
import type { Db } from '../core/db/db.handle';
import type { Ledger, RequestContext } from '../core/request/context';
import { createLoaders, Loaders } from './loaders';

export type { RequestContext } from '../core/request/context';

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
  db!: Db;
  get log(): Logger {
    return (this[LOG] ??= this[SERVICE_LOG].child({ requestId: this.requestId }));
  }
  get loaders(): Loaders {
    return (this[LOADERS] ??= createLoaders(this.db.primary));
  }
}

type ContextBase = Omit<RequestContext, 'loaders' | 'ledger' | 'operationName' | 'outcome'> & { operationName?: string | null };

/**
 * Builds the request context (once per HTTP request, by the request gate). `base.log` is the
 * service's logger: the context's `log` is its child carrying the request id. `ledger` builds the
 * request's disclosure ledger for the finished context.
 */
export function buildContext(base: ContextBase, ledger: (ctx: RequestContext) => Ledger): RequestContext {
  const { log, ...rest } = base;
  const ctx = Object.assign(new LazyContext(), rest, { operationName: base.operationName ?? null, outcome: {} }) as unknown as RequestContext;
  (ctx as unknown as LazyContext)[SERVICE_LOG] = log;
  ctx.ledger = ledger(ctx);
  return ctx;
}
