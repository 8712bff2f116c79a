import { DataTfeWorkspace } from '@cdktf/provider-tfe/lib/data-tfe-workspace';
import { RunTrigger } from '@cdktf/provider-tfe/lib/run-trigger';
import { Variable } from '@cdktf/provider-tfe/lib/variable';
import { Workspace } from '@cdktf/provider-tfe/lib/workspace';
import { WorkspaceSettings } from '@cdktf/provider-tfe/lib/workspace-settings';
import { Construct } from 'constructs';
import { WorkspaceRole } from '../src/constructs/workload-identity';
import { workspaceName, type CloudDeployment, type RunRolePower } from '../src/model/deployment';
import { deploymentIds as ids } from './ids';

/** One stack of the app as its workspace sees it. */
export interface ManagedStack {
  readonly name: string;
  /** What the run role may do; an `assume-access-role` policy is created elsewhere. */
  readonly power: RunRolePower;
  /** The stacks that read its state, or `organization` to share it with every workspace of the organization. */
  readonly readers: readonly string[] | 'organization';
}

/** `target` runs after `source`: an apply of the source queues a run of the target. */
export interface WorkspaceTrigger {
  readonly source: string;
  readonly target: string;
}

/** The workspaces one bootstrap stack creates, and the run triggers it holds. */
export interface WorkspaceSet {
  /** The stacks whose workspaces, settings, variables and run roles it creates. */
  readonly stacks: readonly ManagedStack[];
  /** Run triggers to create there; a workspace another bootstrap stack creates is looked up by name. */
  readonly triggers: readonly WorkspaceTrigger[];
}

export interface StackWorkspacesProps extends WorkspaceSet {
  readonly deployment: CloudDeployment;
  readonly partition: string;
  readonly projectId: string;
  /** ARN of the management account's HCP Terraform identity provider. */
  readonly oidcProviderArn: string;
}

/** Where a workspace finds its stack: the layout `lz synth` writes, relative to the repository root. */
export function workingDirectory(stack: string): string {
  return `cdktf.out/stacks/${stack}`;
}

/**
 * One HCP Terraform workspace per stack, protected from destruction (it holds the stack's state),
 * with its execution settings, its remote-state readers, AWS dynamic credentials
 * (`TFC_AWS_PROVIDER_AUTH`, `TFC_AWS_RUN_ROLE_ARN`) and its run role in the management account,
 * and the run triggers given. Shared by the `workspaces` and `bootstrap-<id>` stacks, so both
 * write the same addresses.
 */
export class StackWorkspaces extends Construct {
  private readonly workspaces = new Map<string, Workspace>();
  private readonly lookups = new Map<string, DataTfeWorkspace>();

  constructor(scope: Construct, id: string, private readonly props: StackWorkspacesProps) {
    super(scope, id);
    const { deployment } = props;
    for (const stack of props.stacks)
      this.workspaces.set(stack.name, new Workspace(scope, ids.workspace(stack.name), {
        name: this.nameOf(stack.name),
        organization: deployment.organization,
        projectId: props.projectId,
        description: `lz stack ${stack.name}`,
        workingDirectory: workingDirectory(stack.name),
        lifecycle: { preventDestroy: true },
      }));
    for (const stack of props.stacks) this.configure(stack);
    for (const { source, target } of [...props.triggers].sort((a, b) => byString(a.target, b.target) || byString(a.source, b.source)))
      new RunTrigger(scope, ids.runTrigger(target, source), { workspaceId: this.workspaceId(target), sourceableId: this.workspaceId(source) });
  }

  private configure(stack: ManagedStack): void {
    const { deployment } = this.props;
    const scope = this.node.scope!;
    const workspace = this.workspaces.get(stack.name)!;
    const global = stack.readers === 'organization';
    new WorkspaceSettings(scope, ids.workspaceSettings(stack.name), {
      workspaceId: workspace.id,
      executionMode: deployment.executionMode,
      ...(deployment.agentPoolId !== undefined ? { agentPoolId: deployment.agentPoolId } : {}),
      globalRemoteState: global,
      ...(global ? {} : { remoteStateConsumerIds: (stack.readers as readonly string[]).map((reader) => this.workspaceId(reader)) }),
    });
    new Variable(scope, ids.providerAuthVariable(stack.name), {
      workspaceId: workspace.id,
      category: 'env',
      key: 'TFC_AWS_PROVIDER_AUTH',
      value: 'true',
      description: 'AWS dynamic provider credentials: no static keys.',
    });
    const role = new WorkspaceRole(scope, ids.workspaceRole(stack.name), {
      hostname: deployment.hostname,
      organization: deployment.organization,
      project: deployment.project,
      workspace: this.nameOf(stack.name),
      partition: this.props.partition,
      oidcProviderArn: this.props.oidcProviderArn,
      administrator: stack.power.kind === 'administrator',
    });
    new Variable(scope, ids.runRoleVariable(stack.name), {
      workspaceId: workspace.id,
      category: 'env',
      key: 'TFC_AWS_RUN_ROLE_ARN',
      value: role.arn,
      description:
        stack.power.kind === 'administrator'
          ? 'Run role in the management account, which this stack deploys into.'
          : 'Run role in the management account; it may only assume the access roles of the accounts this stack deploys into.',
    });
  }

  /** The id of a workspace: created here, or looked up by its name (it exists once its bootstrap stack ran). */
  private workspaceId(stack: string): string {
    const own = this.workspaces.get(stack);
    if (own) return own.id;
    let lookup = this.lookups.get(stack);
    lookup ??= new DataTfeWorkspace(this.node.scope!, ids.workspace(stack), { name: this.nameOf(stack), organization: this.props.deployment.organization });
    this.lookups.set(stack, lookup);
    return lookup.id;
  }

  private nameOf(stack: string): string {
    return workspaceName(this.props.deployment.workspaceNamePattern, stack);
  }
}

function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
