import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import type { Construct } from 'constructs';

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
 * before touching any other account should the role resolve elsewhere. Under every backend alike:
 * in an HCP Terraform workspace the management credentials are the run's own, its workspace role.
 */
export class MemberAccountProvider extends AwsProvider {
  constructor(scope: Construct, id: string, props: MemberAccountProviderProps) {
    super(scope, id, {
      region: props.region,
      allowedAccountIds: [props.accountId],
      assumeRole: [{ roleArn: memberRoleArn(props.partition, props.accountId, props.roleName), sessionName: props.sessionName }],
      defaultTags: [{ tags: { ...MANAGED_BY_TAG } }],
      ...(props.alias !== undefined ? { alias: props.alias } : {}),
    });
  }
}

export function memberRoleArn(partition: string, accountId: string, roleName: string): string {
  return `arn:${partition}:iam::${accountId}:role/${roleName}`;
}
