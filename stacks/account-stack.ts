import { LandingZoneStack } from '../src/constructs/landing-zone-stack';
import { OrganizationsAccount } from '@cdktf/provider-aws/lib/organizations-account';
import { OrganizationsPolicyAttachment } from '@cdktf/provider-aws/lib/organizations-policy-attachment';
import type { Construct } from 'constructs';
import { ManagementProvider } from '../src/constructs/aws-provider';
import { RefactoringBlocks } from '../src/constructs/refactoring-blocks';
import type { AccountModel, LandingZoneModel } from '../src/model/types';
import { exportAttribute } from './exported-values';
import { ids } from './ids';
import type { OrganizationStack } from './organization-stack';

export interface AccountStackProps {
  readonly model: LandingZoneModel;
  readonly organization: OrganizationStack;
  /** The account; absent for a released account, whose stack only lets go of it. */
  readonly account?: AccountModel;
}

/**
 * Management account, one per account: the AWS account and the policy attachments made to it
 * (quarantine included). Sized by the account, not the organization: adding, moving or
 * re-tagging an account plans this stack and its own others, never a state that holds every account.
 *
 * A released account (`removed.accounts`) keeps its stack, holding only `removed` blocks with
 * `destroy = false`: applying it lets go of the account and its attachments and leaves both in AWS.
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_accounts.html
 */
export class AccountStack extends LandingZoneStack {
  private readonly resource?: OrganizationsAccount;
  private readonly literalId?: string;

  constructor(scope: Construct, id: string, props: AccountStackProps) {
    super(scope, id);
    const { model, organization, account } = props;
    const org = model.organization;
    new ManagementProvider(this, 'aws', { accountId: org.managementAccountId, region: org.homeRegion });
    this.addDependency(organization);

    if (account === undefined) {
      const attachment = OrganizationsPolicyAttachment.tfResourceType;
      new RefactoringBlocks(this, 'refactoring', {
        moved: [],
        removed: [
          `${OrganizationsAccount.tfResourceType}.${ids.memberAccount}`,
          ...(model.guardrails?.documents ?? []).map((d) => `${attachment}.${ids.accountPolicyAttachment(d.policyKey, d.part)}`),
        ],
      });
      return;
    }

    if (account.isManagement) this.literalId = account.id!;
    else {
      this.resource = new OrganizationsAccount(this, ids.memberAccount, {
        name: account.name,
        email: account.email,
        parentId: organization.ouId(account.ouPath),
        roleName: org.accessRoleName,
        iamUserAccessToBilling: account.iamUserAccessToBilling,
        // Closing an account is never a side effect of a Terraform change.
        closeOnDeletion: false,
        tags: { ...account.tags },
        lifecycle: {
          preventDestroy: true,
          // Neither can be read back from AWS; without this an imported account would be replaced.
          ignoreChanges: ['role_name', 'iam_user_access_to_billing'],
        },
      });
      if (account.id !== undefined) {
        this.resource.importFrom(account.id);
        this.literalId = account.id;
      }
      exportAttribute(this, this.resource, 'id');
    }

    for (const document of model.guardrails?.documents ?? [])
      if (document.targets.some((t) => t.kind === 'account' && t.key === account.key))
        new OrganizationsPolicyAttachment(this, ids.accountPolicyAttachment(document.policyKey, document.part), {
          policyId: organization.policyId(document.policyKey, document.part),
          targetId: this.accountId,
        });
  }

  /** The account id: the literal from org.yaml when known (adopted, management), else this stack's attribute. */
  get accountId(): string {
    if (this.literalId !== undefined) return this.literalId;
    if (this.resource === undefined) throw new Error(`stack ${this.node.id} holds no account`);
    return this.resource.id;
  }
}
