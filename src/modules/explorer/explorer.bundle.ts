import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The explorer's browser bundle (GraphiQL + React + the sign-in shell), built by the project with
 * esbuild: no CDN, the machines that run this have no internet. `npm run build` writes it to
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
export const BUNDLE_DIR = join(root, 'dist/graphiql');
const JS = join(BUNDLE_DIR, 'explorer.js');
const CSS = join(BUNDLE_DIR, 'explorer.css');

function newestSourceMtime(): number {
  // A GraphiQL upgrade counts as a source change too.
  let newest = statSync(join(root, 'node_modules/graphiql/package.json')).mtimeMs;
  for (const f of readdirSync(CLIENT_DIR)) newest = Math.max(newest, statSync(join(CLIENT_DIR, f)).mtimeMs);
  return newest;
}

function isFresh(): boolean {
  if (!existsSync(JS) || !existsSync(CSS)) return false;
  // Without the sources (a deployed dist/ only) the built bundle is all there is.
  if (!existsSync(CLIENT_DIR)) return true;
  return Math.min(statSync(JS).mtimeMs, statSync(CSS).mtimeMs) >= newestSourceMtime();
}

/** Builds the bundle into dist/graphiql/ (atomically: a concurrent reader never sees half a file). */
export async function buildExplorerBundle(): Promise<void> {
  // esbuild is a build-time tool: loaded only when a build is needed.
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: { explorer: join(CLIENT_DIR, 'explorer.client.jsx') },
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

let pending: Promise<ExplorerBundle> | null = null;

/** The bundle, built once per process if dist/ does not hold a current one. */
export function explorerBundle(): Promise<ExplorerBundle> {
  pending ??= (async () => {
    await ensureExplorerBundle();
    const js = readFileSync(JS), css = readFileSync(CSS);
    const version = createHash('sha256').update(js).update(css).digest('hex').slice(0, 12);
    return { js, css, version };
  })();
  pending.catch(() => { pending = null; });
  return pending;
}
