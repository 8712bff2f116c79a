import { error, type Finding } from '../config/diagnostics';
import type { Rule } from './rule';

/** AWS rejects a second OU with the same name under one parent (DuplicateOrganizationalUnitException). */
export const ouNamesAreUniqueUnderParent: Rule = {
  code: 'LZ0105',
  name: 'ou-names-are-unique-under-parent',
  check({ ous }) {
    const seen = new Map<string, string>();
    const findings: Finding[] = [];
    for (const ou of ous) {
      const id = `${ou.parentPath}\u0000${ou.name.toLowerCase()}`;
      const first = seen.get(id);
      if (first === undefined) seen.set(id, ou.path);
      else
        findings.push(error(this.code, ou.yamlPath, `The OU name "${ou.name}" is already used by "${first}" under the same parent (${ou.parentPath}).`,
          'Give one of the two OUs another `name`, or merge them.', true));
    }
    return findings;
  },
};
