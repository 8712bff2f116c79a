import { z } from 'zod';
import { denyUnlessExempt, ExemptRoles, exemptRoleArns, guardrail } from './guardrail';

/**
 * Instances are launched with IMDSv2 only, and nobody but the exempt roles may change metadata options.
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html#configure-IMDS-new-instances-ami-configuration
 * Control Tower: CT.EC2.PV.1 (require IMDSv2).
 */
export const requireImdsv2 = guardrail({
  name: 'require-imdsv2',
  summary: 'EC2 instances must require IMDSv2; metadata options cannot be relaxed.',
  source: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html',
  parameters: z.strictObject({ exemptRoles: ExemptRoles }),
  statements: (p, facts) => {
    const exempt = exemptRoleArns(facts, p.exemptRoles, false);
    return [
      denyUnlessExempt('RequireImdsv2', ['ec2:RunInstances'], [`arn:${facts.partition}:ec2:*:*:instance/*`], exempt, {
        StringNotEquals: { 'ec2:MetadataHttpTokens': ['required'] },
      }),
      denyUnlessExempt('DenyImdsChanges', ['ec2:ModifyInstanceMetadataOptions'], ['*'], exempt),
    ];
  },
});

/**
 * EBS encryption by default stays on.
 * @see https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html
 * Control Tower: CT.EC2.PV.7 (disallow disabling EBS default encryption).
 */
export const denyEbsEncryptionDisable = guardrail({
  name: 'deny-ebs-encryption-disable',
  summary: 'EBS encryption by default cannot be turned off.',
  source: 'https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html',
  parameters: z.strictObject({ exemptRoles: ExemptRoles }),
  statements: (p, facts) => [
    denyUnlessExempt('DenyEbsEncryptionDisable', ['ec2:DisableEbsEncryptionByDefault'], ['*'], exemptRoleArns(facts, p.exemptRoles, false)),
  ],
});

/**
 * Resource shares cannot be opened to principals outside the organization.
 * @see https://docs.aws.amazon.com/ram/latest/userguide/scp.html
 */
export const denyRamExternalSharing = guardrail({
  name: 'deny-ram-external-sharing',
  summary: 'AWS RAM shares cannot allow principals outside the organization.',
  source: 'https://docs.aws.amazon.com/ram/latest/userguide/scp.html',
  parameters: z.strictObject({ exemptRoles: ExemptRoles }),
  statements: (p, facts) => [
    denyUnlessExempt('DenyRamExternalSharing', ['ram:CreateResourceShare', 'ram:UpdateResourceShare'], ['*'], exemptRoleArns(facts, p.exemptRoles, false), {
      Bool: { 'ram:RequestedAllowsExternalPrincipals': ['true'] },
    }),
  ],
});

/**
 * Default VPCs (public subnets, internet gateway) cannot be recreated once removed.
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html
 * Control Tower: CT.EC2.PV.4-style network controls.
 */
export const denyDefaultVpc = guardrail({
  name: 'deny-default-vpc',
  summary: 'Default VPCs and default subnets cannot be created.',
  source: 'https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html',
  parameters: z.strictObject({ exemptRoles: ExemptRoles }),
  statements: (p, facts) => [
    denyUnlessExempt('DenyDefaultVpc', ['ec2:CreateDefaultSubnet', 'ec2:CreateDefaultVpc'], ['*'], exemptRoleArns(facts, p.exemptRoles, false)),
  ],
});
