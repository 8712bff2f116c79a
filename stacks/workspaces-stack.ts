import { LandingZoneStack } from '../src/constructs/landing-zone-stack';
import { Project } from '@cdktf/provider-tfe/lib/project';
import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import { RunTrigger } from '@cdktf/provider-tfe/lib/run-trigger';
import { Variable } from '@cdktf/provider-tfe/lib/variable';
import { Workspace } from '@cdktf/provider-tfe/lib/workspace';
import { WorkspaceSettings } from '@cdktf/provider-tfe/lib/workspace-settings';
import type { Construct } from 'constructs';
import { ManagementProvider } from '../src/constructs/aws-provider';
import { TerraformCloudOidcProvider, WorkspaceRole } from '../src/constructs/workload-identity';
import { workspaceName, type CloudDeployment } from '../src/model/deployment';
import type { LandingZoneModel } from '../src/model/types';
import { deploymentIds as ids } from './ids';

/** One stack of the app as its workspace sees it. */
export interface ManagedStack {
  readonly name: string;
  /** Key of the account the stack deploys into. */
  readonly accountKey: string;
  /** Stacks that must be applied first (run triggers come from their workspaces). */
  readonly dependencies: readonly string[];
  /** Stacks that read this stack's outputs through remote state. */
  readonly readers: readonly string[];
}

export interface WorkspacesStackProps {
  readonly model: LandingZoneModel;
  readonly deployment: CloudDeployment;
  /** Every stack that gets a workspace, sorted by name. */
  readonly stacks: readonly ManagedStack[];
}

/** Where a workspace finds its stack: the layout `lz synth` writes, relative to the repository root. */
export function workingDirectory(stack: string): string {
  return `cdktf.out/stacks/${stack}`;
}

/**
 * Bootstrap, management account: the HCP Terraform project, one workspace per stack, remote state
 * shared only with the stacks that read it, run triggers along the stack dependencies, and AWS
 * dynamic credentials for the workspaces whose stacks deploy into the management account (the
 * `workspace-roles` stack does the same in member accounts). Applied once with management
 * credentials and a personal HCP Terraform token; it holds no credential itself.
 */
export class WorkspacesStack extends LandingZoneStack {
  constructor(scope: Construct, id: string, props: WorkspacesStackProps) {
    super(scope, id);
    const { model, deployment } = props;
    const org = model.organization;
    new ManagementProvider(this, 'aws', { accountId: org.managementAccountId, region: org.homeRegion });
    new TfeProvider(this, 'tfe', { hostname: deployment.hostname, organization: deployment.organization });

    const project = new Project(this, ids.project, {
      name: deployment.project,
      organization: deployment.organization,
      description: `Landing zone of ${org.name}, compiled from org.yaml by lz.`,
      lifecycle: { preventDestroy: true },
    });

    const workspaces = new Map<string, Workspace>();
    for (const stack of props.stacks) {
      workspaces.set(stack.name, new Workspace(this, ids.workspace(stack.name), {
        name: workspaceName(deployment.workspaceNamePattern, stack.name),
        organization: deployment.organization,
        projectId: project.id,
        description: `lz stack ${stack.name}`,
        workingDirectory: workingDirectory(stack.name),
        // A workspace holds the stack's state: deleting it must never be a side effect of a plan.
        lifecycle: { preventDestroy: true },
      }));
    }

    const management = org.managementAccountKey;
    const oidc = props.stacks.some((s) => s.accountKey === management)
      ? new TerraformCloudOidcProvider(this, ids.oidcProvider(management), { hostname: deployment.hostname })
      : undefined;

    for (const stack of props.stacks) {
      const workspace = workspaces.get(stack.name)!;
      new WorkspaceSettings(this, ids.workspaceSettings(stack.name), {
        workspaceId: workspace.id,
        executionMode: deployment.executionMode,
        ...(deployment.agentPoolId !== undefined ? { agentPoolId: deployment.agentPoolId } : {}),
        globalRemoteState: false,
        remoteStateConsumerIds: stack.readers.map((reader) => workspaces.get(reader)!.id),
      });
      for (const dependency of stack.dependencies) {
        const source = workspaces.get(dependency);
        if (source) new RunTrigger(this, ids.runTrigger(stack.name, dependency), { workspaceId: workspace.id, sourceableId: source.id });
      }
      new Variable(this, ids.providerAuthVariable(stack.name), {
        workspaceId: workspace.id,
        category: 'env',
        key: 'TFC_AWS_PROVIDER_AUTH',
        value: 'true',
        description: 'AWS dynamic provider credentials: no static keys.',
      });
      if (stack.accountKey !== management) continue;
      const role = new WorkspaceRole(this, ids.workspaceRole(stack.name), {
        hostname: deployment.hostname,
        organization: deployment.organization,
        project: deployment.project,
        workspace: workspaceName(deployment.workspaceNamePattern, stack.name),
        partition: org.partition,
        oidcProviderArn: oidc!.arn,
      });
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
