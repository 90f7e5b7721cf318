import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchema, parse, validate } from 'graphql';

/** One saved operation from schema/examples/*.graphql, as the explorer lists it. */
export interface ExplorerExample {
  name: string;
  title: string;
  description: string;
  /** Who can run it: a staff role, or "application" for the partners' view. */
  runsAs: string;
  query: string;
  variables: string;
  /** Whether the operation validates against this server's schema (false while a query is not built yet). */
  available: boolean;
  unavailableReason?: string;
}

/**
 * An example file starts with `# key: value` header lines (title, description, runs-as, variables);
 * the rest is the operation. Variables are JSON on one line.
 */
export function parseExample(name: string, text: string): Omit<ExplorerExample, 'available'> {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const meta: Record<string, string> = {};
  let i = 0;
  for (; i < lines.length; i++) {
    const m = /^#\s*([a-z-]+):\s?(.*)$/i.exec(lines[i]);
    if (m) { meta[m[1].toLowerCase()] = (meta[m[1].toLowerCase()] ? meta[m[1].toLowerCase()] + ' ' : '') + m[2].trim(); continue; }
    if (/^#?\s*$/.test(lines[i])) continue;
    break;
  }
  const query = lines.slice(i).join('\n').trim() + '\n';
  const variables = meta.variables ? JSON.stringify(JSON.parse(meta.variables), null, 2) : '';
  return {
    name,
    title: meta.title ?? name,
    description: meta.description ?? '',
    runsAs: meta['runs-as'] ?? 'ANALYST',
    query,
    variables,
  };
}

/**
 * Variables may hold placeholders filled per request, so the saved examples run as they are:
 * `{{today}}`, `{{today-7}}`, `{{today+90}}` (IST calendar dates) and `{{udid}}` (a UDID in the database).
 */
export function fillPlaceholders(variables: string, values: { today: string; udid: string | null; addDays: (d: string, n: number) => string }): string {
  return variables.replace(/\{\{\s*(today|udid)\s*(?:([+-])\s*(\d+))?\s*\}\}/g, (_m, key: string, sign?: string, n?: string) => {
    if (key === 'udid') return values.udid ?? 'MH0000000000000000';
    return n ? values.addDays(values.today, (sign === '-' ? -1 : 1) * Number(n)) : values.today;
  });
}

/** Reads every example in `dir`, sorted by file name, and checks each against the schema. */
export function loadExamples(dir: string, schema: GraphQLSchema): ExplorerExample[] {
  let files: string[];
  try { files = readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort(); } catch { return []; }
  return files.map((file) => {
    const ex = parseExample(file.replace(/\.graphql$/, ''), readFileSync(join(dir, file), 'utf8'));
    let errors: readonly { message: string }[];
    try { errors = validate(schema, parse(ex.query)); } catch (e) { errors = [e as Error]; }
    return errors.length
      ? { ...ex, available: false, unavailableReason: `Not available on this server yet: ${errors[0].message}` }
      : { ...ex, available: true };
  });
}
