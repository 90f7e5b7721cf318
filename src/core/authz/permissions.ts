import { deny, shield } from 'graphql-shield';
import { IRules } from 'graphql-shield/typings/types';
import { forbidden } from '../errors/errors';
import { pwdRules } from '../../modules/pwd/pwd.rules';

import { organizationRules } from '../../modules/organization/organization.rules';
import { mouRules } from '../../modules/mou/mou.rules';
import { applicationRules } from '../../modules/application/application.rules';
import { staffRules } from '../../modules/staff/staff.rules';
import { benefitRules } from '../../modules/benefit/benefit.rules';

/** Each module's rules, merged into one tree (STYLE.md habit 4). Add a module's rules here. */
export const MODULE_RULES: IRules[] = [pwdRules, organizationRules, mouRules, applicationRules, staffRules, benefitRules];

export function mergeRules(parts: IRules[]): Record<string, Record<string, unknown> | unknown> {
  const tree: Record<string, any> = {};
  for (const part of parts) {
    for (const [type, rules] of Object.entries(part as Record<string, any>)) {
      if (typeof rules === 'object' && rules !== null && !('resolve' in rules) && !(rules.constructor?.name?.startsWith('Rule'))) {
        tree[type] = { ...(tree[type] ?? {}), ...rules };
      } else {
        tree[type] = rules;
      }
    }
  }
  return tree;
}

/** The whole policy: deny by default; a field without a rule is never served. */
export function permissions() {
  return shield(mergeRules(MODULE_RULES) as IRules, {
    fallbackRule: deny,
    fallbackError: () => forbidden('Not permitted.'),
    allowExternalErrors: true,
    // Rethrow (rather than return) errors thrown by resolvers and rules, so graphql-js always reports
    // them as errors — a returned error from another realm (driver errors) would be served as data.
    // Nothing is exposed by this: formatError masks every unexpected error.
    debug: true,
  });
}
