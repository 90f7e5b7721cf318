#!/usr/bin/env node
/**
 * The architecture's import rules (issue 13): src/core is the shared kernel and imports no module
 * and not the composition layer; a module never imports src/app. Every import counts, `import type`
 * included, and imports that leave src (ormconfig.ts, migrations/) are followed to where they lead.
 * Prints one line per violation and exits 1 when there is any.
 */
const fs = require('node:fs');
const path = require('node:path');

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g;

function specifiers(text) {
  const out = [];
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  for (const m of code.matchAll(IMPORT)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

function resolveFile(from, spec) {
  if (!spec.startsWith('.')) return null; // a package
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, `${base}.js`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  }
  return null;
}

function listFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else if (/\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Layer of a file: 'core', 'modules', 'app', another src folder, or 'outside' (ormconfig, migrations). */
function layerOf(root, file) {
  const rel = path.relative(path.join(root, 'src'), file);
  if (rel.startsWith('..')) return 'outside';
  return rel.split(path.sep)[0];
}

function check(root) {
  const violations = [];
  const edges = (file) => specifiers(fs.readFileSync(file, 'utf8')).map((s) => resolveFile(file, s)).filter(Boolean);
  const forbidden = { core: ['modules', 'app'], modules: ['app'] };
  for (const file of listFiles(path.join(root, 'src'))) {
    const layer = layerOf(root, file);
    const banned = forbidden[layer];
    if (!banned) continue;
    // Direct imports, and what imports outside src lead to (ormconfig.ts → entities, and so on).
    const seen = new Set();
    const walk = (f, via) => {
      for (const to of edges(f)) {
        if (seen.has(to)) continue;
        seen.add(to);
        const target = layerOf(root, to);
        if (banned.includes(target)) violations.push(`${path.relative(root, file)} imports ${path.relative(root, to)}${via ? ` (through ${via})` : ''}: src/${layer} must not import src/${target}`);
        else if (target === 'outside') walk(to, path.relative(root, to));
      }
    };
    walk(file, null);
  }
  return violations;
}

module.exports = { check, specifiers };

if (require.main === module) {
  const root = path.resolve(process.argv[2] ?? path.join(__dirname, '..'));
  const v = check(root);
  for (const line of v) console.log(line);
  console.log(v.length ? `${v.length} import rule violation(s)` : 'import rules: ok');
  process.exit(v.length ? 1 : 0);
}
