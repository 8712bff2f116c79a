import { dirname, resolve } from 'node:path';
import { hasErrors, renderDiagnostics } from '../config/diagnostics';
import { InputError } from '../config/load';
import type { ChangeConfirmations } from '../config/managed-record';
import { diffLandingZones } from '../model/diff';
import { validateFile } from '../pipeline';
import { renderDiff, type DiffFormat } from './diff-render';
import { defaultBaseRef, dispose, materialize, parseVersionSpec, synthesizeForDiff, type MaterializedVersion } from './diff-sources';

export interface DiffOptions {
  readonly format: string;
  /** org.yaml's path in the working tree and at git refs. */
  readonly file: string;
  /** Synthesize both versions and compare their stacks. */
  readonly deployment: boolean;
  readonly outdir: string;
  /** Applied to the head version, as `lz synth` would apply them. */
  readonly confirmations: ChangeConfirmations;
}

/** Exit codes of `lz diff`: 0 nothing flagged, 3 flagged changes, 1 a version does not validate, 2 usage or I/O. */
export function runDiff(base: string | undefined, head: string | undefined, options: DiffOptions, cwd: string): { stdout: string; stderr: string; exitCode: number } {
  if (!['text', 'markdown', 'json'].includes(options.format)) throw new InputError(`--format must be text, markdown or json, not "${options.format}"`);
  const versions: MaterializedVersion[] = [];
  try {
    const baseVersion = materialize(parseVersionSpec(base ?? defaultBaseRef(cwd), options.file, cwd), cwd);
    versions.push(baseVersion);
    const headSpec = head === undefined ? { kind: 'file' as const, path: options.file } : parseVersionSpec(head, options.file, cwd);
    const headVersion = materialize(headSpec, cwd);
    versions.push(headVersion);
    const a = validateFile(baseVersion.file, baseVersion.label);
    const b = validateFile(headVersion.file, headVersion.label, options.confirmations);
    const diagnostics = [...a.diagnostics, ...b.diagnostics];
    const stderr = diagnostics.length > 0 ? `${renderDiagnostics(diagnostics)}\n` : '';
    if (hasErrors(diagnostics) || !a.model || !b.model) return { stdout: '', stderr, exitCode: 1 };
    // Both versions are synthesized as if they lived where the head does, so paths agree.
    const projectDir = headSpec.kind === 'git' ? dirname(resolve(cwd, options.file)) : dirname(headVersion.file);
    const finalOutdir = resolve(cwd, options.outdir);
    const stacks = options.deployment
      ? { base: synthesizeForDiff(a.model, projectDir, finalOutdir), head: synthesizeForDiff(b.model, projectDir, finalOutdir) }
      : undefined;
    const diff = diffLandingZones(a.model, b.model, stacks);
    return { stdout: renderDiff(diff, { base: baseVersion.label, head: headVersion.label }, options.format as DiffFormat), stderr, exitCode: diff.flags.length > 0 ? 3 : 0 };
  } finally {
    versions.forEach(dispose);
  }
}
