import type { Request } from 'express';
import { DocumentNode, FragmentDefinitionNode, Kind, OperationDefinitionNode, parse, SelectionSetNode } from 'graphql';

/**
 * Root fields an application suspended for RECIPROCITY may still call: reporting is how it lifts the
 * suspension, and `me` tells it so. Everything else (every PwD read) stays refused.
 */
export const REPORTING_ROOT_FIELDS = new Set([
  'reportBenefit', 'reportBenefits', 'reverseBenefitReport', 'benefitReports', 'me', '__typename',
]);

/**
 * True when the request only reports benefits: the upload route, or a GraphQL operation whose root
 * fields are all in REPORTING_ROOT_FIELDS. Called by the gate only for suspended applications, so
 * the extra parse never costs anything on the normal path.
 */
export function reportingOnlyRequest(req: Request): boolean {
  if (req.originalUrl.startsWith('/benefit-reports/')) return true;
  const body = req.body as { query?: unknown; operationName?: unknown } | undefined;
  const query = typeof body?.query === 'string' ? body.query : typeof req.query?.query === 'string' ? req.query.query : null;
  if (!query || query.length > 100_000) return false;
  let doc: DocumentNode;
  try { doc = parse(query, { noLocation: true, maxTokens: 5_000 }); } catch { return false; }
  const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const name = typeof body?.operationName === 'string' ? body.operationName : null;
  const op = name ? ops.find((o) => o.name?.value === name) : ops.length === 1 ? ops[0] : undefined;
  if (!op) return false;
  const fragments = new Map(doc.definitions
    .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
    .map((f) => [f.name.value, f]));
  return rootFieldsAllowed(op.selectionSet, fragments, new Set());
}

function rootFieldsAllowed(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string>): boolean {
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      if (!REPORTING_ROOT_FIELDS.has(s.name.value)) return false;
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      if (!rootFieldsAllowed(s.selectionSet, fragments, seen)) return false;
    } else {
      const f = fragments.get(s.name.value);
      if (!f || seen.has(f.name.value)) return false;
      seen.add(f.name.value);
      if (!rootFieldsAllowed(f.selectionSet, fragments, seen)) return false;
    }
  }
  return true;
}
