import type { LockFile } from '../config/lock-file';
import type { BaselineModel } from './baseline';
import type { AuditRequirements } from './audit/run-audit';
import type { DeploymentModel } from './deployment';
import type { TerraformVersions } from './terraform-versions';
import type { LoggingModel } from './logging';
import type { IdentityCenterModel } from './identity-center';
import type { ManagedChangesModel } from './managed-changes';
import type { NetworkModel } from './network/types';
import type { OuNode } from './org-tree';
import type { SecurityModel } from './security';
import type { GuardrailsModel } from './policy-packing';

export type Partition = 'aws' | 'aws-us-gov' | 'aws-cn';

export interface OrganizationModel {
  readonly name: string;
  /** Existing organization id: the organization is adopted with an import block. */
  readonly id?: string;
  readonly partition: Partition;
  readonly homeRegion: string;
  /** Allowed regions, home region first, the rest sorted. */
  readonly allowedRegions: readonly string[];
  readonly managementAccountKey: string;
  readonly managementAccountId: string;
  readonly accessRoleName: string;
  /** Service principals with organization access, sorted. */
  readonly serviceAccessPrincipals: readonly string[];
  /** Policy types enabled on the root, sorted. */
  readonly enabledPolicyTypes: readonly string[];
}

export interface AccountModel {
  readonly key: string;
  readonly name: string;
  readonly email: string;
  /** `Root` or an OU path. */
  readonly ouPath: string;
  /** Known id (adopted accounts and the management account). */
  readonly id?: string;
  readonly isManagement: boolean;
  readonly iamUserAccessToBilling: 'ALLOW' | 'DENY';
  readonly tags: Readonly<Record<string, string>>;
}

export type PolicyTarget =
  | { readonly kind: 'root' }
  | { readonly kind: 'ou'; readonly path: string }
  | { readonly kind: 'account'; readonly key: string };

export interface PolicyModel {
  readonly key: string;
  readonly type: string;
  readonly description: string;
  /** Minified, canonical JSON document. */
  readonly content: string;
  readonly tags: Readonly<Record<string, string>>;
  /** Sorted: root, OUs by path, accounts by key. */
  readonly targets: readonly PolicyTarget[];
}

export interface DelegatedAdministratorModel {
  readonly servicePrincipal: string;
  readonly accountKey: string;
}

/** The resolved landing zone: pure data, ordered independently of org.yaml's list order. */
export interface LandingZoneModel {
  readonly organization: OrganizationModel;
  readonly ous: readonly OuNode[];
  readonly accounts: readonly AccountModel[];
  readonly policies: readonly PolicyModel[];
  readonly delegatedAdministrators: readonly DelegatedAdministratorModel[];
  /** The log archive (org.yaml `logging`). */
  readonly logging?: LoggingModel;
  /** The security tooling account and its services (org.yaml `security`). */
  readonly security?: SecurityModel;
  /** IAM Identity Center, when org.yaml has an identityCenter section. */
  readonly identityCenter?: IdentityCenterModel;
  /** Organization policies as deployed: packed documents, their targets, FullAWSAccess. */
  readonly guardrails?: GuardrailsModel;
  /** Confirmed removals and declared renames against lz.lock.json: `removed` and `moved` blocks. */
  readonly managedChanges?: ManagedChangesModel;
  /**
   * The stack id of every account, current and released, by key: per-account stacks are named
   * `account-<id>`, `access-<id>`, `network-<id>`. Pinned in lz.lock.json, so a rename keeps them.
   */
  readonly stackIds: Readonly<Record<string, string>>;
  /** Per account key, its `access-<id>`, `network-<id>` and `baseline-<id>` stacks: needed now or written before (src/model/stack-ids.ts). */
  readonly optionalStacks: Readonly<Record<string, readonly ('access' | 'network' | 'baseline')[]>>;
  /** Every member account's effective baseline and the pinned region groups; absent without a `baseline` section. */
  readonly baseline?: BaselineModel;
  /** Transit Gateway hub, segments and VPCs; absent when org.yaml has no network section. */
  readonly network?: NetworkModel;
  /** Import ids of pre-existing resources by `<resource type>.<address>` (lz.lock.json `imports`, written by `lz import`). */
  readonly recordedImports: ReadonlyMap<string, string>;
  /** The record to write next to org.yaml after a successful synth (lz.lock.json). */
  readonly lock: LockFile;
  /** State backend and workspaces. @default - local state next to org.yaml */
  readonly deployment?: DeploymentModel;
  /** org.yaml `audit`: the controls `lz audit` requires; absent, the audit only reports. */
  readonly audit?: AuditRequirements;
  /** Version constraints of Terraform and the AWS provider. @default - the ones buildTerraformVersions derives */
  readonly versions?: TerraformVersions;
}
