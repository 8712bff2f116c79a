import { error, type Finding } from '../config/diagnostics';
import { ousWithFormerPaths } from '../model/managed-changes';
import { sortedEntries, type Rule } from './rule';

/**
 * A former key that is also a current key (the entry's own, or another one's, as in a swap of two
 * keys) would make a `moved` block point at a resource that still exists: Terraform rejects it.
 */
export const formerKeysAreNotInUse: Rule = {
  code: 'LZ0804',
  name: 'former-keys-are-not-in-use',
  check({ config }) {
    const findings: Finding[] = [];
    for (const [key, account] of sortedEntries(config.accounts)) {
      const former = account.formerKey;
      if (former === undefined) continue;
      if (key === config.organization.managementAccount)
        findings.push(error(this.code, ['accounts', key, 'formerKey'], `The management account is not a Terraform resource, so \`formerKey: ${former}\` has nothing to move.`,
          'Remove `formerKey` from the management account.'));
      else if (former in config.accounts)
        findings.push(error(this.code, ['accounts', key, 'formerKey'],
          former === key ? `\`formerKey: ${former}\` is the account's own key.` : `\`formerKey: ${former}\` is the key of another account in org.yaml; a key cannot be renamed and still be in use.`,
          'Give the key the account had before the rename, or remove `formerKey`.'));
    }
    const ous = ousWithFormerPaths(config.organizationalUnits);
    const current = new Set(ous.map((ou) => ou.path));
    for (const ou of ous) {
      if (ou.formerPath === ou.path || !current.has(ou.formerPath)) continue;
      findings.push(error(this.code, [...ou.yamlPath, 'formerKey'],
        `The former path \`${ou.formerPath}\` of OU \`${ou.path}\` is still an OU in org.yaml; a path cannot be renamed and still be in use.`,
        'Give the key the OU had before the rename, or remove `formerKey`.'));
    }
    return findings;
  },
};
