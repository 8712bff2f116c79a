import { z } from 'zod';
import type { PolicyStatement } from '../../config/schema/common';
import { denyUnlessExempt, ExemptAccessRole, ExemptRoles, exemptRoleArns, guardrail, RoleNamePattern, roleArn } from './guardrail';

/**
 * The root user of member accounts cannot act, and in particular cannot create access keys.
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html
 * Control Tower: AWS-GR_RESTRICT_ROOT_USER and AWS-GR_RESTRICT_ROOT_USER_ACCESS_KEYS.
 */
export const denyRootUser = guardrail({
  name: 'deny-root-user',
  summary: 'The root user of member accounts can do nothing, access keys included.',
  source: 'https://docs.aws.amazon.com/controltower/latest/controlreference/strongly-recommended-controls.html',
  parameters: z.strictObject({}),
  statements: (_p, facts): PolicyStatement[] => {
    const root = { StringLike: { 'aws:PrincipalArn': [`arn:${facts.partition}:iam::*:root`] } };
    return [
      { Sid: 'DenyRootUser', Effect: 'Deny', Action: '*', Resource: '*', Condition: root },
      { Sid: 'DenyRootAccessKeys', Effect: 'Deny', Action: 'iam:CreateAccessKey', Resource: '*', Condition: root },
    ];
  },
});

/**
 * People sign in through IAM Identity Center; long-lived IAM users and access keys are not created.
 * @see https://docs.aws.amazon.com/prescriptive-guidance/latest/security-reference-architecture/iam.html
 * Control Tower: CT.IAM.PR.* (IAM user access keys).
 */
export const denyIamUsers = guardrail({
  name: 'deny-iam-users',
  summary: 'IAM users, their passwords and access keys cannot be created.',
  source: 'https://docs.aws.amazon.com/prescriptive-guidance/latest/security-reference-architecture/iam.html',
  parameters: z.strictObject({ exemptRoles: ExemptRoles }),
  statements: (p, facts) => [
    denyUnlessExempt('DenyIamUsers', ['iam:CreateAccessKey', 'iam:CreateLoginProfile', 'iam:CreateUser'], ['*'], exemptRoleArns(facts, p.exemptRoles, false)),
  ],
});

/**
 * The organization access role and the deployment roles cannot be changed or deleted by anyone
 * but themselves and the exempt roles.
 * @see https://docs.aws.amazon.com/controltower/latest/controlreference/mandatory-controls.html
 * Control Tower: AWS-GR_IAM_ROLE_CHANGE_PROHIBITED.
 */
export const protectAccessRoles = guardrail({
  name: 'protect-access-roles',
  summary: 'The organization access role and the deployment roles cannot be changed or deleted.',
  source: 'https://docs.aws.amazon.com/controltower/latest/controlreference/mandatory-controls.html',
  parameters: z.strictObject({
    roles: z.array(RoleNamePattern).default([]).meta({ description: 'Deployment roles protected besides the access role. @default none' }),
    exemptRoles: ExemptRoles,
    exemptAccessRole: ExemptAccessRole,
  }),
  statements: (p, facts) => {
    const protectedRoles = [...new Set([facts.accessRoleName, ...p.roles])].map((r) => roleArn(facts, r));
    const actions = [
      'iam:AttachRolePolicy', 'iam:DeleteRole', 'iam:DeleteRolePermissionsBoundary', 'iam:DeleteRolePolicy', 'iam:DetachRolePolicy',
      'iam:PutRolePermissionsBoundary', 'iam:PutRolePolicy', 'iam:UpdateAssumeRolePolicy', 'iam:UpdateRole', 'iam:UpdateRoleDescription',
    ];
    return [denyUnlessExempt('ProtectAccessRoles', actions, protectedRoles, exemptRoleArns(facts, p.exemptRoles, p.exemptAccessRole))];
  },
});
