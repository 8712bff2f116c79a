import { error } from '../config/diagnostics';
import type { Rule } from './rule';

/** AWS Organizations allows OUs nested at most five levels under the root. */
export const MAX_OU_DEPTH = 5;

export const ouDepthWithinLimit: Rule = {
  code: 'LZ0104',
  name: 'ou-depth-within-limit',
  check({ ous }) {
    return ous
      .filter((ou) => ou.depth > MAX_OU_DEPTH)
      .map((ou) => error(this.code, ou.yamlPath, `The OU "${ou.path}" is nested ${ou.depth} levels under the root; AWS allows ${MAX_OU_DEPTH}.`,
        'Flatten the tree: move this OU up a level, or express the distinction with tags instead of nesting.', true));
  },
};
