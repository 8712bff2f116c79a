import { error, type Finding } from '../config/diagnostics';
import { ROOT } from '../model/org-tree';
import type { Rule } from './rule';

/**
 * An adopted OU is imported by id. An OU that already exists in AWS sits under an OU (or the root)
 * that exists as well: under a parent lz creates, the import would plan a replacement, which
 * `prevent_destroy` stops only at plan time. Two entries with one id would manage one OU twice.
 */
export const ouIdsAreValid: Rule = {
  code: 'LZ0118',
  name: 'ou-ids-are-valid',
  check({ config, ous, ouByPath }) {
    const findings: Finding[] = [];
    const firstById = new Map<string, string>();
    for (const ou of ous) {
      if (ou.id === undefined) continue;
      const path = [...ou.yamlPath, 'id'];
      const first = firstById.get(ou.id);
      if (first !== undefined) {
        findings.push(error(this.code, path, `The OU id ${ou.id} is already the id of \`${first}\`.`,
          'Each OU of org.yaml must name a different OU in AWS; remove the duplicate id.'));
        continue;
      }
      firstById.set(ou.id, ou.path);
      if (config.organization.id === undefined)
        findings.push(error(this.code, path, `\`${ou.path}\` adopts the existing OU ${ou.id}, but the organization has no \`id\`, so lz would create a new organization without it.`,
          'Add `organization.id: o-...` (from `aws organizations describe-organization`) to adopt the organization the OU belongs to.'));
      else if (ou.parentPath !== ROOT && ouByPath.get(ou.parentPath)?.id === undefined)
        findings.push(error(this.code, path, `\`${ou.path}\` adopts the existing OU ${ou.id}, but its parent \`${ou.parentPath}\` has no \`id\`: lz would create the parent, and an existing OU cannot be under a new one.`,
          `Give \`${ou.parentPath}\` the id of the OU ${ou.id} sits under in AWS (\`aws organizations list-parents --child-id ${ou.id}\`).`));
    }
    return findings;
  },
};
