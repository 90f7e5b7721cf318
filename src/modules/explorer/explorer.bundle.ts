import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The staff pages' browser bundles — the explorer (GraphiQL + React + the sign-in shell) and the
 * dashboard (React, SVG charts, spreadsheet export) — built by the project with esbuild: no CDN, the
 * machines that run this have no internet. `npm run build` writes it to
 * dist/graphiql/; when it is missing or older than its sources (tests run from the TS sources) it is
 * built on first use and cached there.
 */
export interface ExplorerBundle {
  js: Buffer;
  css: Buffer;
  /** Content hash, appended to the asset URLs so browsers never run a stale bundle. */
  version: string;
}

export function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + __dirname);
    dir = up;
  }
  return dir;
}

const root = projectRoot();
export const CLIENT_DIR = join(root, 'src/modules/explorer/client');
export const DASHBOARD_CLIENT_DIR = join(root, 'src/modules/dashboard/client');
export const BUNDLE_DIR = join(root, 'dist/graphiql');
export type BundleName = 'explorer' | 'dashboard';
const ENTRIES: Record<BundleName, string> = {
  explorer: join(CLIENT_DIR, 'explorer.client.jsx'),
  dashboard: join(DASHBOARD_CLIENT_DIR, 'dashboard.client.jsx'),
};
const OUTPUTS = (Object.keys(ENTRIES) as BundleName[]).flatMap((n) => [join(BUNDLE_DIR, `${n}.js`), join(BUNDLE_DIR, `${n}.css`)]);

function newestSourceMtime(): number {
  // A GraphiQL upgrade counts as a source change too, and so does the shared spreadsheet helper.
  let newest = statSync(join(root, 'node_modules/graphiql/package.json')).mtimeMs;
  newest = Math.max(newest, statSync(join(root, 'src/core/files/spreadsheet.text.ts')).mtimeMs);
  for (const dir of [CLIENT_DIR, DASHBOARD_CLIENT_DIR]) {
    for (const f of readdirSync(dir)) newest = Math.max(newest, statSync(join(dir, f)).mtimeMs);
  }
  return newest;
}

function isFresh(): boolean {
  if (!OUTPUTS.every((f) => existsSync(f))) return false;
  // Without the sources (a deployed dist/ only) the built bundle is all there is.
  if (!existsSync(CLIENT_DIR) || !existsSync(DASHBOARD_CLIENT_DIR)) return true;
  return Math.min(...OUTPUTS.map((f) => statSync(f).mtimeMs)) >= newestSourceMtime();
}

/** Builds the bundle into dist/graphiql/ (atomically: a concurrent reader never sees half a file). */
export async function buildExplorerBundle(): Promise<void> {
  // esbuild is a build-time tool: loaded only when a build is needed.
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: ENTRIES,
    bundle: true,
    minify: true,
    write: false,
    outdir: BUNDLE_DIR,
    format: 'iife',
    target: ['chrome100', 'firefox100', 'safari15'],
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'eof',
    logLevel: 'silent',
  });
  mkdirSync(BUNDLE_DIR, { recursive: true });
  for (const out of result.outputFiles) {
    const tmp = `${out.path}.${process.pid}.tmp`;
    writeFileSync(tmp, out.contents);
    renameSync(tmp, out.path);
  }
}

/** Builds only when dist/ lacks a current bundle (keeps `npm start` fast). Returns whether it built. */
export async function ensureExplorerBundle(): Promise<boolean> {
  if (isFresh()) return false;
  await buildExplorerBundle();
  return true;
}

let built: Promise<boolean> | null = null;
const pending = new Map<BundleName, Promise<ExplorerBundle>>();

/** One page's bundle, built (both pages at once) once per process if dist/ does not hold a current one. */
export function clientBundle(name: BundleName): Promise<ExplorerBundle> {
  let p = pending.get(name);
  if (!p) {
    p = (async () => {
      built ??= ensureExplorerBundle();
      built.catch(() => { built = null; });
      await built;
      const js = readFileSync(join(BUNDLE_DIR, `${name}.js`)), css = readFileSync(join(BUNDLE_DIR, `${name}.css`));
      const version = createHash('sha256').update(js).update(css).digest('hex').slice(0, 12);
      return { js, css, version };
    })();
    p.catch(() => pending.delete(name));
    pending.set(name, p);
  }
  return p;
}

export const explorerBundle = () => clientBundle('explorer');
