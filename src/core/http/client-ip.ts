import { BlockList, isIP } from 'node:net';
import type { Request } from 'express';

export const normalizeIp = (ip: string | undefined): string => {
  if (!ip) return '';
  const v = ip.trim();
  return v.startsWith('::ffff:') && isIP(v.slice(7)) === 4 ? v.slice(7) : v;
};

/** A set of IPs/CIDRs (IPv4 and IPv6), e.g. TRUST_PROXY or an application's allowlist. */
export function buildBlockList(entries: string[]): BlockList {
  const list = new BlockList();
  for (const raw of entries) {
    const [addr, bits] = raw.trim().split('/');
    const family = isIP(addr) === 6 ? 'ipv6' : 'ipv4';
    if (!isIP(addr)) continue;
    if (bits === undefined) list.addAddress(addr, family);
    else list.addSubnet(addr, Number(bits), family);
  }
  return list;
}

/** Answers already given per list and address (a list is replaced, never changed, when the allowlist changes). */
const answers = new WeakMap<BlockList, Map<string, boolean>>();

export function ipInList(list: BlockList, ip: string): boolean {
  let known = answers.get(list);
  if (!known) answers.set(list, (known = new Map()));
  const hit = known.get(ip);
  if (hit !== undefined) return hit;
  const fam = isIP(ip);
  const ok = fam ? list.check(ip, fam === 6 ? 'ipv6' : 'ipv4') : false;
  if (known.size < 1000) known.set(ip, ok);
  return ok;
}

/** Valid IP or CIDR syntax (IPv4 /0–32, IPv6 /0–128). */
export function isIpOrCidr(value: string): boolean {
  const [addr, bits, extra] = value.split('/');
  if (extra !== undefined) return false;
  const fam = isIP(addr);
  if (!fam) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (fam === 4 ? 32 : 128);
}

/**
 * The caller's IP. X-Forwarded-For is believed only when the direct peer is a TRUST_PROXY address,
 * and then only up to the first hop that is not itself a trusted proxy.
 */
export function clientIp(req: Request, trusted: BlockList | null): string {
  let ip = normalizeIp(req.socket.remoteAddress);
  if (!trusted || !ipInList(trusted, ip)) return ip;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : header ?? '').split(',').map(normalizeIp).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!isIP(hops[i])) break;
    ip = hops[i];
    if (!ipInList(trusted, ip)) break;
  }
  return ip;
}

/**
 * The URL a request was sent to, without query or fragment (what a DPoP proof's `htu` and a client
 * assertion's `aud` name). The scheme is the one Express sees; proofs.ts accepts http and https alike
 * behind a TLS proxy, and compares host and path.
 */
export function requestUrl(req: Request): string {
  return `${req.protocol}://${req.get('host')}${req.originalUrl.split('?')[0]}`;
}
