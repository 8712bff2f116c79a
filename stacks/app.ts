import { App, LocalBackend, type TerraformStack } from 'cdktf';
import { join, relative } from 'node:path';
import type { LandingZoneModel } from '../src/model/types';
import { ids } from './ids';
import { NetworkHubStack } from './network-hub-stack';
import { NetworkRoutingStack } from './network-routing-stack';
import { NetworkSpokeStack } from './network-spoke-stack';
import { OrganizationStack } from './organization-stack';

export interface BuildAppOptions {
  /** Where cdktf writes the stacks (possibly a staging directory that is renamed afterwards). */
  readonly outdir: string;
  /** The directory the output finally lives in; relative paths in the output are computed from it. @default outdir */
  readonly finalOutdir?: string;
  /** The directory of org.yaml; local state files live here, outside the output directory. */
  readonly projectDir: string;
}

export interface LandingZoneStacks {
  readonly app: App;
  readonly organization: OrganizationStack;
}

/**
 * Builds every stack of the landing zone from the resolved model. Stack traces are not captured
 * at token creation: they cost a fifth of synth time and only help debugging cdktf itself.
 */
export function buildApp(model: LandingZoneModel, options: BuildAppOptions): LandingZoneStacks {
  const app = new App({ outdir: options.outdir, stackTraces: false });
  const organization = new OrganizationStack(app, 'organization', { model });
  if (model.network) buildNetworkStacks(app, model, organization);
  for (const stack of app.node.children as TerraformStack[]) useLocalState(stack, options);
  return { app, organization };
}

/** network-hub, one network-spoke per account with a VPC, and network-routing. */
function buildNetworkStacks(app: App, model: LandingZoneModel, organization: OrganizationStack): void {
  const network = model.network!;
  const hub = new NetworkHubStack(app, ids.networkHubStack, { model, network, organization });
  const spokes = new Map<string, NetworkSpokeStack>();
  for (const accountKey of [...new Set(network.vpcs.map((v) => v.accountKey))].sort())
    spokes.set(accountKey, new NetworkSpokeStack(app, ids.networkSpokeStack(accountKey), { model, network, organization, hub, accountKey }));
  new NetworkRoutingStack(app, ids.networkRoutingStack, { model, network, organization, hub, spokes });
}

/**
 * State stays next to org.yaml (`terraform.<stack>.tfstate`), never inside the output directory
 * that every synth replaces, and the path is relative so the output holds no machine paths.
 */
function useLocalState(stack: TerraformStack, options: BuildAppOptions): void {
  const workingDir = join(options.finalOutdir ?? options.outdir, 'stacks', stack.node.id);
  const path = relative(workingDir, join(options.projectDir, `terraform.${stack.node.id}.tfstate`));
  new LocalBackend(stack, { path });
}
