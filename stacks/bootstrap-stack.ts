import { LandingZoneStack } from '../src/constructs/landing-zone-stack';
import { DataTfeProject } from '@cdktf/provider-tfe/lib/data-tfe-project';
import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import type { Construct } from 'constructs';
import { ManagementProvider } from '../src/constructs/aws-provider';
import { oidcProviderArn } from '../src/constructs/workload-identity';
import type { CloudDeployment } from '../src/model/deployment';
import type { LandingZoneModel } from '../src/model/types';
import { deploymentIds as ids } from './ids';
import { StackWorkspaces, type WorkspaceSet } from './stack-workspaces';

export interface BootstrapStackProps {
  readonly model: LandingZoneModel;
  readonly deployment: CloudDeployment;
  /**
   * The account's stacks (`account-<id>`, `access-<id>`, `network-<id>`), sorted by name, and the run
   * triggers into them and from them into organization-wide stacks. Asked for when this stack is
   * prepared, after every other stack: what they read from each other is known only then.
   */
  readonly content: () => WorkspaceSet;
}

/**
 * Cloud backend, one per account, management account, after `workspaces`, applied like it with
 * local execution and the platform team's credentials: the workspaces of the account's stacks,
 * their settings, variables, run triggers and run roles. Organization-wide workspaces and the
 * project are looked up by name, and the identity provider's ARN is known from the management
 * account id, so the stack reads no other state and its size is the account's.
 */
export class BootstrapStack extends LandingZoneStack {
  private readonly project: DataTfeProject;
  private built = false;

  constructor(scope: Construct, id: string, private readonly props: BootstrapStackProps) {
    super(scope, id);
    const { model, deployment } = props;
    const org = model.organization;
    new ManagementProvider(this, 'aws', { accountId: org.managementAccountId, region: org.homeRegion });
    new TfeProvider(this, 'tfe', { hostname: deployment.hostname, organization: deployment.organization });
    this.project = new DataTfeProject(this, ids.projectLookup, { name: deployment.project, organization: deployment.organization });
  }

  override prepareStack(): void {
    if (!this.built) {
      this.built = true;
      const org = this.props.model.organization;
      new StackWorkspaces(this, 'workspaces', {
        deployment: this.props.deployment,
        partition: org.partition,
        projectId: this.project.id,
        oidcProviderArn: oidcProviderArn(org.partition, org.managementAccountId, this.props.deployment.hostname),
        ...this.props.content(),
      });
    }
    super.prepareStack();
  }
}
