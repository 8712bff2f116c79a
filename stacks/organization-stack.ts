import { LandingZoneStack } from '../src/constructs/landing-zone-stack';
import { OrganizationsOrganization } from '@cdktf/provider-aws/lib/organizations-organization';
import { OrganizationsOrganizationalUnit } from '@cdktf/provider-aws/lib/organizations-organizational-unit';
import { OrganizationsPolicy } from '@cdktf/provider-aws/lib/organizations-policy';
import { OrganizationsPolicyAttachment } from '@cdktf/provider-aws/lib/organizations-policy-attachment';
import { RamSharingWithOrganization } from '@cdktf/provider-aws/lib/ram-sharing-with-organization';
import type { Construct } from 'constructs';
import { ManagementProvider } from '../src/constructs/aws-provider';
import { RefactoringBlocks } from '../src/constructs/refactoring-blocks';
import { ROOT } from '../src/model/org-tree';
import type { LandingZoneModel, PolicyTarget } from '../src/model/types';
import { exportAttribute } from './exported-values';
import { ids } from './ids';
import { refactoringAddresses } from './refactoring-addresses';

export interface OrganizationStackProps {
  readonly model: LandingZoneModel;
}

/**
 * Wave 1, management account: what is organization-wide and nothing per account: the
 * organization, its OUs, the organization policies and their attachments to the root and OUs, and
 * RAM sharing. Accounts and what is attached to one account live in that account's `account-<id>`
 * stack. Every OU id, the root id and every policy id is an output from the start, so adding an
 * account that reads one leaves this stack as it was.
 */
export class OrganizationStack extends LandingZoneStack {
  readonly organization: OrganizationsOrganization;
  private readonly ouIds = new Map<string, string>();
  private readonly policyIds = new Map<string, string>();
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
    exportAttribute(this, this.organization, 'roots[0].id');
    exportAttribute(this, this.organization, 'id');

    // Parents come before children in model.ous, so every parent id is known when it is needed.
    for (const ou of model.ous) {
      const resource = new OrganizationsOrganizationalUnit(this, ids.ou(ou.path), {
        name: ou.name,
        parentId: ou.parentPath === ROOT ? rootId : this.ouIds.get(ou.parentPath)!,
        tags: { ...ou.tags },
        lifecycle: { preventDestroy: true },
      });
      this.ouIds.set(ou.path, resource.id);
      exportAttribute(this, resource, 'id');
    }

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
      this.policyIds.set(`${document.policyKey}#${document.part}`, resource.id);
      exportAttribute(this, resource, 'id');
      // Attachments to an account are made in that account's stack.
      for (const target of document.targets.filter((t): t is Exclude<PolicyTarget, { kind: 'account' }> => t.kind !== 'account')) {
        new OrganizationsPolicyAttachment(this, ids.policyDocumentAttachment(document.policyKey, document.part, target), {
          policyId: resource.id,
          targetId: this.targetId(target, rootId),
        });
      }
    }

    // OU renames and confirmed removals: `moved` and `removed` blocks, so no OU is destroyed by an edit.
    if (model.managedChanges) new RefactoringBlocks(this, 'refactoring', refactoringAddresses(model.managedChanges, model.policies));
    // The Transit Gateway is shared with the organization or its OUs through RAM; that needs RAM
    // sharing enabled once, from the management account (not through the service access list).
    if (model.network) new RamSharingWithOrganization(this, ids.ramSharingWithOrganization, { dependsOn: [this.organization] });
  }

  /** The id of a packed policy document (a cross-stack reference from an account's stack). */
  policyId(policyKey: string, part: number): string {
    const id = this.policyIds.get(`${policyKey}#${part}`);
    if (id === undefined) throw new Error(`unknown policy document ${policyKey} part ${part}`);
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

  private targetId(target: Exclude<PolicyTarget, { kind: 'account' }>, rootId: string): string {
    return target.kind === 'root' ? rootId : this.ouId(target.path);
  }
}
