import { App, LocalBackend, type TerraformStack } from 'cdktf';
import { join, relative } from 'node:path';
import type { LandingZoneModel } from '../src/model/types';
import { IdentityCenterStack } from './identity-center-stack';
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
  readonly identityCenter?: IdentityCenterStack;
}

/**
 * Builds every stack of the landing zone from the resolved model. Stack traces are not captured
 * at token creation: they cost a fifth of synth time and only help debugging cdktf itself.
 */
export function buildApp(model: LandingZoneModel, options: BuildAppOptions): LandingZoneStacks {
  const app = new App({ outdir: options.outdir, stackTraces: false });
  const organization = new OrganizationStack(app, 'organization', { model });
  const identityCenter = model.identityCenter
    ? new IdentityCenterStack(app, 'identity-center', { model, identityCenter: model.identityCenter, organization })
    : undefined;
  for (const stack of app.node.children as TerraformStack[]) useLocalState(stack, options);
  return { app, organization, ...(identityCenter ? { identityCenter } : {}) };
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
