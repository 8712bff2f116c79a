import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import type { Construct } from 'constructs';
import { createHash } from 'node:crypto';

/** The audience HCP Terraform puts into the identity tokens of AWS dynamic credentials. */
export const TFC_AWS_AUDIENCE = 'aws.workload.identity';

export interface TerraformCloudOidcProviderProps {
  /** HCP Terraform or Terraform Enterprise host, e.g. app.terraform.io. */
  readonly hostname: string;
}

/**
 * The IAM OIDC identity provider that lets HCP Terraform runs exchange their identity token for
 * AWS credentials, one in the management account. AWS obtains the certificate thumbprint itself.
 * @see https://developer.hashicorp.com/terraform/cloud-docs/workspaces/dynamic-provider-credentials/aws-configuration
 */
export class TerraformCloudOidcProvider extends IamOpenidConnectProvider {
  constructor(scope: Construct, id: string, props: TerraformCloudOidcProviderProps) {
    super(scope, id, {
      url: `https://${props.hostname}`,
      clientIdList: [TFC_AWS_AUDIENCE],
    });
  }
}

/** The ARN IAM gives the identity provider of `hostname` in an account: known before it exists. */
export function oidcProviderArn(partition: string, accountId: string, hostname: string): string {
  return `arn:${partition}:iam::${accountId}:oidc-provider/${hostname}`;
}

export interface WorkspaceRoleProps {
  readonly hostname: string;
  readonly organization: string;
  readonly project: string;
  readonly workspace: string;
  readonly partition: string;
  /** ARN of the management account's TerraformCloudOidcProvider. */
  readonly oidcProviderArn: string;
  /**
   * Attach AdministratorAccess: for the workspaces of stacks that deploy into the management
   * account, where the role is the stack's credentials. @default false - the role can do nothing
   * until a policy such as AccessRoleAssumptionPolicy grants it something
   */
  readonly administrator?: boolean;
}

/** IAM role names are at most 64 characters; longer names keep a readable start and a stable hash. */
export function workspaceRoleName(workspace: string): string {
  const name = `tfc-${workspace}`;
  if (name.length <= 64) return name;
  return `${name.slice(0, 55)}-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
}

/** The trust policy of a workspace role: only runs of that one workspace, in either run phase. */
export function workspaceTrustPolicy(props: Omit<WorkspaceRoleProps, 'partition' | 'administrator'>): Record<string, unknown> {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: props.oidcProviderArn },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { [`${props.hostname}:aud`]: TFC_AWS_AUDIENCE },
          StringLike: {
            [`${props.hostname}:sub`]: `organization:${props.organization}:project:${props.project}:workspace:${props.workspace}:run_phase:*`,
          },
        },
      },
    ],
  };
}

/**
 * The role one workspace's runs assume, in the management account, with the workspace's identity
 * token. With `administrator` it administers the management account (the stack deploys there);
 * without, its only power is what an AccessRoleAssumptionPolicy grants: reaching the accounts its
 * stack's providers name, so a mistaken or compromised run of one workspace cannot reach another.
 * Its policy attachment is addressed `<id>_administrator`, beside the role in the stack.
 */
export class WorkspaceRole extends IamRole {
  constructor(scope: Construct, id: string, props: WorkspaceRoleProps) {
    super(scope, id, {
      name: workspaceRoleName(props.workspace),
      description: `HCP Terraform workspace ${props.workspace} (dynamic provider credentials)`,
      assumeRolePolicy: JSON.stringify(workspaceTrustPolicy(props)),
    });
    if (props.administrator === true)
      new IamRolePolicyAttachment(scope, `${id}_administrator`, {
        role: this.name,
        policyArn: `arn:${props.partition}:iam::aws:policy/AdministratorAccess`,
      });
  }
}

export interface AccessRoleAssumptionPolicyProps {
  /** Name of the workspace role (workspaceRoleName), which another stack creates. */
  readonly roleName: string;
  /** ARNs of the access roles the workspace's providers assume, one per account. */
  readonly accessRoleArns: readonly string[];
}

/**
 * The inline policy of a workspace role whose stack deploys into member accounts: `sts:AssumeRole`
 * on exactly the access roles its providers assume, nothing else. Created by the stack that knows
 * the account ids, naming the role by its deterministic name.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_permissions-to-switch.html
 */
export class AccessRoleAssumptionPolicy extends IamRolePolicy {
  constructor(scope: Construct, id: string, props: AccessRoleAssumptionPolicyProps) {
    super(scope, id, {
      name: 'assume-access-roles',
      role: props.roleName,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: [...props.accessRoleArns] }],
      }),
    });
  }
}
