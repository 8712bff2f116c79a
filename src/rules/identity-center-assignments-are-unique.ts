import { error, type Finding } from '../config/diagnostics';
import { accountPlacements, expandAssignmentTargets, principalOf } from '../model/identity-center';
import { isWithin } from '../model/org-tree';
import type { Rule } from './rule';

/**
 * Each (principal, permission set, account) is granted by one assignment entry and one target of
 * it. A second grant has no effect today, and it hides intent: removing one of the two entries
 * would silently keep the access.
 */
export const identityCenterAssignmentsAreUnique: Rule = {
  code: 'LZ0308',
  name: 'identity-center-assignments-are-unique',
  check({ config }) {
    const section = config.identityCenter;
    if (!section) return [];
    const findings: Finding[] = [];
    const placements = accountPlacements(config);
    const firstGrant = new Map<string, number>();
    section.assignments.forEach((a, i) => {
      const base = ['identityCenter', 'assignments', i];
      a.permissionSets.forEach((s, j) => {
        if (a.permissionSets.indexOf(s) !== j)
          findings.push(error(this.code, [...base, 'permissionSets', j], `The permission set \`${s}\` is listed twice in this assignment.`, 'Remove the duplicate.'));
      });
      a.accounts.forEach((k, j) => {
        const ou = a.ous.find((o) => config.accounts[k] !== undefined && isWithin(config.accounts[k]!.ou, o));
        if (a.accounts.indexOf(k) !== j)
          findings.push(error(this.code, [...base, 'accounts', j], `The account \`${k}\` is listed twice in this assignment.`, 'Remove the duplicate.'));
        else if (ou !== undefined)
          findings.push(error(this.code, [...base, 'accounts', j], `The account \`${k}\` is already a target through the OU ${ou} of this assignment.`, 'Remove the account from `accounts:`.'));
      });
      a.ous.forEach((o, j) => {
        const outer = a.ous.find((other, k) => k !== j && (other === o ? k < j : isWithin(o, other)));
        if (outer !== undefined)
          findings.push(error(this.code, [...base, 'ous', j], outer === o ? `The OU ${o} is listed twice in this assignment.` : `The OU ${o} is inside the OU ${outer}, which this assignment already targets.`,
            `Remove ${o} from \`ous:\`.`));
      });

      const principal = principalOf(a);
      if (!principal) return;
      const repeated = new Map<number, Set<string>>();
      for (const account of expandAssignmentTargets(a, placements))
        for (const set of new Set(a.permissionSets)) {
          const id = `${principal.type}:${principal.key}:${set}:${account}`;
          const earlier = firstGrant.get(id);
          if (earlier === undefined) firstGrant.set(id, i);
          else if (earlier !== i) repeated.set(earlier, (repeated.get(earlier) ?? new Set()).add(`${set} in ${account}`));
        }
      for (const [earlier, grants] of [...repeated].sort(([a], [b]) => a - b)) {
        const list = [...grants].sort();
        findings.push(error(this.code, base, `This assignment grants ${principal.type === 'GROUP' ? 'group' : 'user'} \`${principal.key}\` ${list.slice(0, 3).join(', ')}${list.length > 3 ? ` and ${list.length - 3} more` : ''}, which assignments[${earlier}] already grants.`,
          'Remove those targets or permission sets from one of the two assignments, or exclude them with excludeAccounts or excludeOus.'));
      }
    });
    return findings;
  },
};
