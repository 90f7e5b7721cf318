import express from 'express';
import helmet from 'helmet';
import type { AddressInfo } from 'node:net';
import { securityHeaders } from '../../src/core/http/security-headers';

async function headersOf(app: express.Express): Promise<Record<string, string>> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/x`);
    const out: Record<string, string> = {};
    res.headers.forEach((v, k) => { if (!['date', 'connection', 'keep-alive', 'content-length', 'etag'].includes(k)) out[k] = v; });
    return out;
  } finally {
    server.close();
  }
}

describe('securityHeaders (helmet computed once)', () => {
  it('sends exactly the headers helmet sends, for the options the server uses and the defaults', async () => {
    for (const options of [{ contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } } }, {}]) {
      const a = express(); a.use(helmet(options)); a.get('/x', (_q, r) => { r.send('ok'); });
      const b = express(); b.use(securityHeaders(options)); b.get('/x', (_q, r) => { r.send('ok'); });
      const [ha, hb] = [await headersOf(a), await headersOf(b)];
      expect(hb).toEqual(ha);
      expect(hb['x-content-type-options']).toBe('nosniff');
      expect(hb['x-powered-by']).toBeUndefined();
    }
  });
});
