import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { check } = require('../../scripts/check-imports.js') as { check: (root: string) => string[] };

/** The import rules of the architecture: src/core imports no module and not src/app; no module imports src/app. */
describe('architecture', () => {
  it('src/core imports neither src/modules nor src/app, and no module imports src/app (type imports and ormconfig included)', () => {
    expect(check(resolve(__dirname, '../..'))).toEqual([]);
  });

  it('the check finds each kind of violation (direct, type-only, through a file outside src)', () => {
    const root = mkdtempSync(join(tmpdir(), 'udx-arch-'));
    try {
      const put = (p: string, text: string) => { mkdirSync(join(root, p, '..'), { recursive: true }); writeFileSync(join(root, p), text); };
      put('src/app/context.ts', 'export interface C { a: number }\n');
      put('src/modules/pwd/pwd.entity.ts', 'export class E {}\n');
      put('src/core/a.ts', "import { E } from '../modules/pwd/pwd.entity';\nexport const x = E;\n");
      put('src/core/b.ts', "import type { C } from '../app/context';\nexport type Y = C;\n");
      put('ormconfig.ts', "export { E } from './src/modules/pwd/pwd.entity';\n");
      put('src/core/c.ts', "import '../../ormconfig';\n");
      put('src/modules/pwd/pwd.service.ts', "// import { C } from '../../app/context' (a comment is not an import)\nimport { C } from '../../app/context';\nexport type Z = C;\n");
      const found = check(root);
      expect(found).toHaveLength(4);
      expect(found.join('\n')).toMatch(/src\/core\/a\.ts imports src\/modules/);
      expect(found.join('\n')).toMatch(/src\/core\/b\.ts imports src\/app/);
      expect(found.join('\n')).toMatch(/src\/core\/c\.ts imports src\/modules\/pwd\/pwd\.entity\.ts \(through ormconfig\.ts\)/);
      expect(found.join('\n')).toMatch(/src\/modules\/pwd\/pwd\.service\.ts imports src\/app/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
