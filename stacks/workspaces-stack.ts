import { LandingZoneStack } from '../src/constructs/landing-zone-stack';
import { Project } from '@cdktf/provider-tfe/lib/project';
import { ProjectSettings } from '@cdktf/provider-tfe/lib/project-settings';
import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import type { Construct } from 'constructs';
import { ManagementProvider } from '../src/constructs/aws-provider';
import { TerraformCloudOidcProvider } from '../src/constructs/workload-identity';
import type { CloudDeployment } from '../src/model/deployment';
import type { LandingZoneModel } from '../src/model/types';
import { deploymentIds as ids } from './ids';
import { StackWorkspaces, type WorkspaceSet } from './stack-workspaces';

export interface WorkspacesStackProps {
  readonly model: LandingZoneModel;
  readonly deployment: CloudDeployment;
  /**
   * The organization-wide stacks, sorted by name, and the run triggers between them. Asked for when
   * this stack is prepared, after every stack it describes.
   */
  readonly content: () => WorkspaceSet;
}

/**
 * Bootstrap, management account, applied first with the platform team's credentials and local
 * execution: the HCP Terraform project, whose default execution mode is local (so the workspace
 * that `terraform init` creates for each `bootstrap-<id>` stack runs with the same credentials),
 * the management account's HCP Terraform identity provider, and the workspaces of the
 * organization-wide stacks with their run roles. It holds nothing per account, so its size does
 * not grow with the organization; each account's workspaces live in its `bootstrap-<id>`.
 */
export class WorkspacesStack extends LandingZoneStack {
  private readonly projectId: string;
  private readonly oidcProviderArn: string;
  private built = false;

  constructor(scope: Construct, id: string, private readonly props: WorkspacesStackProps) {
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
    // Managed workspaces set their own mode; only the bootstrap workspaces take this default.
    new ProjectSettings(this, ids.projectSettings, { projectId: project.id, defaultExecutionMode: 'local' });
    this.projectId = project.id;
    this.oidcProviderArn = new TerraformCloudOidcProvider(this, ids.oidcProvider, { hostname: deployment.hostname }).arn;
  }

  override prepareStack(): void {
    if (!this.built) {
      this.built = true;
      new StackWorkspaces(this, 'workspaces', {
        deployment: this.props.deployment,
        partition: this.props.model.organization.partition,
        projectId: this.projectId,
        oidcProviderArn: this.oidcProviderArn,
        ...this.props.content(),
      });
    }
    super.prepareStack();
  }
}
