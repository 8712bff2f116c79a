import { warning } from '../config/diagnostics';
import { completeNetworkModel } from './endpoint-facts';
import type { Rule } from './rule';

/**
 * Each CIDR of a VPC that uses the central endpoints is one inbound rule of their security group
 * (added from the consumer's own stack), and a security group holds 60 inbound rules unless the
 * quota is raised. Past it, the next consumer's apply fails with RulesPerSecurityGroupLimitExceeded.
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-security-groups
 */
export const SECURITY_GROUP_INBOUND_RULES = 60;

export const centralEndpointRulesWithinQuota: Rule = {
  code: 'LZ0536',
  name: 'central-endpoint-rules-within-quota',
  check(context) {
    const central = context.config.network?.centralEndpoints;
    if (!central) return [];
    const network = completeNetworkModel(context);
    if (!network?.centralEndpoints) return [];
    const users = [central.vpc, ...network.centralEndpoints.consumers];
    const rules = network.vpcs.filter((v) => users.includes(v.id)).reduce((n, v) => n + 1 + v.secondaryCidrs.length, 0);
    if (rules <= SECURITY_GROUP_INBOUND_RULES) return [];
    return [warning(this.code, ['network', 'centralEndpoints'],
      `The central endpoints' security group would hold ${rules} inbound rules (one per CIDR of the ${users.length} VPCs that use them); a security group holds ${SECURITY_GROUP_INBOUND_RULES} unless the quota "Inbound or outbound rules per security group" is raised.`,
      `Raise that quota in ${network.region} for the ${central.vpc.split('/')[0]} account before applying (the limit is per group; rules times groups per interface stays at most 1,000), or move some VPCs to endpoints of their own (endpoints.interface).`, true)];
  },
};
