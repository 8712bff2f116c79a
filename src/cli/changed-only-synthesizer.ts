import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { AnnotationMetadataEntryType, type IStackSynthesizer, type ISynthesisSession, type TerraformStack } from 'cdktf';
import { ConstructOrder, type IConstruct } from 'constructs';
import { stableJson } from './stable-json';
import { syncWriter, type StackWriter } from './stack-writer';

/**
 * A stack synthesizer that writes a stack's file only when it differs from the file the current
 * output holds, so that a re-synth of an unchanged organization writes and later deletes nothing.
 * On a 5,000-account organization, replacing the whole output (20,003 stack directories) cost more
 * than the synthesis itself: node --cpu-prof of the main process, 11.7 s of unlink and rmdir of the
 * old output, and in each worker 5.9 s of mkdir and write.
 *
 * It does what cdktf's StackSynthesizer (cdktf/lib/synthesize/synthesizer.js) does, step for step:
 * aspects, the Terraform version validation of moved blocks, the stack's validations, each node's
 * custom synthesis, annotations into the manifest (and cdktf's error when one is an error), then
 * the JSON text, in json-stable-stringify's format that cdktf writes (stableJson), so the text is
 * byte for byte cdktf's. Only the last step differs: the text is compared with `<current>/<stack file>` and
 * written into the session's directory only when it differs or the file does not exist.
 * test/cli/synth-incremental.test.ts checks both against cdktf's own synthesizer.
 */
const requireFromCdktf = createRequire(require.resolve('cdktf'));
const { invokeAspects } = requireFromCdktf('./synthesize/synthesizer') as { invokeAspects: (root: IConstruct) => void };
const { ValidateTerraformVersion } = requireFromCdktf('./validations/validate-terraform-version') as {
  ValidateTerraformVersion: new (constraint: string, message: string) => { validate(): string[] };
};
const { encounteredAnnotationWithLevelError } = requireFromCdktf('./errors') as { encounteredAnnotationWithLevelError: (errors: string) => Error };

const CUSTOM_SYNTHESIS = Symbol.for('cdktf/customSynthesis');
/** The default writer: at once, in this thread. */
const AT_ONCE = syncWriter();
const ANNOTATION_TYPES: readonly string[] = [AnnotationMetadataEntryType.INFO, AnnotationMetadataEntryType.WARN, AnnotationMetadataEntryType.ERROR];

export interface ChangedOnlyOptions {
  /** The output a previous synth wrote, which the new text is compared with (it is only read); without it the file is always written. */
  readonly currentOutdir?: string;
  /**
   * Write the stack into this directory instead of the session's (the merged output of several
   * shares, see ShareDirs.mergedOutdir). Its stack directory must not exist yet: one that does
   * means that two shares claim the stack, and synth stops. A stack with a node of its own synthesis
   * (a TerraformAsset, which writes into the session's directory) stays in the session's directory.
   */
  readonly outdir?: string;
  /** Writes the file. @default syncWriter(): at once, in this thread */
  readonly writer?: StackWriter;
  /** Called after the stack is synthesized, with the JSON written or left as it was. */
  readonly onSynthesized: (result: SynthesizedStack) => void;
}

export interface SynthesizedStack {
  /** Whether the file was written (false: currentOutdir holds the same text). */
  readonly written: boolean;
  /** Whether it was written into ChangedOnlyOptions.outdir rather than the session's directory. */
  readonly redirected: boolean;
  /** The stack's Terraform JSON, as resolved for the file. */
  readonly json: Record<string, unknown>;
}

export class ChangedOnlySynthesizer implements IStackSynthesizer {
  constructor(
    private readonly stack: TerraformStack,
    private readonly options: ChangedOnlyOptions,
  ) {}

  synthesize(session: ISynthesisSession): void {
    const stack = this.stack;
    invokeAspects(stack);
    if (stack.hasResourceMove())
      stack.node.addValidation(new ValidateTerraformVersion('>=1.5', 'Resource move functionality is only supported for Terraform >=1.5. Please upgrade your Terraform version.'));
    if (!session.skipValidation) stack.runAllValidations();
    const stackManifest = session.manifest.forStack(stack);
    const workingDirectory = join(session.outdir, stackManifest.workingDirectory);
    const customs = stack.node
      .findAll(ConstructOrder.POSTORDER)
      .map((node) => (node as unknown as Record<symbol, { onSynthesize(session: ISynthesisSession): void } | undefined>)[CUSTOM_SYNTHESIS])
      .filter((custom) => custom !== undefined);
    // A node with its own synthesis (a TerraformAsset) writes into the stack's directory: then the
    // directory is made first, as cdktf makes it, and the stack is always written.
    if (customs.length > 0 && !existsSync(workingDirectory)) mkdirSync(workingDirectory);
    for (const custom of customs) custom.onSynthesize(session);
    const annotations = stack.node.findAll().flatMap((node) =>
      node.node.metadata
        .filter((metadata) => ANNOTATION_TYPES.includes(metadata.type))
        .map((metadata) => ({ constructPath: node.node.path, level: metadata.type as AnnotationMetadataEntryType, message: metadata.data as string, stacktrace: metadata.trace })),
    );
    (stackManifest as { annotations: unknown }).annotations = annotations;
    const errors = annotations.filter((a) => a.level === AnnotationMetadataEntryType.ERROR);
    if (errors.length > 0 && process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS === undefined)
      throw encounteredAnnotationWithLevelError(errors.map((a) => `[${a.constructPath}] ${a.message}`).join('\n'));
    const json = stack.toTerraform() as Record<string, unknown>;
    const text = stableJson(json);
    const current = this.options.currentOutdir;
    const written = current === undefined || customs.length > 0 || !sameText(join(current, stackManifest.synthesizedStackPath), text);
    const redirected = written && this.options.outdir !== undefined && customs.length === 0;
    if (written) {
      // Into the merged output a stack directory is made exclusively: one that exists means two shares claim the stack.
      const base = redirected ? this.options.outdir! : session.outdir;
      (this.options.writer ?? AT_ONCE).write(stack.node.id, join(base, stackManifest.workingDirectory), redirected, join(base, stackManifest.synthesizedStackPath), text);
    }
    this.options.onSynthesized({ written, redirected, json });
  }
}

function sameText(file: string, text: string): boolean {
  let current: string;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  return current === text;
}
