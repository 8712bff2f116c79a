/**
 * What `lz import` read from AWS: plain data, in AWS's own terms, with nothing decided yet. The
 * mapper (map-*.ts) turns it into org.yaml; tests build it from mocked SDK responses.
 */
export type Tags = Readonly<Record<string, string>>;

export interface OuSnapshot {
  readonly id: string;
  readonly name: string;
  /** The root id or the parent OU's id. */
  readonly parentId: string;
  readonly tags: Tags;
}

export interface AccountSnapshot {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  /** ACTIVE, SUSPENDED or PENDING_CLOSURE. */
  readonly status: string;
  readonly parentId: string;
  readonly tags: Tags;
}

export interface PolicySnapshot {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly type: string;
  readonly awsManaged: boolean;
  /** The document as AWS returns it. */
  readonly content: string;
  readonly tags: Tags;
  /** Root, OU and account ids the policy is attached to. */
  readonly targetIds: readonly string[];
}

export interface OrganizationsSnapshot {
  readonly id: string;
  readonly managementAccountId: string;
  readonly featureSet: string;
  readonly rootId: string;
  /** Policy types whose status on the root is ENABLED. */
  readonly enabledPolicyTypes: readonly string[];
  readonly serviceAccessPrincipals: readonly string[];
  readonly delegatedAdministrators: ReadonlyArray<{ readonly accountId: string; readonly servicePrincipal: string }>;
  readonly ous: readonly OuSnapshot[];
  readonly accounts: readonly AccountSnapshot[];
  readonly policies: readonly PolicySnapshot[];
}

export interface PermissionSetSnapshot {
  readonly arn: string;
  readonly name: string;
  readonly description?: string;
  readonly sessionDuration?: string;
  readonly relayState?: string;
  readonly tags: Tags;
  readonly managedPolicyArns: readonly string[];
  readonly customerManagedPolicies: ReadonlyArray<{ readonly name: string; readonly path: string }>;
  /** The inline policy document, when the set has one. */
  readonly inlinePolicy?: string;
  readonly permissionsBoundary?: { readonly managedPolicyArn?: string; readonly customerManagedPolicy?: { readonly name: string; readonly path: string } };
}

export interface AssignmentSnapshot {
  readonly permissionSetArn: string;
  readonly accountId: string;
  readonly principalType: 'GROUP' | 'USER';
  readonly principalId: string;
}

export interface IdentityCenterSnapshot {
  readonly region: string;
  readonly instanceArn: string;
  readonly identityStoreId: string;
  readonly permissionSets: readonly PermissionSetSnapshot[];
  readonly groups: ReadonlyArray<{ readonly id: string; readonly displayName: string }>;
  readonly users: ReadonlyArray<{ readonly id: string; readonly userName: string }>;
  readonly assignments: readonly AssignmentSnapshot[];
}

export interface TransitGatewaySnapshot {
  readonly id: string;
  readonly arn: string;
  readonly description: string;
  readonly amazonSideAsn: number;
  readonly autoAcceptSharedAttachments: string;
  readonly defaultRouteTableAssociation: string;
  readonly defaultRouteTablePropagation: string;
  readonly dnsSupport: string;
  readonly tags: Tags;
  readonly routeTables: ReadonlyArray<{
    readonly id: string;
    readonly tags: Tags;
    /** Attachment ids propagating into this table. */
    readonly propagations: readonly string[];
    readonly staticRoutes: ReadonlyArray<{ readonly destination: string; readonly blackhole: boolean; readonly attachmentId?: string }>;
  }>;
  readonly attachments: ReadonlyArray<{
    readonly id: string;
    readonly resourceType: string;
    readonly resourceId: string;
    readonly resourceOwnerId: string;
    readonly associatedRouteTableId?: string;
  }>;
  readonly shares: ReadonlyArray<{ readonly arn: string; readonly name: string; readonly allowExternalPrincipals: boolean; readonly principals: readonly string[] }>;
}

export interface NetworkSnapshot {
  readonly accountId: string;
  readonly region: string;
  readonly transitGateways: readonly TransitGatewaySnapshot[];
}

export interface ImportSnapshot {
  readonly partition: string;
  readonly region: string;
  readonly organizations: OrganizationsSnapshot;
  readonly identityCenter?: IdentityCenterSnapshot;
  readonly network?: NetworkSnapshot;
  /** Parts left out on the command line (`--without`). */
  readonly skipped: readonly string[];
}
