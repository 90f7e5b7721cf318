import { Writable } from 'node:stream';
import { buildContext } from '../../src/app/context';
import { createLogger } from '../../src/core/logger';
import { ANONYMOUS } from '../../src/core/auth/principal';

describe('buildContext', () => {
  it('logs with the request id on every line, and creates its logger and loaders only when used', () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
    const base = createLogger('info', sink);
    let childCalls = 0;
    const counting = Object.create(base, { child: { value: (...a: Parameters<typeof base.child>) => { childCalls++; return base.child(...a); } } });
    const ctx = buildContext({ requestId: 'req-42', principal: ANONYMOUS, ip: '127.0.0.1', now: new Date(), log: counting, clock: {} as never, db: {} as never }, () => ({}) as never);
    expect(childCalls).toBe(0);
    // Apollo copies the context for each operation (keeping its prototype): the copy stays lazy.
    const copy = Object.assign(Object.create(Object.getPrototypeOf(ctx)), ctx);
    expect(childCalls).toBe(0);
    copy.log.info('from the copy');
    expect(childCalls).toBe(1);
    ctx.log.info('first');
    ctx.log.warn('second');
    expect(childCalls).toBe(2);
    expect(lines.map((l) => JSON.parse(l).requestId)).toEqual(['req-42', 'req-42', 'req-42']);
  });
});
