import { error, type Finding } from '../config/diagnostics';
import { closest } from '../config/parse';
import { SecurityHubStandard } from '../config/schema/security';
import { sortedEntries, type Rule } from './rule';

/**
 * A configuration policy enables standards by ARN, which lz derives from a standard's key per
 * partition and home region; a key it does not know has no ARN. Checked here rather than by the
 * schema so that a near miss gets the key it was meant to be.
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/standards-reference.html
 */
export const securityHubStandardsAreKnown: Rule = {
  code: 'LZ0407',
  name: 'security-hub-standards-are-known',
  check({ config }) {
    const known: readonly string[] = SecurityHubStandard.options;
    const findings: Finding[] = [];
    for (const [key, policy] of sortedEntries(config.security?.services.securityHub?.configurationPolicies ?? {}))
      policy.standards.forEach((standard, i) => {
        if (known.includes(standard)) return;
        const suggestion = closest(standard, known);
        findings.push(error(this.code, ['security', 'services', 'securityHub', 'configurationPolicies', key, 'standards', i],
          `"${standard}" is not a Security Hub standard lz knows, so it has no standards ARN to enable.`,
          suggestion ? `Did you mean "${suggestion}"?` : `Use one of: ${known.join(', ')}.`));
      });
    return findings;
  },
};
