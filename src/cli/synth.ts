import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Finding } from '../config/diagnostics';
import { LOCK_FILE_NAME, renderLockFile, type LockFile } from '../config/lock-file';
import type { LandingZoneModel } from '../model/types';
import { checkProtectedResources, PROTECTED_SECTION, protectedAddresses, readStacks, writeReleases } from './protected-resources';
import { withoutTokenStackTraces } from './token-stack-traces';

export interface SynthSummary {
  readonly outdir: string;
  readonly stacks: readonly string[];
}

/** The synthesized output would destroy a protected resource; nothing was written. */
export class ProtectedResourcesError extends Error {
  constructor(readonly findings: Finding[]) {
    super(findings.map((f) => f.message).join('\n'));
  }
}

/**
 * Synthesizes every stack into a fresh directory beside `outdir`, then swaps it into place, so a
 * failure at any point leaves the previous output as it was. cdktf is loaded here, not at start-up:
 * `lz validate` never pays for it.
 */
export function synthesize(model: LandingZoneModel, outdir: string, projectDir: string, releases: readonly string[] = []): SynthSummary {
  const target = resolve(outdir);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const stamp = `${process.pid}-${Date.now()}`;
  const staging = join(parent, `.${basename(target)}.staging-${stamp}`);
  const previous = join(parent, `.${basename(target)}.previous-${stamp}`);
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { buildApp } = require('../../stacks/app') as typeof import('../../stacks/app');
    const app = withoutTokenStackTraces(() => {
      const built = buildApp(model, { outdir: staging, finalOutdir: target, projectDir: resolve(projectDir) }).app;
      built.synth();
      return built;
    });
    const stacks = app.node.children.map((c) => c.node.id).sort();
    const recorded = (model.lock[PROTECTED_SECTION] as string[] | undefined) ?? [];
    const written = readStacks(staging, recorded);
    const check = checkProtectedResources(recorded, written, releases);
    if (check.findings.length > 0) throw new ProtectedResourcesError(check.findings);
    writeReleases(staging, check.releases);
    if (existsSync(target)) renameSync(target, previous);
    renameSync(staging, target);
    if (existsSync(previous)) carryOverWorkingFiles(previous, target);
    rmSync(previous, { recursive: true, force: true });
    writeLock({ ...model.lock, [PROTECTED_SECTION]: protectedAddresses(written) }, projectDir);
    return { outdir: target, stacks };
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(target) && existsSync(previous)) renameSync(previous, target);
    throw e;
  }
}

/** What `terraform init` writes into a stack directory: providers and modules, and the provider lock file users commit. */
const TERRAFORM_WORKING_FILES = ['.terraform', '.terraform.lock.hcl'];

/**
 * Moves Terraform's working files of every stack that is still synthesized from the replaced
 * output into the new one, so a stack needs `terraform init` once, not after every synth. A stack
 * that is no longer synthesized takes its files with it.
 */
function carryOverWorkingFiles(from: string, to: string): void {
  const stacks = join(from, 'stacks');
  if (!existsSync(stacks)) return;
  for (const stack of readdirSync(stacks)) {
    if (!existsSync(join(to, 'stacks', stack))) continue;
    for (const name of TERRAFORM_WORKING_FILES)
      if (existsSync(join(stacks, stack, name))) renameSync(join(stacks, stack, name), join(to, 'stacks', stack, name));
  }
}

/** Rewrites lz.lock.json only when its content changes, through a rename so it is never half-written. */
function writeLock(lock: LockFile, projectDir: string): void {
  const path = join(projectDir, LOCK_FILE_NAME);
  const text = renderLockFile(lock);
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return;
  const staging = `${path}.staging-${process.pid}`;
  writeFileSync(staging, text);
  renameSync(staging, path);
}
