import { error, type Finding } from '../config/diagnostics';
import { ROOT } from '../model/org-tree';
import { sortedEntries, type Rule } from './rule';

/** `organization.controlTower` names OUs and targets that exist in org.yaml. */
export const controlTowerSettingsResolve: Rule = {
  code: 'LZ0901',
  name: 'control-tower-settings-resolve',
  check({ config, ouByPath }) {
    const ct = config.organization.controlTower;
    if (!ct) return [];
    const findings: Finding[] = [];
    ct.ous.forEach((path, i) => {
      if (!ouByPath.has(path))
        findings.push(error(this.code, ['organization', 'controlTower', 'ous', i], `The OU path "${path}" registered with Control Tower does not exist in organizationalUnits.`,
          'List OU paths from organizationalUnits (e.g. Security, Sandbox), as registered in the Control Tower console.'));
    });
    for (const [target] of sortedEntries(ct.guardrailAttachments))
      if (target !== ROOT && !ouByPath.has(target) && !config.accounts[target])
        findings.push(error(this.code, ['organization', 'controlTower', 'guardrailAttachments', target], `"${target}" is neither Root, an OU path nor an account key.`,
          'Key the counts by Root, an OU path (Workloads/Prod) or an account key; `lz import` writes them from the organization.'));
    return findings;
  },
};
