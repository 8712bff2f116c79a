import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import type { TerraformProvider } from 'cdktf';
import type { Construct } from 'constructs';
import { createHash } from 'node:crypto';

/** The audience HCP Terraform puts into the identity tokens of AWS dynamic credentials. */
export const TFC_AWS_AUDIENCE = 'aws.workload.identity';

export interface TerraformCloudOidcProviderProps {
  /** HCP Terraform or Terraform Enterprise host, e.g. app.terraform.io. */
  readonly hostname: string;
  /** The provider of the account the identity provider is created in. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/**
 * The IAM OIDC identity provider that lets HCP Terraform runs exchange their identity token for
 * AWS credentials, one per account. AWS obtains the certificate thumbprint itself.
 * @see https://developer.hashicorp.com/terraform/cloud-docs/workspaces/dynamic-provider-credentials/aws-configuration
 */
export class TerraformCloudOidcProvider extends IamOpenidConnectProvider {
  constructor(scope: Construct, id: string, props: TerraformCloudOidcProviderProps) {
    super(scope, id, {
      url: `https://${props.hostname}`,
      clientIdList: [TFC_AWS_AUDIENCE],
      ...(props.provider ? { provider: props.provider } : {}),
    });
  }
}

export interface WorkspaceRoleProps {
  readonly hostname: string;
  readonly organization: string;
  readonly project: string;
  readonly workspace: string;
  readonly partition: string;
  /** ARN of the account's TerraformCloudOidcProvider. */
  readonly oidcProviderArn: string;
  readonly provider?: TerraformProvider;
}

/** IAM role names are at most 64 characters; longer names keep a readable start and a stable hash. */
export function workspaceRoleName(workspace: string): string {
  const name = `tfc-${workspace}`;
  if (name.length <= 64) return name;
  return `${name.slice(0, 55)}-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
}

/** The trust policy of a workspace role: only runs of that one workspace, in either run phase. */
export function workspaceTrustPolicy(props: Omit<WorkspaceRoleProps, 'partition' | 'provider'>): Record<string, unknown> {
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
 * The role one workspace's runs assume in the account its stack deploys to. It administers that
 * account only: a compromised or mistaken run of one workspace cannot reach another account.
 * Its policy attachment is addressed `<id>_administrator`, beside the role in the stack.
 */
export class WorkspaceRole extends IamRole {
  constructor(scope: Construct, id: string, props: WorkspaceRoleProps) {
    const provider = props.provider ? { provider: props.provider } : {};
    super(scope, id, {
      name: workspaceRoleName(props.workspace),
      description: `HCP Terraform workspace ${props.workspace} (dynamic provider credentials)`,
      assumeRolePolicy: JSON.stringify(workspaceTrustPolicy(props)),
      ...provider,
    });
    new IamRolePolicyAttachment(scope, `${id}_administrator`, {
      role: this.name,
      policyArn: `arn:${props.partition}:iam::aws:policy/AdministratorAccess`,
      ...provider,
    });
  }
}
