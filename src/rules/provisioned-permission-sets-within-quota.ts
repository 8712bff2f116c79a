import { warning, type Finding } from '../config/diagnostics';
import { accountPlacements, expandAssignmentTargets } from '../model/identity-center';
import type { Rule } from './rule';

/**
 * Each permission set assigned in an account is provisioned there as an IAM role; AWS limits how
 * many per account (500 by default, adjustable), so assignments beyond it fail at apply.
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/limits.html
 */
export const provisionedPermissionSetsWithinQuota: Rule = {
  code: 'LZ0309',
  name: 'provisioned-permission-sets-within-quota',
  check({ config }) {
    const section = config.identityCenter;
    if (!section) return [];
    const placements = accountPlacements(config);
    const setsByAccount = new Map<string, Set<string>>();
    for (const a of section.assignments)
      for (const account of expandAssignmentTargets(a, placements)) {
        const sets = setsByAccount.get(account) ?? new Set<string>();
        for (const s of a.permissionSets) if (section.permissionSets[s]) sets.add(s);
        setsByAccount.set(account, sets);
      }
    const quota = section.permissionSetsPerAccountQuota;
    const findings: Finding[] = [];
    for (const account of [...setsByAccount.keys()].sort()) {
      const count = setsByAccount.get(account)!.size;
      if (count > quota)
        findings.push(warning(this.code, ['identityCenter', 'assignments'], `The account \`${account}\` would have ${count} permission sets provisioned; the quota is ${quota} per account.`,
          'Request a higher "Permission sets provisioned per account" quota and set identityCenter.permissionSetsPerAccountQuota to it, or assign fewer permission sets there.', true));
    }
    return findings;
  },
};
