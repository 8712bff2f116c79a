import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import type { Construct } from 'constructs';

/**
 * App context set when every stack runs in its own HCP Terraform workspace with dynamic
 * credentials: the run already holds a role in the stack's own account, so member providers use
 * those credentials instead of assuming the access role from the management account.
 */
export const WORKSPACE_CREDENTIALS_CONTEXT = 'lz:workspaceCredentials';

/** Every resource the tool creates carries this tag, so a console user can tell what Terraform owns. */
export const MANAGED_BY_TAG = { 'managed-by': 'landing-zone-compiler' } as const;

export interface ManagementProviderProps {
  /** The management account id from org.yaml; the provider refuses credentials of any other account. */
  readonly accountId: string;
  readonly region: string;
  /** For a stack's second provider. @default - the stack's default provider */
  readonly alias?: string;
}

/** The provider of stacks that deploy into the management account, with its credentials as given. */
export class ManagementProvider extends AwsProvider {
  constructor(scope: Construct, id: string, props: ManagementProviderProps) {
    super(scope, id, {
      region: props.region,
      allowedAccountIds: [props.accountId],
      defaultTags: [{ tags: { ...MANAGED_BY_TAG } }],
      ...(props.alias !== undefined ? { alias: props.alias } : {}),
    });
  }
}

export interface MemberAccountProviderProps {
  /** The member account id: a literal for adopted accounts, or the organization stack's output (a cross-stack reference). */
  readonly accountId: string;
  readonly region: string;
  readonly partition: string;
  /** Role assumed in the member account. @default - organization.accessRoleName from org.yaml */
  readonly roleName: string;
  /** Shown in CloudTrail as the session name of every call this provider makes. */
  readonly sessionName: string;
  /** For a stack's second provider. @default - the stack's default provider */
  readonly alias?: string;
}

/**
 * The provider of a stack that deploys into a member account: the management credentials assume
 * `arn:<partition>:iam::<id>:role/<roleName>`, and `allowed_account_ids` makes Terraform stop
 * before touching any other account should the role resolve elsewhere. In HCP Terraform
 * workspaces (WORKSPACE_CREDENTIALS_CONTEXT) the run's own credentials are already in that account.
 */
export class MemberAccountProvider extends AwsProvider {
  constructor(scope: Construct, id: string, props: MemberAccountProviderProps) {
    const workspaceCredentials = scope.node.tryGetContext(WORKSPACE_CREDENTIALS_CONTEXT) === true && props.alias === undefined;
    super(scope, id, {
      region: props.region,
      allowedAccountIds: [props.accountId],
      ...(workspaceCredentials
        ? {}
        : { assumeRole: [{ roleArn: memberRoleArn(props.partition, props.accountId, props.roleName), sessionName: props.sessionName }] }),
      defaultTags: [{ tags: { ...MANAGED_BY_TAG } }],
      ...(props.alias !== undefined ? { alias: props.alias } : {}),
    });
  }
}

export function memberRoleArn(partition: string, accountId: string, roleName: string): string {
  return `arn:${partition}:iam::${accountId}:role/${roleName}`;
}
