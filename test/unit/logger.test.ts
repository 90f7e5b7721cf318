import { createLogger } from '../../src/core/logger';

/** The logger's safety net: a database error's bound values (a UDID, a date of birth) never reach a log line. */
describe('logger redaction', () => {
  it('redacts err.parameters of a driver error, and mobile/name fields', () => {
    const lines: string[] = [];
    const log = createLogger('info', { write: (s: string) => { lines.push(s); return true; } } as never);
    const err = Object.assign(new Error('insert failed'), { parameters: ['MH0101120050000017', '1990-01-01'], query: 'INSERT INTO person_sign_in …' });
    log.error({ err, mobile: '9876543210', person: { name: 'Asha' } }, 'boom');
    const text = lines.join('');
    expect(text).not.toContain('MH0101120050000017');
    expect(text).not.toContain('1990-01-01');
    expect(text).not.toContain('9876543210');
    expect(text).not.toContain('Asha');
    expect(JSON.parse(text).err.parameters).toBe('[redacted]');
  });
});
