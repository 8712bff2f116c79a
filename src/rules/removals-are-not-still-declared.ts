import { error, type Finding } from '../config/diagnostics';
import { accountsStillDeclared, ouPathsStillDeclared } from '../model/managed-changes';
import { sortedEntries, type Rule } from './rule';

/** A `removed` block for an address that is still configured (or renamed) is a contradiction Terraform rejects. */
export const removalsAreNotStillDeclared: Rule = {
  code: 'LZ0806',
  name: 'removals-are-not-still-declared',
  check({ config }) {
    const findings: Finding[] = [];
    const accounts = accountsStillDeclared(config);
    for (const [key] of sortedEntries(config.removed.accounts)) {
      if (!accounts.has(key)) continue;
      findings.push(error(this.code, ['removed', 'accounts', key],
        `The account \`${key}\` is listed as removed but is still declared in org.yaml (as a key or a \`formerKey\`).`,
        `Remove \`${key}\` from \`removed.accounts\`, or remove the account (or its \`formerKey\`) from \`accounts\`.`, true));
    }
    const ous = ouPathsStillDeclared(config);
    for (const [path] of sortedEntries(config.removed.organizationalUnits)) {
      if (!ous.has(path)) continue;
      findings.push(error(this.code, ['removed', 'organizationalUnits', path],
        `The OU \`${path}\` is listed as removed but is still declared in organizationalUnits (as a path or a former path).`,
        `Remove \`${path}\` from \`removed.organizationalUnits\`, or remove the OU from the tree.`, true));
    }
    return findings;
  },
};
