import { error, type Finding } from '../config/diagnostics';
import { ousWithFormerPaths } from '../model/managed-changes';
import { sortedEntries, type Rule } from './rule';

/** One resource in Terraform's state can move to one new address only. */
export const formerKeysAreClaimedOnce: Rule = {
  code: 'LZ0805',
  name: 'former-keys-are-claimed-once',
  check({ config }) {
    const findings: Finding[] = [];
    const accountClaims = new Map<string, string>();
    for (const [key, account] of sortedEntries(config.accounts)) {
      if (account.formerKey === undefined) continue;
      const first = accountClaims.get(account.formerKey);
      if (first === undefined) accountClaims.set(account.formerKey, key);
      else
        findings.push(error(this.code, ['accounts', key, 'formerKey'], `\`formerKey: ${account.formerKey}\` is already claimed by account \`${first}\`; one account cannot become two.`,
          `Keep \`formerKey\` on the account that really was \`${account.formerKey}\` and remove it here.`));
    }
    const ouClaims = new Map<string, string>();
    for (const ou of ousWithFormerPaths(config.organizationalUnits)) {
      if (ou.formerPath === ou.path) continue;
      const first = ouClaims.get(ou.formerPath);
      if (first === undefined) ouClaims.set(ou.formerPath, ou.path);
      else
        findings.push(error(this.code, [...ou.yamlPath, 'formerKey'], `The former path \`${ou.formerPath}\` is already claimed by OU \`${first}\`; one OU cannot become two.`,
          'Keep `formerKey` on the OU that really had that path and remove it here.'));
    }
    return findings;
  },
};
