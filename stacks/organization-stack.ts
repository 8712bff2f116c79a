import { LandingZoneStack } from '../src/constructs/landing-zone-stack';
import { OrganizationsAccount } from '@cdktf/provider-aws/lib/organizations-account';
import { OrganizationsDelegatedAdministrator } from '@cdktf/provider-aws/lib/organizations-delegated-administrator';
import { OrganizationsOrganization } from '@cdktf/provider-aws/lib/organizations-organization';
import { OrganizationsOrganizationalUnit } from '@cdktf/provider-aws/lib/organizations-organizational-unit';
import { OrganizationsPolicy } from '@cdktf/provider-aws/lib/organizations-policy';
import { OrganizationsPolicyAttachment } from '@cdktf/provider-aws/lib/organizations-policy-attachment';
import { RamSharingWithOrganization } from '@cdktf/provider-aws/lib/ram-sharing-with-organization';
import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { ManagementProvider } from '../src/constructs/aws-provider';
import { RefactoringBlocks } from '../src/constructs/refactoring-blocks';
import { ROOT } from '../src/model/org-tree';
import { targetKey } from '../src/model/policy-packing';
import type { LandingZoneModel, PolicyTarget } from '../src/model/types';
import { ids } from './ids';
import { designateServiceAdministrator } from './service-administrators';
import { refactoringAddresses } from './refactoring-addresses';

export interface OrganizationStackProps {
  readonly model: LandingZoneModel;
}

/**
 * Wave 1, management account: the organization, its OUs and accounts, organization policies and
 * their attachments, and delegated administrators.
 */
export class OrganizationStack extends LandingZoneStack {
  readonly organization: OrganizationsOrganization;
  private readonly ouIds = new Map<string, string>();
  private readonly accountIds = new Map<string, string>();
  private readonly model: LandingZoneModel;

  constructor(scope: Construct, id: string, props: OrganizationStackProps) {
    super(scope, id);
    const { model } = props;
    this.model = model;
    const org = model.organization;

    new ManagementProvider(this, 'aws', { accountId: org.managementAccountId, region: org.homeRegion });

    this.organization = new OrganizationsOrganization(this, ids.organization, {
      featureSet: 'ALL',
      awsServiceAccessPrincipals: [...org.serviceAccessPrincipals],
      enabledPolicyTypes: [...org.enabledPolicyTypes],
      lifecycle: { preventDestroy: true },
    });
    if (org.id !== undefined) this.organization.importFrom(org.id);
    const rootId = this.organization.roots.get(0).id;

    // Parents come before children in model.ous, so every parent id is known when it is needed.
    for (const ou of model.ous) {
      const resource = new OrganizationsOrganizationalUnit(this, ids.ou(ou.path), {
        name: ou.name,
        parentId: ou.parentPath === ROOT ? rootId : this.ouIds.get(ou.parentPath)!,
        tags: { ...ou.tags },
        lifecycle: { preventDestroy: true },
      });
      if (ou.id !== undefined) resource.importFrom(ou.id);
      // A literal for an adopted OU, so attachments and member stacks do not wait on the import.
      this.ouIds.set(ou.path, ou.id ?? resource.id);
    }

    for (const account of model.accounts) {
      if (account.isManagement) {
        this.accountIds.set(account.key, account.id!);
        continue;
      }
      const resource = new OrganizationsAccount(this, ids.account(account.key), {
        name: account.name,
        email: account.email,
        parentId: account.ouPath === ROOT ? rootId : this.ouIds.get(account.ouPath)!,
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
      if (account.id !== undefined) resource.importFrom(account.id);
      this.accountIds.set(account.key, account.id ?? resource.id);
    }

    const readopted = new Set((model.managedChanges?.readoptedAttachments ?? []).map((a) => `${a.policyKey}\u0000${targetKey(a.target)}`));
    // Packed documents (src/model/policy-packing.ts): one resource per policy, or per part of a split one.
    for (const document of model.guardrails?.documents ?? []) {
      const resource = new OrganizationsPolicy(this, ids.policyDocument(document.policyKey, document.part), {
        name: document.name,
        description: document.description,
        type: document.type,
        content: document.content,
        tags: { ...document.tags },
        // A policy type must be enabled on the root before a policy of that type exists.
        dependsOn: [this.organization],
      });
      for (const target of document.targets) {
        const attachment = new OrganizationsPolicyAttachment(this, ids.policyDocumentAttachment(document.policyKey, document.part, target), {
          policyId: resource.id,
          targetId: this.targetId(target, rootId),
        });
        // Still attached in AWS since its target was released: imported, since attaching it again fails.
        if (readopted.has(`${document.policyKey}\u0000${targetKey(target)}`)) attachment.importFrom(`${this.targetId(target, rootId)}:${resource.id}`);
      }
    }

    for (const delegated of model.delegatedAdministrators) {
      new OrganizationsDelegatedAdministrator(this, ids.delegatedAdministrator(delegated.servicePrincipal), {
        accountId: this.accountId(delegated.accountKey),
        servicePrincipal: delegated.servicePrincipal,
        // Trusted access for the service must be enabled first.
        dependsOn: [this.organization],
      });
    }

    for (const delegation of model.security?.serviceAdministrators ?? [])
      designateServiceAdministrator(this, delegation, this.accountId(delegation.accountKey), [this.organization]);
    // Renames and confirmed removals: `moved` and `removed` blocks, so no account or OU is destroyed by an edit.
    if (model.managedChanges) new RefactoringBlocks(this, 'refactoring', refactoringAddresses(model.managedChanges, model.guardrails?.documents ?? []));
    // The Transit Gateway is shared with the organization or its OUs through RAM; that needs RAM
    // sharing enabled once, from the management account (not through the service access list).
    if (model.network) new RamSharingWithOrganization(this, ids.ramSharingWithOrganization, { dependsOn: [this.organization] });

    new TerraformOutput(this, 'account_ids', {
      description: 'Account ids by org.yaml key.',
      value: Object.fromEntries(model.accounts.map((a) => [a.key, this.accountId(a.key)])),
    });
  }

  /** The account's id: a literal for adopted accounts, else this stack's attribute (a cross-stack reference elsewhere). */
  accountId(key: string): string {
    const id = this.accountIds.get(key);
    if (id === undefined) throw new Error(`unknown account key ${key}`);
    return id;
  }

  ouId(path: string): string {
    if (path === ROOT) return this.organization.roots.get(0).id;
    const id = this.ouIds.get(path);
    if (id === undefined) throw new Error(`unknown OU path ${path}`);
    return id;
  }

  get organizationId(): string {
    return this.model.organization.id ?? this.organization.id;
  }

  private targetId(target: PolicyTarget, rootId: string): string {
    if (target.kind === 'root') return rootId;
    if (target.kind === 'ou') return this.ouId(target.path);
    return this.accountId(target.key);
  }
}
