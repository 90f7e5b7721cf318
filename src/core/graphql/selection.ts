import { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/** Names of the fields selected under `path` (e.g. ['edges', 'node']), fragments and inline fragments included. */
export function selectedFields(info: GraphQLResolveInfo, path: string[] = []): string[] {
  const out = new Set<string>();
  const walk = (set: SelectionSetNode | undefined, rest: string[]) => {
    if (!set) return;
    for (const sel of set.selections) {
      if (sel.kind === 'Field') {
        const name = (sel as FieldNode).name.value;
        if (rest.length === 0) { if (!name.startsWith('__')) out.add(name); }
        else if (name === rest[0]) walk(sel.selectionSet, rest.slice(1));
      } else if (sel.kind === 'InlineFragment') walk(sel.selectionSet, rest);
      else if (sel.kind === 'FragmentSpread') {
        const frag = info.fragments[sel.name.value] as FragmentDefinitionNode | undefined;
        walk(frag?.selectionSet, rest);
      }
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet, path);
  return [...out].sort();
}
