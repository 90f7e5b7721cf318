import type Redis from 'ioredis';
import { AlertKind, DETECTION, Observation, splitUdid, Tally, WindowStore } from './scraping.rules';

const KINDS: AlertKind[] = ['UNKNOWN_UDID_RATIO', 'SEQUENTIAL_UDIDS', 'DISTINCT_RATE_SPIKE'];
const LONG_TTL_MS = 30 * 86_400_000;

/**
 * Counts one observation into the application's current window, atomically (one script, one round
 * trip): every replica agrees on the window (opened by the first observation, like MemoryWindows) and
 * on its counts. Keys: {base}state (window start, distinct served so far), {base}norm, and per window
 * {base}{start}:c (lookups, unknown), :seen / :unk (distinct UDIDs looked up / unknown), :p:{prefix}
 * (running numbers), :served, :r:{kind} (raised flags, set NX by claim()).
 * ARGV: base, now, windowMs, ttlMs, 'L' udid found prefix running maxScan | 'S' udid...
 */
const OBSERVE_LUA = `
local b = ARGV[1]; local now = tonumber(ARGV[2]); local wms = tonumber(ARGV[3]); local ttl = tonumber(ARGV[4])
local st = redis.call('HMGET', b .. 'state', 'start', 'served')
local start = tonumber(st[1])
if (not start) or now - start >= wms then
  if start then
    -- Close the window: its distinct count joins the application's norm (a running mean).
    local n = redis.call('HMGET', b .. 'norm', 'windows', 'mean')
    local nw = tonumber(n[1]) or 0; local mean = tonumber(n[2]) or 0
    mean = (mean * nw + (tonumber(st[2]) or 0)) / (nw + 1)
    redis.call('HSET', b .. 'norm', 'windows', math.min(nw + 1, 1000), 'mean', tostring(mean))
    redis.call('PEXPIRE', b .. 'norm', ${LONG_TTL_MS})
    start = start + math.floor((now - start) / wms) * wms
  else
    start = now
  end
  redis.call('HSET', b .. 'state', 'start', string.format('%d', start), 'served', 0)
end
redis.call('PEXPIRE', b .. 'state', ${LONG_TTL_MS})
local w = b .. string.format('%d', start) .. ':'
local out = { start = start, raised = {} }
for i, k in ipairs({ ${KINDS.map((k) => `'${k}'`).join(', ')} }) do
  if redis.call('EXISTS', w .. 'r:' .. k) == 1 then table.insert(out.raised, k) end
end
if ARGV[5] == 'L' then
  local udid = ARGV[6]
  local lookups = redis.call('HINCRBY', w .. 'c', 'lookups', 1)
  local unknown = tonumber(redis.call('HGET', w .. 'c', 'unknown')) or 0
  if ARGV[7] == '0' then
    unknown = redis.call('HINCRBY', w .. 'c', 'unknown', 1)
    redis.call('SADD', w .. 'unk', udid); redis.call('PEXPIRE', w .. 'unk', ttl)
  end
  redis.call('SADD', w .. 'seen', udid)
  redis.call('PEXPIRE', w .. 'c', ttl); redis.call('PEXPIRE', w .. 'seen', ttl)
  out.lookup = { lookups = lookups, unknown = unknown, distinctLookups = redis.call('SCARD', w .. 'seen'), distinctUnknown = redis.call('SCARD', w .. 'unk') }
  if ARGV[8] ~= '' then
    local pk = w .. 'p:' .. ARGV[8]; local r = tonumber(ARGV[9]); local max = tonumber(ARGV[10])
    redis.call('SADD', pk, r); redis.call('PEXPIRE', pk, ttl)
    local lo = r; local hi = r
    -- Bounded scan: a run only has to be seen to reach the threshold, not measured to its end.
    while r - lo < max and redis.call('SISMEMBER', pk, lo - 1) == 1 do lo = lo - 1 end
    while hi - r < max and redis.call('SISMEMBER', pk, hi + 1) == 1 do hi = hi + 1 end
    out.lookup.run = { prefix = ARGV[8], lo = lo, hi = hi }
  end
else
  local key = w .. 'served'
  for i = 6, #ARGV, 500 do redis.call('SADD', key, unpack(ARGV, i, math.min(i + 499, #ARGV))) end
  redis.call('PEXPIRE', key, ttl)
  local distinct = redis.call('SCARD', key)
  redis.call('HSET', b .. 'state', 'served', distinct)
  local n = redis.call('HMGET', b .. 'norm', 'windows', 'mean')
  out.served = { distinct = distinct }
  if n[1] then out.served.norm = { windows = tonumber(n[1]), mean = tonumber(n[2]) } end
end
return cjson.encode(out)`;

/** Windows in Redis, shared by every replica, so a scraper spread over replicas shows its whole pattern. */
export class RedisWindows implements WindowStore {
  /** Window keys outlive their window so a late replica still finds the raised flags. */
  private readonly ttlMs = 2 * DETECTION.windowMs;

  constructor(private readonly redis: Redis, private readonly prefix: string) {
    if (!(redis as unknown as Record<string, unknown>).udxScrapeObserve) {
      redis.defineCommand('udxScrapeObserve', { numberOfKeys: 0, lua: OBSERVE_LUA });
    }
  }

  private base(applicationId: number) {
    return `${this.prefix}scrape:${applicationId}:`;
  }

  async tally(applicationId: number, now: number, o: Observation): Promise<Tally> {
    const args: (string | number)[] = [this.base(applicationId), Math.floor(now), DETECTION.windowMs, this.ttlMs];
    if (o.type === 'lookup') {
      const u = splitUdid(o.udid);
      args.push('L', o.udid, o.found ? 1 : 0, u?.prefix ?? '', u?.running ?? 0, 10 * DETECTION.sequentialRun);
    } else {
      if (!o.udids.length) throw new Error('nothing served'); // never called so (see ScrapingDetector)
      args.push('S', ...o.udids);
    }
    const raw = await (this.redis as unknown as { udxScrapeObserve(...a: unknown[]): Promise<string> }).udxScrapeObserve(...args);
    const t = JSON.parse(raw) as Tally & { raised: AlertKind[] | Record<string, never> };
    // cjson encodes an empty Lua table as {}.
    return { ...t, raised: Array.isArray(t.raised) ? t.raised : [], lookup: t.lookup ? { ...t.lookup, run: t.lookup.run ?? null } : undefined };
  }

  async claim(applicationId: number, start: number, kind: AlertKind): Promise<boolean> {
    const ok = await this.redis.set(`${this.base(applicationId)}${start}:r:${kind}`, '1', 'PX', this.ttlMs, 'NX');
    return ok === 'OK';
  }
}
