import { error, type Finding } from '../config/diagnostics';
import { sortedEntries, type Rule } from './rule';

/**
 * CreatePermissionSet Name: 1-32 characters matching `[\w+=,.@-]+`, unique in the instance.
 * @see https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_PermissionSet.html
 */
const PERMISSION_SET_NAME = /^[\w+=,.@-]{1,32}$/;

export const permissionSetNamesMeetAwsConstraints: Rule = {
  code: 'LZ0301',
  name: 'permission-set-names-meet-aws-constraints',
  check({ config }) {
    const findings: Finding[] = [];
    const byName = new Map<string, string>();
    for (const [key, ps] of sortedEntries(config.identityCenter?.permissionSets)) {
      const name = ps.name ?? key;
      const path = ps.name === undefined ? ['identityCenter', 'permissionSets', key] : ['identityCenter', 'permissionSets', key, 'name'];
      if (!PERMISSION_SET_NAME.test(name)) {
        const why = name.length > 32 ? `has ${name.length} characters; AWS accepts at most 32` : 'contains characters other than letters, digits and +=,.@_-, which AWS does not accept';
        findings.push(error(this.code, path, `The permission set name "${name}" ${why}.`,
          ps.name === undefined ? 'Give the permission set a shorter `name:` (the key is used when there is none).' : 'Shorten the name and keep to letters, digits and +=,.@_-.', ps.name === undefined));
        continue;
      }
      const other = byName.get(name);
      if (other !== undefined)
        findings.push(error(this.code, path, `The permission set name "${name}" is also the name of \`${other}\`; names are unique in an Identity Center instance.`,
          'Give one of the two permission sets another `name:`.', ps.name === undefined));
      else byName.set(name, key);
    }
    return findings;
  },
};
