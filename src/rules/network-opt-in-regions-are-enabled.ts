import { error, type Finding } from '../config/diagnostics';
import { OPT_IN_REGIONS } from '../model/regions';
import { sortedEntries, type Rule } from './rule';

/**
 * A region that is not enabled by default works only in accounts that opted in; lz does not
 * enable regions (and the deny-region-opt-in-changes guardrail keeps others from doing it), so a
 * Transit Gateway or VPC there fails at apply unless org.yaml states that the region is enabled.
 * @see https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html
 */
export const networkOptInRegionsAreEnabled: Rule = {
  code: 'LZ0551',
  name: 'network-opt-in-regions-are-enabled',
  check({ config }) {
    const findings: Finding[] = [];
    for (const [region, r] of sortedEntries(config.network?.regions))
      if (OPT_IN_REGIONS.has(region) && !r.optedIn)
        findings.push(error(this.code, ['network', 'regions', region], `${region} is an opt-in region: the network account and every account with a VPC there must have it enabled, or their stacks fail at apply.`,
          `Enable ${region} in those accounts (AWS Account Management, EnableRegion), then set \`optedIn: true\` on network.regions.${region}.`, true));
    return findings;
  },
};
