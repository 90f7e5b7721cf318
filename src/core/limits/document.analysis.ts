import {
  ASTNode, DocumentNode, FieldNode, FragmentDefinitionNode, GraphQLError, GraphQLSchema, Kind, Lexer, NoFragmentCyclesRule, KnownFragmentNamesRule,
  OperationDefinitionNode, parse, SelectionSetNode, Source, specifiedRules, TokenKind, TypeInfo, validate, ValidationRule, visit, visitWithTypeInfo,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator, ComplexityEstimator } from 'graphql-query-complexity';
import { DocumentError, DomainError } from '../errors/errors';
import { hideSuggestions } from '../authz/schema-privacy.plugin';
import { STATIC_LIMITS, ANALYSIS_CACHE_SIZE, ANALYSIS_CACHE_BYTES } from './limits.config';

/**
 * What is known about one query text, computed once and cached by the text (the hot path sends the
 * same document with different variables). Cost depends on variables only where a variable feeds
 * the arguments of a field whose cost is a function (`pwds(first: $n)`); those variable values are
 * part of the cost cache key, nothing else is.
 */
export interface DocumentAnalysis {
  /** The query text (the cache's key). */
  text: string;
  document: DocumentNode;
  /** Variables whose values change the cost. */
  costVariables: string[];
  /** Whether any field's cost depends on its arguments (lists): actual cost may differ from requested. */
  hasListCost: boolean;
  costs: Map<string, number>;
  /** Actual costs already computed, by (operation, cost variables, what each page returned, which roots were null). */
  actuals: Map<string, number>;
  /** The document cost is computed on: every @include/@skip removed, so both branches are priced (worst case). */
  priced: DocumentNode;
  /** Root field names of each operation (by name; '' for an anonymous one), through fragments. */
  rootFields: Map<string, string[]>;
  /** Whether any selection carries @include/@skip: the actual cost then depends on the variables. */
  conditional: boolean;
}

export type AnalysisResult = { ok: true; analysis: DocumentAnalysis } | { ok: false; error: DomainError };

const tooComplex = (limit: string, maximum: number, actual: number, message: string) =>
  new DomainError('QUERY_TOO_COMPLEX', message, { limit, maximum, actual });

/**
 * The one document-size check (DESIGN.md §7: document ≤ 15 kB, §9: QUERY_TOO_COMPLEX, HTTP 400), on
 * the query text only: variables travel in the body, which express.json bounds separately (1 MB).
 */
export function documentSizeError(text: string): DomainError | null {
  const max = STATIC_LIMITS.maxDocumentBytes;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= max) return null;
  return tooComplex('documentSize', max, bytes,
    `The query text is ${bytes} bytes; at most ${max} (${max / 1024} KiB) are allowed. Pass values as variables and split large operations.`);
}

/** Tokens as the GraphQL lexer sees them (comments and commas are not tokens); stops counting past the limit. */
export function countTokens(text: string, stopAfter = Infinity): number {
  const lexer = new Lexer(new Source(text));
  let n = 0;
  while (lexer.advance().kind !== TokenKind.EOF) { if (++n > stopAfter) break; }
  return n;
}

/** The document's fragment definitions by name (every walk below expands spreads through it). */
function fragmentsByName(doc: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  return fragments;
}

/**
 * Aliases and directives in the operations, with every fragment counted once per spread: a
 * fragment spread twice counts twice, so fragments cannot be used to slip under the limit.
 */
export function countAliasesAndDirectives(doc: DocumentNode): { aliases: number; directives: number } {
  const fragments = fragmentsByName(doc);
  const memo = new Map<string, { aliases: number; directives: number }>();
  const walk = (set: SelectionSetNode | undefined, active: Set<string>): { aliases: number; directives: number } => {
    const total = { aliases: 0, directives: 0 };
    for (const sel of set?.selections ?? []) {
      total.directives += sel.directives?.length ?? 0;
      if (sel.kind === Kind.FIELD) {
        if (sel.alias) total.aliases++;
        const inner = walk(sel.selectionSet, active);
        total.aliases += inner.aliases; total.directives += inner.directives;
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const inner = walk(sel.selectionSet, active);
        total.aliases += inner.aliases; total.directives += inner.directives;
      } else {
        const name = sel.name.value;
        const frag = fragments.get(name);
        if (!frag || active.has(name)) continue; // unknown or cyclic: graphql validation reports it
        let inner = memo.get(name);
        if (!inner) {
          const seen = walk(frag.selectionSet, new Set([...active, name]));
          inner = { aliases: seen.aliases, directives: seen.directives + (frag.directives?.length ?? 0) };
          memo.set(name, inner);
        }
        total.aliases += inner.aliases; total.directives += inner.directives;
      }
    }
    return total;
  };
  const total = { aliases: 0, directives: 0 };
  for (const d of doc.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    const c = walk(d.selectionSet, new Set());
    total.aliases += c.aliases;
    total.directives += c.directives + (d.directives?.length ?? 0);
  }
  return total;
}

/**
 * Field selections of the operations with every fragment expanded at each spread, memoised per
 * fragment so the count itself is linear in the document; stops counting past `stopAfter`. Bounds
 * the work of every later walk (depth, cost) that expands fragments.
 */
export function expandedSelections(doc: DocumentNode, stopAfter: number): number {
  const fragments = fragmentsByName(doc);
  const memo = new Map<string, number>();
  const walk = (set: SelectionSetNode | undefined, active: Set<string>): number => {
    let n = 0;
    for (const sel of set?.selections ?? []) {
      if (sel.kind === Kind.FIELD) n += 1 + walk(sel.selectionSet, active);
      else if (sel.kind === Kind.INLINE_FRAGMENT) n += walk(sel.selectionSet, active);
      else {
        const name = sel.name.value;
        const frag = fragments.get(name);
        if (!frag || active.has(name)) continue;
        let inner = memo.get(name);
        if (inner === undefined) memo.set(name, (inner = walk(frag.selectionSet, new Set([...active, name]))));
        n += inner;
      }
      if (n > stopAfter) return n;
    }
    return n;
  };
  let total = 0;
  for (const d of doc.definitions) {
    if (d.kind === Kind.OPERATION_DEFINITION) total += walk(d.selectionSet, new Set());
    if (total > stopAfter) break;
  }
  return total;
}

/** A copy without @include/@skip: pricing it counts every conditional selection, whatever the variables say. */
function worstCase(doc: DocumentNode): DocumentNode {
  return visit(doc, { Directive: (d) => (d.name.value === 'include' || d.name.value === 'skip' ? null : undefined) });
}

function rootFieldNames(doc: DocumentNode): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const d of doc.definitions) {
    if (d.kind === Kind.OPERATION_DEFINITION) out.set(d.name?.value ?? '', [...new Set(rootFields(doc, d.selectionSet).map((f) => f.name.value))]);
  }
  return out;
}

/**
 * Field nesting as graphql-depth-limit counts it (a root field without a selection is 0, each level
 * of selection adds 1, introspection fields `__*` count 0), memoised per fragment: linear in the
 * document, where graphql-depth-limit walks every spread again (exponential in a fan-out).
 */
export function operationDepth(doc: DocumentNode): number {
  const fragments = fragmentsByName(doc);
  const memo = new Map<string, number>();
  const ofSet = (set: SelectionSetNode, active: Set<string>): number => {
    let depth = -Infinity;
    for (const sel of set.selections) depth = Math.max(depth, ofSelection(sel, active));
    return depth;
  };
  const ofSelection = (sel: SelectionSetNode['selections'][number], active: Set<string>): number => {
    if (sel.kind === Kind.FIELD) return sel.name.value.startsWith('__') || !sel.selectionSet ? 0 : 1 + ofSet(sel.selectionSet, active);
    if (sel.kind === Kind.INLINE_FRAGMENT) return ofSet(sel.selectionSet, active);
    const name = sel.name.value;
    const frag = fragments.get(name);
    if (!frag || active.has(name)) return 0; // refused before this walk (unknown or cyclic)
    let d = memo.get(name);
    if (d === undefined) memo.set(name, (d = ofSet(frag.selectionSet, new Set([...active, name]))));
    return d;
  };
  let depth = 0;
  for (const d of doc.definitions) if (d.kind === Kind.OPERATION_DEFINITION) depth = Math.max(depth, ofSet(d.selectionSet, new Set()));
  return depth;
}

/** Variables that feed arguments of fields whose cost is a function of their arguments. */
function costVariablesOf(schema: GraphQLSchema, doc: DocumentNode): { vars: string[]; hasListCost: boolean } {
  const vars = new Set<string>();
  let hasListCost = false;
  const typeInfo = new TypeInfo(schema);
  visit(doc, visitWithTypeInfo(typeInfo, {
    Field(node: FieldNode) {
      const def = typeInfo.getFieldDef();
      if (!def || typeof def.extensions?.complexity !== 'function') return;
      hasListCost = true;
      for (const arg of node.arguments ?? []) visit(arg.value, { Variable(v) { vars.add(v.name.value); } });
    },
  }));
  return { vars: [...vars].sort(), hasListCost };
}

/** At most this many of GraphQL's own problems are listed in one answer. */
const MAX_REPORTED_PROBLEMS = 20;

/**
 * GraphQL's own verdict on a document (syntax or validation), as a DocumentError carrying every
 * problem with its location. The document is parsed again with locations only on this error path.
 * "Did you mean" hints are removed (they name fields the caller may not read); a problem with a
 * literal argument names the argument.
 */
function graphqlErrors(schema: GraphQLSchema, text: string, rules: readonly ValidationRule[]): DocumentError {
  let doc: DocumentNode;
  try {
    doc = parse(text);
  } catch (err) {
    const e = err as GraphQLError;
    return new DocumentError('GRAPHQL_PARSE_FAILED', [{ message: e.message, locations: e.locations }]);
  }
  const errors = validate(schema, doc, rules, { maxErrors: MAX_REPORTED_PROBLEMS });
  const argumentOf = new Map<ASTNode, string>();
  if (errors.some((e) => e.nodes?.some((n) => n.kind !== Kind.FIELD))) {
    visit(doc, { Argument(arg) { visit(arg.value, { enter(n) { argumentOf.set(n, arg.name.value); } }); } });
  }
  return new DocumentError('GRAPHQL_VALIDATION_FAILED', errors.slice(0, MAX_REPORTED_PROBLEMS).map((e) => {
    const argument = e.nodes?.map((n) => argumentOf.get(n)).find((a) => a !== undefined);
    const message = hideSuggestions(e.message);
    return argument === undefined
      ? { message, locations: e.locations }
      : { message: `Argument "${argument}": ${message}`, locations: e.locations, extensions: { argument } };
  }));
}

/**
 * Fields under one response name in any one selection set, with fragments and inline fragments
 * merged into the set they are spread in (what GraphQL's overlap check compares pairwise). Memoised
 * per fragment: linear in the document. Returns the largest count and stops past `stopAfter`.
 */
export function maxSameResponseName(doc: DocumentNode, stopAfter: number): number {
  const fragments = fragmentsByName(doc);
  const memo = new Map<string, Map<string, number>>();
  let worst = 0;
  const checkedSets = new Set<SelectionSetNode>();
  // The response names a selection set contributes to the set it is merged into.
  const names = (set: SelectionSetNode, active: Set<string>): Map<string, number> => {
    const out = new Map<string, number>();
    const add = (name: string, n: number) => {
      const v = (out.get(name) ?? 0) + n;
      out.set(name, v);
      if (v > worst) worst = v;
    };
    for (const sel of set.selections) {
      if (worst > stopAfter) break;
      if (sel.kind === Kind.FIELD) {
        add(sel.alias?.value ?? sel.name.value, 1);
        if (sel.selectionSet) check(sel.selectionSet, active);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        for (const [k, v] of names(sel.selectionSet, active)) add(k, v);
      } else {
        const name = sel.name.value;
        const frag = fragments.get(name);
        if (!frag || active.has(name)) continue;
        let inner = memo.get(name);
        if (!inner) memo.set(name, (inner = names(frag.selectionSet, new Set([...active, name]))));
        for (const [k, v] of inner) add(k, v);
      }
    }
    return out;
  };
  const check = (set: SelectionSetNode, active: Set<string>) => {
    if (checkedSets.has(set)) return;
    checkedSets.add(set);
    names(set, active);
  };
  for (const d of doc.definitions) {
    if (worst > stopAfter) break;
    if (d.kind === Kind.OPERATION_DEFINITION) check(d.selectionSet, new Set());
  }
  return worst;
}

/**
 * The static limits, in order of cheapness; every step linear in the document (fragments memoised,
 * expansion and repeated response names bounded before anything walks it, so GraphQL's own
 * validation after this is bounded too). A document GraphQL cannot parse, or whose fragments are
 * unknown or cyclic, is refused here with GraphQL's message and location; one that fails pricing is
 * validated here (requestedCost), any other is validated by Apollo.
 */
export function analyzeDocument(schema: GraphQLSchema, text: string): AnalysisResult {
  const L = STATIC_LIMITS;
  let tokens: number;
  try { tokens = countTokens(text, L.maxTokens); } catch { return { ok: false, error: graphqlErrors(schema, text, []) }; }
  if (tokens > L.maxTokens) {
    return { ok: false, error: tooComplex('tokens', L.maxTokens, tokens, `The query has more than ${L.maxTokens} tokens; split it into smaller operations.`) };
  }
  let document: DocumentNode;
  try { document = parse(text, { noLocation: true }); } catch { return { ok: false, error: graphqlErrors(schema, text, []) }; }
  const fragmentCount = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).length;
  if (fragmentCount > L.maxFragments) {
    return { ok: false, error: tooComplex('fragments', L.maxFragments, fragmentCount, `The query defines ${fragmentCount} fragments; at most ${L.maxFragments} are allowed.`) };
  }
  const { aliases, directives } = countAliasesAndDirectives(document);
  if (aliases > L.maxAliases) {
    return { ok: false, error: tooComplex('aliases', L.maxAliases, aliases, `The query uses ${aliases} aliases (fragments counted per spread); at most ${L.maxAliases} are allowed. Use pwds for lists instead of aliasing many lookups.`) };
  }
  if (directives > L.maxDirectives) {
    return { ok: false, error: tooComplex('directives', L.maxDirectives, directives, `The query uses ${directives} directives; at most ${L.maxDirectives} are allowed.`) };
  }
  // Every later walk expands fragments: cycles and unknown fragments first.
  const fragmentRules = [NoFragmentCyclesRule, KnownFragmentNamesRule];
  if (validate(schema, document, fragmentRules, { maxErrors: 1 }).length) return { ok: false, error: graphqlErrors(schema, text, fragmentRules) };
  const expanded = expandedSelections(document, L.maxExpandedSelections);
  if (expanded > L.maxExpandedSelections) {
    return { ok: false, error: tooComplex('expandedSelections', L.maxExpandedSelections, expanded, `With its fragments expanded at every spread, the query selects more than ${L.maxExpandedSelections} fields; spread fragments fewer times.`) };
  }
  const sameName = maxSameResponseName(document, L.maxSameResponseName);
  if (sameName > L.maxSameResponseName) {
    return { ok: false, error: tooComplex('sameResponseName', L.maxSameResponseName, sameName, `The query selects one field (or alias) more than ${L.maxSameResponseName} times in one selection set; select it once.`) };
  }
  const depth = operationDepth(document);
  if (depth > L.maxDepth) {
    return { ok: false, error: new DomainError('QUERY_TOO_DEEP', `The query nests fields ${depth} levels deep; at most ${L.maxDepth} are allowed (root fields are level 0).`, { limit: 'depth', maximum: L.maxDepth, actual: depth }) };
  }
  const subscription = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'subscription');
  if (subscription) {
    return { ok: false, error: new DocumentError('GRAPHQL_VALIDATION_FAILED', [{ message: 'Subscriptions are not supported: send a query or a mutation.' }]) };
  }
  const { vars, hasListCost } = costVariablesOf(schema, document);
  const priced = worstCase(document);
  return { ok: true, analysis: { text, document, costVariables: vars, hasListCost, costs: new Map(), actuals: new Map(), priced, rootFields: rootFieldNames(document), conditional: priced !== document } };
}

const ESTIMATORS: ComplexityEstimator[] = [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })];

/** The values of the variables that change the cost, telling an absent variable (0) from one given, even as null ([null]). */
const costVariableValues = (a: DocumentAnalysis, variables: Record<string, unknown>) =>
  a.costVariables.map((v) => (Object.prototype.hasOwnProperty.call(variables, v) ? [variables[v]] : 0));

/**
 * Requested cost of the chosen operation with these variables, at its worst case (@include/@skip
 * ignored), cached by the values of the variables that feed list sizes (an absent variable and an
 * explicit null are different keys: one takes the default, the other does not). Throws a
 * BAD_USER_INPUT DomainError when the cost cannot be computed (unknown operation, variables that do
 * not coerce): the caller refuses the request, it never runs unpriced.
 */
export function requestedCost(schema: GraphQLSchema, a: DocumentAnalysis, operationName: string | null, variables: Record<string, unknown>): number {
  const op = chosenOperation(a.document, operationName);
  const key = JSON.stringify([operationName, costVariableValues(a, variables)]);
  let cost = a.costs.get(key);
  if (cost === undefined) {
    try {
      cost = getComplexity({ schema, query: a.priced, variables, operationName: op.name?.value, estimators: ESTIMATORS });
    } catch (err) {
      // A document GraphQL refuses (a bad literal, an unknown field or argument): its own messages and locations.
      const invalid = graphqlErrors(schema, a.text, specifiedRules);
      if (invalid.problems.length) throw invalid;
      // Otherwise the variables: GraphQL's coercion message (which variable, what was wrong), without its "Did you mean" hints.
      const why = hideSuggestions((err as Error).message).slice(0, 400);
      throw new DomainError('BAD_USER_INPUT', `${why} The query was not run.`, { limit: 'cost' });
    }
    if (!Number.isFinite(cost) || cost < 0) throw new DomainError('QUERY_TOO_COMPLEX', 'The query cannot be priced, so it was not run.', { limit: 'cost' });
    if (a.costs.size < 100) a.costs.set(key, cost);
  }
  return cost;
}

/** The operation a request runs, as GraphQL chooses it; BAD_USER_INPUT when there is none to choose. */
export function chosenOperation(doc: DocumentNode, operationName: string | null): OperationDefinitionNode {
  const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const op = operationName === null ? (ops.length === 1 ? ops[0] : undefined) : ops.find((o) => o.name?.value === operationName);
  if (op) return op;
  throw new DomainError('BAD_USER_INPUT', operationName === null
    ? 'The document holds several operations: name the one to run in "operationName".'
    : `The document has no operation named "${operationName.slice(0, 100)}".`);
}

/**
 * Actual cost: the requested cost with each list priced by what was returned instead of what was
 * asked for, and a root field that returned null priced at 1 (the lookup itself).
 */
export function actualCost(schema: GraphQLSchema, a: DocumentAnalysis, operationName: string | null, variables: Record<string, unknown>,
  data: Record<string, unknown> | null | undefined, requested: number): number {
  if (!data) return 0;
  const op = chosenOperation(a.document, operationName);
  const roots = rootFields(a.document, op.selectionSet);
  const nullRoots = new Set(roots.filter((f) => data[f.alias?.value ?? f.name.value] == null));
  if (!a.hasListCost && !a.conditional && nullRoots.size === 0) return requested;
  const returned = new Map<FieldNode, number>();
  const rootType = op.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  for (const f of roots) {
    if (typeof rootType?.getFields()[f.name.value]?.extensions?.complexity !== 'function') continue;
    // Only pages (priced first × child) are repriced by what they returned; other list-valued results
    // (a reportBenefits batch's per-item results) keep the price their own cost function gave.
    if (!rootType.getFields()[f.name.value].args.some((arg) => arg.name === 'first')) continue;
    const v = data[f.alias?.value ?? f.name.value] as Record<string, unknown> | null;
    const list = v && typeof v === 'object' ? Object.values(v).find(Array.isArray) : undefined;
    if (list) returned.set(f, list.length);
  }
  // The same document, variables and returned shape price the same: a job walking pages computes it once.
  // Under @include/@skip every variable may decide what ran, so all of them are part of the key.
  const key = JSON.stringify([operationName, a.conditional ? variables : costVariableValues(a, variables),
    roots.map((f) => (nullRoots.has(f) ? -1 : returned.get(f) ?? 0))]);
  const known = a.actuals.get(key);
  if (known !== undefined) return known;
  // A page is priced by its own cost function, with `first` set to the number of items it returned.
  const override: ComplexityEstimator = (o) => {
    if (nullRoots.has(o.node)) return 1;
    const n = returned.get(o.node);
    if (n === undefined) return undefined;
    const price = o.field.extensions?.complexity as ComplexityEstimator | undefined;
    return typeof price === 'function' ? price({ ...o, args: { ...o.args, first: n } }) : n * o.childComplexity;
  };
  let actual: number;
  try {
    actual = getComplexity({ schema, query: a.document, variables, operationName: operationName ?? undefined, estimators: [override, ...ESTIMATORS] });
  } catch {
    return requested;
  }
  // Bounded: 100 shapes per document, and no key longer than 2,000 characters (large variables are not kept).
  if (a.actuals.size < 100 && key.length <= 2000) a.actuals.set(key, actual);
  return actual;
}

function rootFields(doc: DocumentNode, set: SelectionSetNode): FieldNode[] {
  const out: FieldNode[] = [];
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) out.push(sel);
    else if (sel.kind === Kind.INLINE_FRAGMENT) out.push(...rootFields(doc, sel.selectionSet));
    else {
      const frag = doc.definitions.find((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === sel.name.value);
      if (frag) out.push(...rootFields(doc, frag.selectionSet));
    }
  }
  return out;
}

/**
 * A small LRU of analyses by query text, bounded by entries and by the total length of the texts
 * kept (hot-path documents are small; a flood of large distinct documents must not grow the heap).
 */
export class AnalysisCache {
  private map = new Map<string, AnalysisResult>();
  private bytes = 0;
  constructor(private readonly schema: GraphQLSchema, private readonly maxEntries = ANALYSIS_CACHE_SIZE, private readonly maxBytes = ANALYSIS_CACHE_BYTES) {}
  get(text: string): AnalysisResult {
    let r = this.map.get(text);
    if (r) { this.map.delete(text); this.map.set(text, r); return r; }
    r = analyzeDocument(this.schema, text);
    if (text.length > this.maxBytes / 16) return r; // too large to be worth keeping
    this.map.set(text, r);
    this.bytes += text.length;
    while (this.map.size > this.maxEntries || this.bytes > this.maxBytes) {
      const oldest = this.map.keys().next().value as string;
      this.map.delete(oldest);
      this.bytes -= oldest.length;
    }
    return r;
  }
}
