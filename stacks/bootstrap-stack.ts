import { LandingZoneStack } from '../src/constructs/landing-zone-stack';
import { DataTfeProject } from '@cdktf/provider-tfe/lib/data-tfe-project';
import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import type { Construct } from 'constructs';
import { ManagementProvider } from '../src/constructs/aws-provider';
import { oidcProviderArn } from '../src/constructs/workload-identity';
import type { CloudDeployment } from '../src/model/deployment';
import type { LandingZoneModel } from '../src/model/types';
import { deploymentIds as ids } from './ids';
import { StackWorkspaces, type ManagedStack, type WorkspaceTrigger } from './stack-workspaces';

export interface BootstrapStackProps {
  readonly model: LandingZoneModel;
  readonly deployment: CloudDeployment;
  /** The account's stacks (`account-<id>`, `access-<id>`, `network-<id>`), sorted by name. */
  readonly stacks: readonly ManagedStack[];
  /** Run triggers into the account's stacks, and from them into organization-wide stacks. */
  readonly triggers: readonly WorkspaceTrigger[];
}

/**
 * Cloud backend, one per account, management account, after `workspaces`, applied like it with
 * local execution and the platform team's credentials: the workspaces of the account's stacks,
 * their settings, variables, run triggers and run roles. Organization-wide workspaces and the
 * project are looked up by name, and the identity provider's ARN is known from the management
 * account id, so the stack reads no other state and its size is the account's.
 */
export class BootstrapStack extends LandingZoneStack {
  constructor(scope: Construct, id: string, props: BootstrapStackProps) {
    super(scope, id);
    const { model, deployment } = props;
    const org = model.organization;
    new ManagementProvider(this, 'aws', { accountId: org.managementAccountId, region: org.homeRegion });
    new TfeProvider(this, 'tfe', { hostname: deployment.hostname, organization: deployment.organization });
    const project = new DataTfeProject(this, ids.projectLookup, { name: deployment.project, organization: deployment.organization });
    new StackWorkspaces(this, 'workspaces', {
      deployment,
      partition: org.partition,
      projectId: project.id,
      oidcProviderArn: oidcProviderArn(org.partition, org.managementAccountId, deployment.hostname),
      stacks: props.stacks,
      triggers: props.triggers,
    });
  }
}
