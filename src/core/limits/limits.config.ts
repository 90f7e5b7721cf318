/**
 * The static limits of DESIGN.md §7, checked before execution. One table so that the README, the
 * error messages and the tests quote the same numbers.
 */
export const STATIC_LIMITS = {
  /** Field nesting as graphql-depth-limit counts it: root fields are depth 0. */
  maxDepth: 6,
  maxAliases: 15,
  maxDirectives: 50,
  maxTokens: 2_000,
  /** 15 KiB of query text (variables excluded); the only document-size limit (checked by documentSizeError). */
  maxDocumentBytes: 15 * 1024,
  maxCost: 1_000,
  /** Field selections with fragments expanded at every spread: bounds the work of depth and cost walks (fragment fan-out). */
  maxExpandedSelections: 2_000,
  /** Fragment definitions in one document: GraphQL's overlap check compares fragments pairwise. */
  maxFragments: 50,
  /** Fields under one response name in one selection set, fragments expanded (the overlap check is quadratic in it). */
  maxSameResponseName: 25,
} as const;

/** Documents whose analysis is kept (parsed AST, counts, cost by cost-relevant variables). */
export const ANALYSIS_CACHE_SIZE = 500;
/** Total query text kept in that cache (the parsed documents are a small multiple of it). */
export const ANALYSIS_CACHE_BYTES = 1024 * 1024;
