import type { OrgConfig } from '../config/schema';

/** The placeholder of `deployment.cloud.workspaceName`. */
export const STACK_PLACEHOLDER = '{stack}';

/** HCP Terraform workspace names: letters, digits, hyphens and underscores, at most 90 characters. */
export const WORKSPACE_NAME = /^[A-Za-z0-9_-]{1,90}$/;

/**
 * The longest stack id a per-account stack name carries: an account key of up to 50 characters and
 * the numbered suffix a reused key gets (stack-ids.ts); lz.lock.json pins it.
 */
export const LONGEST_STACK_ID = 60;

/**
 * The longest stack name of any organization without further network regions or baseline region
 * groups: `bootstrap-` and a stack id of LONGEST_STACK_ID. Organization-wide names are shorter
 * (`delegated-administrators`, 24).
 */
export const LONGEST_STACK_NAME = 'bootstrap-'.length + LONGEST_STACK_ID;

/** The longest stack name an org.yaml can make, and the form that makes it (`network-<id>_ap-southeast-4`). */
export interface LongestStackName {
  readonly length: number;
  readonly form: string;
}

/**
 * The longest stack name this org.yaml can make, for whichever accounts it has now or gets later:
 * `bootstrap-<id>`, or longer where the config makes longer forms: `network-<id>_<region>` for
 * every further network region (up to 83 characters), and `baseline<n>-<id>` for a tenth or later
 * baseline region group (`regionGroups`, as lz.lock.json pins them). Workspace name patterns must
 * leave room for it; the stack ids of accounts added later are only known to be at most
 * LONGEST_STACK_ID long.
 */
export function longestStackName(config: OrgConfig, regionGroups: number): LongestStackName {
  const forms = [{ length: LONGEST_STACK_NAME, form: 'bootstrap-<id>' }];
  for (const region of Object.keys(config.network?.regions ?? {}))
    forms.push({ length: `network-_${region}`.length + LONGEST_STACK_ID, form: `network-<id>_${region}` });
  if (config.baseline !== undefined && regionGroups > 1)
    forms.push({ length: `baseline${regionGroups}-`.length + LONGEST_STACK_ID, form: `baseline${regionGroups}-<id>` });
  return forms.reduce((a, b) => (b.length > a.length ? b : a));
}

export interface LocalDeployment {
  readonly backend: 'local';
}

export interface S3Deployment {
  readonly backend: 's3';
  readonly bucket: string;
  readonly keyPrefix: string;
  readonly region: string;
  readonly dynamodbTable?: string;
  readonly useLockfile: boolean;
  readonly encrypt: boolean;
  readonly kmsKeyId?: string;
}

export interface CloudDeployment {
  readonly backend: 'cloud';
  readonly organization: string;
  readonly hostname: string;
  readonly project: string;
  readonly workspaceNamePattern: string;
  readonly executionMode: 'remote' | 'agent';
  readonly agentPoolId?: string;
}

export type DeploymentModel = LocalDeployment | S3Deployment | CloudDeployment;

/** Resolves the deployment section of a config that passed the rules (settings are complete). */
export function buildDeployment(config: OrgConfig): DeploymentModel {
  const section = config.deployment;
  if (section === undefined || section.backend === 'local') return { backend: 'local' };
  if (section.backend === 's3') {
    const s3 = section.s3!;
    return {
      backend: 's3',
      bucket: s3.bucket!,
      keyPrefix: s3.keyPrefix.replace(/^\/+|\/+$/g, ''),
      region: s3.region!,
      ...(s3.dynamodbTable !== undefined ? { dynamodbTable: s3.dynamodbTable } : {}),
      useLockfile: s3.useLockfile,
      encrypt: s3.encrypt,
      ...(s3.kmsKeyId !== undefined ? { kmsKeyId: s3.kmsKeyId } : {}),
    };
  }
  const cloud = section.cloud!;
  return {
    backend: 'cloud',
    organization: cloud.organization!,
    hostname: cloud.hostname,
    project: cloud.project,
    workspaceNamePattern: cloud.workspaceName,
    executionMode: cloud.executionMode,
    ...(cloud.agentPoolId !== undefined ? { agentPoolId: cloud.agentPoolId } : {}),
  };
}

/** `lz-{stack}` with `organization` gives `lz-organization`. */
export function workspaceName(pattern: string, stack: string): string {
  return pattern.split(STACK_PLACEHOLDER).join(stack);
}

/**
 * Where a stack runs, as its workspace's run role needs to know: the account whose per-account
 * stacks it belongs to (none for an organization-wide stack) and every account its AWS providers
 * reach, the default provider's first.
 */
export interface StackSite {
  readonly name: string;
  /** Key of the account whose `account-`, `access-` or `network-` stack this is. @default - organization-wide */
  readonly owner?: string;
  readonly reaches: readonly string[];
}

/**
 * What a workspace's run role, in the management account, may do. A stack that deploys into the
 * management account administers it, as the platform team's credentials would. Any other stack
 * may only assume the access role of the accounts its providers name, through an inline policy
 * that the `account-<id>` stack of `heldBy` creates, since that is where the account id becomes
 * known.
 */
export type RunRolePower =
  | { readonly kind: 'administrator' }
  | { readonly kind: 'assume-access-role'; readonly accounts: readonly string[]; readonly heldBy: string };

/**
 * The policy of a per-account stack is held by its own account's stack, that of an
 * organization-wide stack by the stack of the account it deploys into; both name every other
 * account through that account's stack. The network account's stack is the one exception: it
 * names no other account, so when its `access-<id>` stack reaches the Identity Center account,
 * that account's stack holds the policy. Without it the two accounts' stacks would each wait for
 * the other as soon as the network account has assignments and the Identity Center account a VPC;
 * with it, account stacks only ever wait for the network account's, then the Identity Center
 * account's.
 */
export function runRolePower(site: StackSite, managementKey: string, networkKey: string | undefined): RunRolePower {
  if (site.reaches.length === 0) throw new Error(`stack ${site.name} has no AWS provider`);
  if (site.reaches.includes(managementKey)) return { kind: 'administrator' };
  // In the providers' order, not by key: a renamed account must not reorder the policy.
  const accounts = [...new Set(site.reaches)];
  const owner = site.owner ?? site.reaches[0]!;
  const heldBy = owner === networkKey && !accounts.includes(owner) ? site.reaches[0]! : owner;
  return { kind: 'assume-access-role', accounts, heldBy };
}

/**
 * A producer shares its state with every workspace of the HCP Terraform organization when a
 * per-account stack of another account reads it: listing those readers would grow one resource
 * with the organization. Every other producer lists its readers.
 */
export function sharesStateGlobally(producer: StackSite, readers: readonly StackSite[]): boolean {
  return readers.some((r) => r.owner !== undefined && r.owner !== producer.owner);
}

/**
 * The bootstrap stack that holds the run trigger from `source` to `target`: the target's, unless
 * an organization-wide stack waits for a per-account one (then the source's, so that the
 * organization-wide bootstrap never names an account). None between two accounts' stacks: such a
 * dependency carries an account id, which never changes once the account exists, and a trigger
 * from the network account's stack would queue a plan in every spoke at each of its applies.
 */
export function runTriggerHolder(source: StackSite, target: StackSite): 'source' | 'target' | undefined {
  if (source.owner === undefined || source.owner === target.owner) return 'target';
  if (target.owner === undefined) return 'source';
  return undefined;
}
