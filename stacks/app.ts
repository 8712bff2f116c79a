import { App } from 'cdktf';
import type { LandingZoneModel } from '../src/model/types';
import { applyDeployment, deploymentContext } from './deployment';
import { DetectiveAdministrationStack, DetectiveConfigurationStack } from './detective-stacks';
import { IdentityCenterStack } from './identity-center-stack';
import { LogArchiveStack } from './log-archive-stack';
import { ids } from './ids';
import { NetworkHubStack } from './network-hub-stack';
import { NetworkRoutingStack } from './network-routing-stack';
import { NetworkSpokeStack } from './network-spoke-stack';
import { OrganizationStack } from './organization-stack';
import { OrgTrailStack } from './org-trail-stack';
import { SecurityToolingStack } from './security-tooling-stack';

export interface BuildAppOptions {
  /** Where cdktf writes the stacks (possibly a staging directory that is renamed afterwards). */
  readonly outdir: string;
  /** The directory the output finally lives in; relative paths in the output are computed from it. @default outdir */
  readonly finalOutdir?: string;
  /** The directory of org.yaml; local state files live here, outside the output directory. */
  readonly projectDir: string;
  /**
   * Which per-account stacks (those of one member account) to build, by stack name and account key;
   * organization-wide stacks are always built. `lz synth` gives each worker process its share this way.
   * @default every stack
   */
  readonly selectStacks?: (name: string, accountKey: string) => boolean;
}

export interface LandingZoneStacks {
  readonly app: App;
  readonly organization: OrganizationStack;
  readonly logArchive?: LogArchiveStack;
  readonly orgTrail?: OrgTrailStack;
  readonly securityTooling?: SecurityToolingStack;
  readonly identityCenter?: IdentityCenterStack;
}

/**
 * Builds every stack of the landing zone from the resolved model. Stack traces are not captured
 * at token creation: they cost a fifth of synth time and only help debugging cdktf itself.
 * cdktf's own validations are skipped: lz has validated the configuration before any construct
 * exists, and cdktf's remaining checks run `terraform version` for import, moved and removed
 * blocks, which fails wherever no terraform binary is installed (CI runners that only synthesize).
 * The README states the Terraform version those blocks need.
 */
export function buildApp(model: LandingZoneModel, options: BuildAppOptions): LandingZoneStacks {
  const app = new App({ outdir: options.outdir, stackTraces: false, skipValidation: true, context: deploymentContext(model) });
  const organization = new OrganizationStack(app, 'organization', { model });
  const identityCenter = model.identityCenter
    ? new IdentityCenterStack(app, 'identity-center', { model, identityCenter: model.identityCenter, organization })
    : undefined;
  const { logging, security } = model;
  const logArchive = logging ? new LogArchiveStack(app, 'log-archive', { model, logging, organization }) : undefined;
  const orgTrail = logging && logArchive ? new OrgTrailStack(app, 'org-trail', { model, logging, organization, logArchive }) : undefined;
  const securityTooling = security ? new SecurityToolingStack(app, 'security-tooling', { model, security, organization }) : undefined;
  if (security?.detective && securityTooling) {
    const detective = { model, detective: security.detective, organization, securityTooling };
    const administration = new DetectiveAdministrationStack(app, ids.detectiveAdministrationStack, detective);
    new DetectiveConfigurationStack(app, ids.detectiveConfigurationStack, { ...detective, administration });
  }
  if (model.network) buildNetworkStacks(app, model, organization, options.selectStacks ?? (() => true));
  // Last: backends and, for Terraform Cloud, the bootstrap stacks cover every stack built above.
  applyDeployment(app, model, {
    outdir: options.finalOutdir ?? options.outdir,
    projectDir: options.projectDir,
    accountId: (key) => organization.accountId(key),
  });
  return {
    app,
    organization,
    ...(identityCenter ? { identityCenter } : {}),
    ...(logArchive ? { logArchive } : {}),
    ...(orgTrail ? { orgTrail } : {}),
    ...(securityTooling ? { securityTooling } : {}),
  };
}

/** network-hub, one network-spoke per account with a VPC, and network-routing. */
function buildNetworkStacks(app: App, model: LandingZoneModel, organization: OrganizationStack, select: NonNullable<BuildAppOptions['selectStacks']>): void {
  const network = model.network!;
  const hub = new NetworkHubStack(app, ids.networkHubStack, { model, network, organization });
  const spokes = new Map<string, NetworkSpokeStack>();
  for (const accountKey of [...new Set(network.vpcs.map((v) => v.accountKey))].sort()) {
    const name = ids.networkSpokeStack(accountKey);
    if (select(name, accountKey)) spokes.set(accountKey, new NetworkSpokeStack(app, name, { model, network, organization, hub, accountKey }));
  }
  new NetworkRoutingStack(app, ids.networkRoutingStack, { model, network, organization, hub, spokes });
}
