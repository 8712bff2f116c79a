import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformRemoteState, TerraformStack, type App } from 'cdktf';
import { WORKSPACE_CREDENTIALS_CONTEXT } from '../src/constructs/aws-provider';
import { workspaceName, WORKSPACE_NAME, type CloudDeployment, type DeploymentModel } from '../src/model/deployment';
import type { LandingZoneModel } from '../src/model/types';
import { useBackend, type BackendOptions } from './backends';
import { WorkspaceRolesStack } from './workspace-roles-stack';
import { WorkspacesStack, type ManagedStack } from './workspaces-stack';

export const WORKSPACES_STACK = 'workspaces';
export const WORKSPACE_ROLES_STACK = 'workspace-roles';

export interface DeploymentOptions extends BackendOptions {
  /** The account id by key, as stacks pass it to their provider: a literal, or the organization stack's output. */
  readonly accountId: (key: string) => string;
}

/** Context for `new App(...)`: member providers must know before they are built whether runs bring their own credentials. */
export function deploymentContext(model: LandingZoneModel): Record<string, unknown> {
  return { [WORKSPACE_CREDENTIALS_CONTEXT]: (model.deployment ?? { backend: 'local' }).backend === 'cloud' };
}

/**
 * Gives every stack of the app its backend, whatever stacks the app holds. With the cloud backend
 * it adds the bootstrap stacks: `workspace-roles` (roles in member accounts) and `workspaces` (one
 * workspace per stack, wired from the stacks' own dependencies). Call it once all other stacks exist.
 */
export function applyDeployment(app: App, model: LandingZoneModel, options: DeploymentOptions): void {
  const deployment: DeploymentModel = model.deployment ?? { backend: 'local' };
  const stacks = stacksOf(app);
  if (deployment.backend !== 'cloud') {
    for (const stack of stacks) useBackend(stack, deployment, options);
    return;
  }

  const management = model.organization.managementAccountKey;
  const accountOf = new Map(stacks.map((stack) => [stack, targetAccount(stack, model, options.accountId)]));
  const inMembers = stacks.filter((stack) => accountOf.get(stack) !== management);
  if (inMembers.length > 0) {
    const roles = new WorkspaceRolesStack(app, WORKSPACE_ROLES_STACK, {
      model,
      deployment,
      accountId: options.accountId,
      stacks: inMembers.map((stack) => ({ name: stack.node.id, accountKey: accountOf.get(stack)! })),
    });
    // A member stack's workspace has no credentials until its role exists.
    for (const stack of inMembers) stack.addDependency(roles);
    accountOf.set(roles, management);
  }

  const managed = [...accountOf.keys()].sort((a, b) => (a.node.id < b.node.id ? -1 : 1));
  assertWorkspaceNames(managed.map((s) => s.node.id), deployment);
  for (const stack of managed) useBackend(stack, deployment, options);
  const workspaces = new WorkspacesStack(app, WORKSPACES_STACK, { model, deployment, stacks: describeStacks(managed, accountOf) });
  useBackend(workspaces, deployment, options);
  // Every workspace, with its credentials, exists before any stack runs.
  for (const stack of managed) stack.addDependency(workspaces);
}

function stacksOf(app: App): TerraformStack[] {
  return app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack);
}

/** The account a stack deploys into, read from its one default AWS provider (house rule: one account per stack). */
function targetAccount(stack: TerraformStack, model: LandingZoneModel, accountId: (key: string) => string): string {
  const providers = stack.node.findAll().filter((c): c is AwsProvider => c instanceof AwsProvider && c.alias === undefined);
  if (providers.length !== 1)
    throw new Error(`stack ${stack.node.id} has ${providers.length} default AWS providers; every stack deploys into exactly one account through one provider`);
  const id = providers[0]!.allowedAccountIds?.[0];
  const account = model.accounts.find((a) => accountId(a.key) === id);
  if (account === undefined)
    throw new Error(`stack ${stack.node.id}: the allowed account of its AWS provider is not organization.accountId(<key>) of any account in org.yaml`);
  return account.key;
}

/**
 * cdktf records a cross-stack reference (the producer's output, the consumer's remote state and
 * the dependency) only in the preparing pass of synth. Preparing each stack here makes them
 * visible now, so the workspaces can follow them; synth prepares again and finds them cached.
 */
function describeStacks(stacks: readonly TerraformStack[], accountOf: ReadonlyMap<TerraformStack, string>): ManagedStack[] {
  for (const stack of stacks) stack.prepareStack();
  const readsFrom = (consumer: TerraformStack, producer: TerraformStack) =>
    consumer.node.children.some((c) => c instanceof TerraformRemoteState && c.node.id === `cross-stack-reference-input-${producer.node.path}`);
  return stacks.map((stack) => ({
    name: stack.node.id,
    accountKey: accountOf.get(stack)!,
    dependencies: stack.dependencies.map((d) => d.node.id).sort(),
    readers: stacks.filter((other) => readsFrom(other, stack)).map((other) => other.node.id),
  }));
}

/** The rules check the pattern; this guards stacks added later whose names the rules could not foresee. */
function assertWorkspaceNames(stacks: readonly string[], deployment: CloudDeployment): void {
  const names = [...stacks, WORKSPACES_STACK].map((stack) => workspaceName(deployment.workspaceNamePattern, stack));
  const invalid = names.filter((name) => !WORKSPACE_NAME.test(name));
  if (invalid.length > 0) throw new Error(`invalid HCP Terraform workspace names: ${invalid.join(', ')} (letters, digits, - and _, at most 90)`);
  const duplicates = names.filter((name, i) => names.indexOf(name) !== i);
  if (duplicates.length > 0) throw new Error(`several stacks map to the workspace names ${[...new Set(duplicates)].join(', ')}`);
}
