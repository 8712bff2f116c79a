import { error, type Finding } from '../config/diagnostics';
import { flattenOus } from '../model/org-tree';
import { ouAt } from '../model/baseline';
import { sortedEntries, type Rule } from './rule';

/**
 * An OU's or account's `baseline` only overrides the top-level section; without that section no
 * account has a baseline, and the override would be ignored without a word.
 */
export const baselineOverridesHaveABaseline: Rule = {
  code: 'LZ1001',
  name: 'baseline-overrides-have-a-baseline',
  check({ config }) {
    if (config.baseline) return [];
    const findings: Finding[] = [];
    const fix = 'Add a top-level `baseline:` section (`baseline: {}` applies the defaults to every member account), or remove this override.';
    for (const ou of flattenOus(config.organizationalUnits))
      if (ouAt(config.organizationalUnits, ou.path)?.baseline !== undefined)
        findings.push(error(this.code, [...ou.yamlPath, 'baseline'], `The OU ${ou.path} overrides the account baseline, but org.yaml has no top-level \`baseline\` section, so no account has one.`, fix, true));
    for (const [key, account] of sortedEntries(config.accounts))
      if (account.baseline !== undefined)
        findings.push(error(this.code, ['accounts', key, 'baseline'], `The account ${key} overrides the account baseline, but org.yaml has no top-level \`baseline\` section, so no account has one.`, fix, true));
    return findings;
  },
};
