import { luhnDigit } from '../../src/modules/pwd/pwd.generator';

/** The UDID after `udid` in its series: same prefix, running number + step, fresh check digit. */
export function nextInSeries(udid: string, step: number): string {
  const body = udid.slice(2, 11) + String(Number(udid.slice(11, 17)) + step).padStart(6, '0');
  return udid.slice(0, 2) + body + luhnDigit(body);
}

/** A well-formed UDID that is almost certainly not on file. */
export function randomUdid(rnd: () => number): string {
  const digits = Array.from({ length: 15 }, () => Math.floor(rnd() * 10)).join('');
  return 'UP' + digits + luhnDigit(digits);
}

/** A repeatable pseudo-random sequence in [0, 1). */
export function seeded(seed: number) {
  let s = seed;
  return () => { s = (s * 1103515245 + 12345) % 2 ** 31; return s / 2 ** 31; };
}
