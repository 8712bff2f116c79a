import { error, type Finding } from '../config/diagnostics';
import { resolveVpcDefinitions } from '../model/network/resolve';
import { isWithin } from '../model/org-tree';
import { policyTargets } from '../model/policy-packing';
import { policyContent } from '../model/policy-sources';
import type { PolicyTarget } from '../model/types';
import { sortedEntries, type Rule } from './rule';

/** The VPC Block Public Access mode a declarative policy assigns, if any. */
function blockMode(document: unknown): string | undefined {
  const mode = (document as { ec2_attributes?: { vpc_block_public_access?: { internet_gateway_block?: { mode?: { '@@assign'?: unknown } } } } })
    ?.ec2_attributes?.vpc_block_public_access?.internet_gateway_block?.mode?.['@@assign'];
  return typeof mode === 'string' ? mode : undefined;
}

const reaches = (target: PolicyTarget, accountKey: string, ou: string) =>
  target.kind === 'root' || (target.kind === 'ou' && isWithin(ou, target.path)) || (target.kind === 'account' && target.key === accountKey);

/**
 * VPC Block Public Access in block_bidirectional mode stops every packet through an internet
 * gateway in the accounts a declarative policy reaches. A VPC of org.yaml with a subnet tier
 * routed to the internet (the egress VPC of central egress, a public tier) would lose the
 * internet for the whole organization that depends on it, at the policy's apply. Exclusions are
 * made in the account itself, outside org.yaml, so they do not count here.
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/security-vpc-bpa.html
 */
export const vpcBlockPublicAccessSparesInternetVpcs: Rule = {
  code: 'LZ0211',
  name: 'vpc-block-public-access-spares-internet-vpcs',
  check(context) {
    const { config } = context;
    if (!config.network) return [];
    const blocking = sortedEntries(config.policies)
      .filter(([, p]) => p.type === 'DECLARATIVE_POLICY_EC2' && blockMode(policyContent(p)) === 'block_bidirectional')
      .map(([key]) => key);
    if (blocking.length === 0) return [];
    const targets = policyTargets(config);
    const findings: Finding[] = [];
    for (const vpc of resolveVpcDefinitions(config)) {
      const account = config.accounts[vpc.accountKey];
      if (!account) continue;
      const tiers = Object.keys(vpc.fields.subnets ?? {}).filter((t) => vpc.fields.subnets?.[t]?.defaultRoute === 'internet').sort();
      if (tiers.length === 0) continue;
      for (const policy of blocking.filter((p) => (targets.get(p) ?? []).some((t) => reaches(t, vpc.accountKey, account.ou))))
        findings.push(error(this.code, vpc.yamlPath,
          `The VPC ${vpc.accountKey}/${vpc.key} routes ${tiers.join(', ')} to the internet, but the declarative policy \`${policy}\` sets VPC Block Public Access to block_bidirectional for ${vpc.accountKey} (OU ${account.ou}), which blocks its internet gateway.`,
          `Attach \`${policy}\` only to OUs without internet-facing VPCs (not to ${account.ou} or a parent), or use mode block_ingress, which keeps NAT gateway egress working.`));
    }
    return findings;
  },
};
