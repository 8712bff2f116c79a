import { z } from 'zod';
import { denyUnlessExempt, ExemptRoles, exemptRoleArns, guardrail } from './guardrail';

/**
 * Actions of global services, which AWS serves from us-east-1 (or the partition's global region)
 * whatever region the caller works in; denying them outside the allowed regions would break them.
 * After the AWS example "Deny access to AWS based on the requested Region".
 */
export const GLOBAL_SERVICE_ACTIONS: readonly string[] = [
  'account:*', 'acm:*', 'aws-marketplace-management:*', 'aws-marketplace:*', 'aws-portal:*', 'budgets:*', 'ce:*', 'chime:*', 'cloudfront:*',
  'config:*', 'cur:*', 'directconnect:*', 'ec2:DescribeRegions', 'ec2:DescribeTransitGateways', 'ec2:DescribeVpnGateways', 'fms:*',
  'globalaccelerator:*', 'health:*', 'iam:*', 'kms:*', 'networkmanager:*', 'organizations:*', 'pricing:*', 'route53-recovery-cluster:*',
  'route53-recovery-control-config:*', 'route53-recovery-readiness:*', 'route53:*', 'route53domains:*', 's3:GetAccountPublic*',
  's3:ListAllMyBuckets', 's3:ListMultiRegionAccessPoints', 's3:PutAccountPublic*', 'shield:*', 'sso:*', 'sts:*', 'support:*',
  'trustedadvisor:*', 'waf-regional:*', 'waf:*', 'wafv2:*', 'wellarchitected:*',
];

const ActionPattern = z.string().regex(/^(?:\*|[a-z0-9-]+:[A-Za-z0-9*?]+)$/, { error: 'an IAM action such as iam:* or s3:ListAllMyBuckets' });

/**
 * Every request outside the allowed regions (org.yaml's `allowedRegions`, the home region always
 * included) is denied, except global services and the exempt roles.
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html#example-scp-deny-region
 * Control Tower: AWS-GR_REGION_DENY.
 */
export const denyUnapprovedRegions = guardrail({
  name: 'deny-unapproved-regions',
  summary: 'Requests outside the allowed regions are denied, except global services.',
  source: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html',
  parameters: z.strictObject({
    globalServiceActions: z.array(ActionPattern).min(1).default([...GLOBAL_SERVICE_ACTIONS])
      .meta({ description: 'Actions exempt because their service is global; replaces the whole list. @default the AWS example list' }),
    additionalRegions: z.array(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, { error: 'a region name such as eu-central-1' })).default([])
      .meta({ description: 'Regions allowed here besides organization.allowedRegions. @default none' }),
    exemptRoles: ExemptRoles,
  }),
  statements: (p, facts) => {
    const regions = [...new Set([...facts.allowedRegions, ...p.additionalRegions])];
    const statement = denyUnlessExempt('DenyUnapprovedRegions', [], ['*'], exemptRoleArns(facts, p.exemptRoles, false), {
      StringNotEquals: { 'aws:RequestedRegion': regions },
    });
    const { Action: _unused, ...rest } = statement;
    return [{ ...rest, NotAction: [...new Set(p.globalServiceActions)] }];
  },
});
