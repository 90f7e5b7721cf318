import { buildTypeSchema } from '../../src/app/schema';
import { actualCost, analyzeDocument, requestedCost } from '../../src/core/limits/document.analysis';
import type { GraphQLSchema } from 'graphql';

/** The actual cost is remembered per returned shape: a remembered figure always equals a fresh computation. */
describe('actual cost memo', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => { schema = await buildTypeSchema(); });

  const analysis = (text: string) => {
    const r = analyzeDocument(schema, text);
    if (!r.ok) throw r.error;
    return r.analysis;
  };
  const page = (n: number) => ({ pwds: { edges: Array.from({ length: n }, () => ({ node: { udid: 'x', name: 'y' } })) } });

  it('by what each page returned, which roots were null, and the variables that matter', () => {
    const text = 'query P($first: Int, $yes: Boolean!) { pwds(filter: {}, first: $first) { edges { node { udid name mobile @include(if: $yes) } } } one: pwd(udid: "MH0000000000000001") { udid } }';
    const kept = analysis(text);
    const shapes: [Record<string, unknown>, Record<string, unknown>][] = [
      [{ first: 100, yes: true }, { ...page(100), one: { udid: 'x' } }],
      [{ first: 100, yes: true }, { ...page(3), one: { udid: 'x' } }],
      [{ first: 100, yes: true }, { ...page(3), one: null }],
      [{ first: 100, yes: false }, { ...page(3), one: null }],
      [{ first: 50, yes: false }, { ...page(50), one: { udid: 'x' } }],
      [{ first: 100, yes: true }, { ...page(100), one: { udid: 'x' } }],
    ];
    const seen = new Set<number>();
    for (const [variables, data] of shapes) {
      const requested = requestedCost(schema, kept, 'P', variables);
      const remembered = actualCost(schema, kept, 'P', variables, data, requested);
      const fresh = actualCost(schema, analysis(text), 'P', variables, data, requested);
      expect(remembered).toBe(fresh);
      seen.add(fresh);
    }
    expect(seen.size).toBeGreaterThanOrEqual(4); // the shapes really price differently
    expect(kept.actuals.size).toBe(5);
  });
});
