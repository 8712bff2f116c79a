import { LandingZoneStack } from '../src/constructs/landing-zone-stack';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { DataTfeWorkspace } from '@cdktf/provider-tfe/lib/data-tfe-workspace';
import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import { Variable } from '@cdktf/provider-tfe/lib/variable';
import type { Construct } from 'constructs';
import { MANAGED_BY_TAG, ManagementProvider, memberRoleArn } from '../src/constructs/aws-provider';
import { TerraformCloudOidcProvider, WorkspaceRole } from '../src/constructs/workload-identity';
import { workspaceName, type CloudDeployment } from '../src/model/deployment';
import type { LandingZoneModel } from '../src/model/types';
import { deploymentIds as ids } from './ids';

export interface WorkspaceRolesStackProps {
  readonly model: LandingZoneModel;
  readonly deployment: CloudDeployment;
  /** The account id by key: a literal for adopted accounts, else the organization stack's output. */
  readonly accountId: (key: string) => string;
  /** Stacks that deploy into member accounts, with the key of that account. */
  readonly stacks: ReadonlyArray<{ readonly name: string; readonly accountKey: string }>;
}

/**
 * After the organization stack, management account: in every member account that a stack deploys
 * into, the HCP Terraform OIDC provider and one role per such workspace, and the workspace's
 * TFC_AWS_RUN_ROLE_ARN. It is the one stack that reaches into several accounts (aliased providers
 * that assume the access role): roles in an account can only be created from inside it, and member
 * ids are known only once the organization stack has created the accounts.
 */
export class WorkspaceRolesStack extends LandingZoneStack {
  constructor(scope: Construct, id: string, props: WorkspaceRolesStackProps) {
    super(scope, id);
    const { model, deployment } = props;
    const org = model.organization;
    new ManagementProvider(this, 'aws', { accountId: org.managementAccountId, region: org.homeRegion });
    new TfeProvider(this, 'tfe', { hostname: deployment.hostname, organization: deployment.organization });

    const providers = new Map<string, { provider: AwsProvider; oidc: TerraformCloudOidcProvider }>();
    for (const key of [...new Set(props.stacks.map((s) => s.accountKey))].sort()) {
      const accountId = props.accountId(key);
      const provider = new AwsProvider(this, ids.accountProvider(key), {
        alias: key,
        region: org.homeRegion,
        allowedAccountIds: [accountId],
        assumeRole: [{ roleArn: memberRoleArn(org.partition, accountId, org.accessRoleName), sessionName: 'lz-workspace-roles' }],
        defaultTags: [{ tags: { ...MANAGED_BY_TAG } }],
      });
      providers.set(key, { provider, oidc: new TerraformCloudOidcProvider(this, ids.oidcProvider(key), { hostname: deployment.hostname, provider }) });
    }

    for (const stack of [...props.stacks].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const { provider, oidc } = providers.get(stack.accountKey)!;
      const name = workspaceName(deployment.workspaceNamePattern, stack.name);
      const role = new WorkspaceRole(this, ids.workspaceRole(stack.name), {
        hostname: deployment.hostname,
        organization: deployment.organization,
        project: deployment.project,
        workspace: name,
        partition: org.partition,
        oidcProviderArn: oidc.arn,
        provider,
      });
      const workspace = new DataTfeWorkspace(this, ids.workspace(stack.name), { name, organization: deployment.organization });
      new Variable(this, ids.runRoleVariable(stack.name), {
        workspaceId: workspace.id,
        category: 'env',
        key: 'TFC_AWS_RUN_ROLE_ARN',
        value: role.arn,
        description: 'Role the runs of this workspace assume, in the account its stack deploys to.',
      });
    }
  }
}
