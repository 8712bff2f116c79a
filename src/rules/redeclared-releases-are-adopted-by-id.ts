import { error, warning, type Finding } from '../config/diagnostics';
import { LOCK_FILE_NAME } from '../config/lock-file';
import { readManagedRecord } from '../config/managed-record';
import { redeclarations } from '../model/redeclarations';
import { readoptedAttachments } from '../model/released-attachments';
import { ROOT } from '../model/org-tree';
import type { Rule, RuleContext } from './rule';

/**
 * A released account or OU left Terraform's state but still exists in AWS. Declared again, it must
 * be imported: created anew, an account would be a second account (or fail on its email) and an
 * OU would fail with DuplicateOrganizationalUnitException. The record knows the id of those that
 * were adopted by id; for the others org.yaml has to give it.
 */
export const redeclaredReleasesAreAdoptedById: Rule = {
  code: 'LZ0811',
  name: 'redeclared-releases-are-adopted-by-id',
  check({ config, previousLock, ouByPath }) {
    const findings: Finding[] = [];
    const { record } = readManagedRecord(previousLock);
    const redeclared = redeclarations(config, record);
    for (const r of redeclared) {
      const what = r.kind === 'account' ? 'account' : 'OU';
      const as = r.releasedAs === r.name ? '' : ` as \`${r.releasedAs}\``;
      if (r.declaredId !== undefined && r.recordedId !== undefined && r.declaredId !== r.recordedId)
        findings.push(error(this.code, [...r.yamlPath, 'id'],
          `The ${what} \`${r.name}\` was released${as} with the id ${r.recordedId} (${LOCK_FILE_NAME}), but org.yaml gives it the id ${r.declaredId}.`,
          `Check which ${what} you mean: to manage the released one again, use id: ${quoted(r)}; for a different one, use another key.`));
      else if (r.declaredId === undefined && r.recordedId === undefined)
        findings.push(error(this.code, r.yamlPath,
          `The ${what} \`${r.name}\` was released${as} earlier (${LOCK_FILE_NAME}) and still exists in AWS; declared without its id, the plan would create it a second time.`,
          r.kind === 'account' ? accountFix(config.accounts[r.name]!.email) : ouFix(r.name, ouByPath)));
    }
    for (const { policyKey, redeclaration: r } of readoptedAttachments(config, record, redeclared).unmanaged) {
      const what = r.kind === 'account' ? 'account' : 'OU';
      const detach = `\`aws organizations detach-policy --policy-id <id of ${policyKey}> --target-id <id of ${r.name}>\``;
      if (policyKey in config.policies)
        findings.push(warning(this.code, r.yamlPath,
          `The ${what} \`${r.name}\` still has the policy \`${policyKey}\` attached in AWS from before its release; org.yaml no longer attaches it there, so it stays attached without lz managing it.`,
          `Attach \`${policyKey}\` to \`${r.name}\` in org.yaml to manage it again (it is imported), or detach it in AWS with ${detach}.`));
      else
        findings.push(error(this.code, ['policies'],
          `The policy \`${policyKey}\` is no longer in org.yaml, but it is still attached in AWS to the ${what} \`${r.name}\` from before its release; AWS refuses to delete a policy in use (PolicyInUseException).`,
          `Keep \`${policyKey}\` in org.yaml and attach it to \`${r.name}\` (it is imported), or detach it in AWS first with ${detach}.`));
    }
    return findings;
  },
};

function accountFix(email: string): string {
  return `Add its 12-digit id as \`id: "..."\` so it is imported: \`aws organizations list-accounts --query "Accounts[?Email=='${email}'].Id"\` prints it.`;
}

function ouFix(path: string, ouByPath: RuleContext['ouByPath']): string {
  const ou = ouByPath.get(path)!;
  const parentId = ou.parentPath === ROOT ? '<root id, from aws organizations list-roots>' : (ouByPath.get(ou.parentPath)?.id ?? `<id of ${ou.parentPath}>`);
  return `Add its id as \`id: ou-...\` so it is imported: \`aws organizations list-organizational-units-for-parent --parent-id ${parentId} --query "OrganizationalUnits[?Name=='${ou.name}'].Id"\` prints it.`;
}

function quoted(r: { kind: 'account' | 'ou'; recordedId?: string }): string {
  return r.kind === 'account' ? `"${r.recordedId}"` : r.recordedId!;
}
