import { FieldNode, FragmentDefinitionNode, getDirectiveValues, GraphQLIncludeDirective, GraphQLResolveInfo, GraphQLSkipDirective, SelectionNode, SelectionSetNode } from 'graphql';

/** Whether GraphQL executes this selection with the request's variables (@include / @skip). */
function executed(sel: SelectionNode, info: GraphQLResolveInfo): boolean {
  if (!sel.directives?.length) return true;
  if (getDirectiveValues(GraphQLSkipDirective, sel, info.variableValues)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, sel, info.variableValues)?.if !== false;
}

/**
 * Names of the fields selected under `path` (e.g. ['edges', 'node']), fragments and inline fragments
 * included, as GraphQL executes them (selections skipped by @include/@skip are not selected).
 */
export function selectedFields(info: GraphQLResolveInfo, path: string[] = []): string[] {
  const out = new Set<string>();
  const walk = (set: SelectionSetNode | undefined, rest: string[]) => {
    if (!set) return;
    for (const sel of set.selections) {
      if (!executed(sel, info)) continue;
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

/** The key under which a root field's value appears in the response (its alias, or its name). */
export function responseKey(info: GraphQLResolveInfo): string {
  return String(info.path.key);
}
