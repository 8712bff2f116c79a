import { hasErrors, sortDiagnostics, type Diagnostic } from './config/diagnostics';
import { readInlinePolicyFiles } from './config/identity-center-files';
import { loadFile, loadText, type LoadResult, type SourceDocument } from './config/load';
import { readLockFile } from './config/lock-file';
import { NO_CONFIRMATIONS, type ChangeConfirmations } from './config/managed-record';
import { parseConfig } from './config/parse';
import { partialConfig, withoutFollowOns } from './config/partial-config';
import { readPolicyFiles } from './config/policy-files';
import { readSuricataFiles } from './config/suricata-files';
import type { OrgConfig } from './config/schema';
import { buildModel } from './model/build-model';
import { withRecordedIds } from './model/redeclarations';
import type { LandingZoneModel } from './model/types';
import { runRules } from './rules';
import { makeRuleContext } from './rules/rule';

export interface Validation {
  /** Every diagnostic of the run, sorted by position. */
  readonly diagnostics: Diagnostic[];
  /** Present when there are no errors (warnings allowed). */
  readonly model?: LandingZoneModel;
  readonly config?: OrgConfig;
  readonly source?: SourceDocument;
}

/** Hears the start of each phase after load, for progress and timings; `validate` comes with the loaded document. */
export type PhaseListener = (phase: 'validate' | 'model', source?: SourceDocument) => void;

/**
 * load -> parse -> check -> model, collecting every diagnostic; never throws for a config mistake.
 * When the schema refuses part of the document, the rules still judge the part that parses (see
 * partialConfig), so one run reports every problem; no model is built from it.
 */
export function validateLoaded(loaded: LoadResult, confirmations: ChangeConfirmations = NO_CONFIRMATIONS, onPhase?: PhaseListener): Validation {
  if (!loaded.ok) return { diagnostics: sortDiagnostics(loaded.diagnostics) };
  const { source } = loaded;
  onPhase?.('validate', source);
  const parsed = parseConfig(source.data);
  if (!parsed.config) {
    const partial = partialConfig(source.data, parsed.issues ?? []);
    const semantic = partial ? withoutFollowOns(check(partial.config, source, confirmations).findings, partial.setAside) : [];
    return { diagnostics: sortDiagnostics([...parsed.findings, ...semantic].map((f) => source.place(f))), source };
  }
  const { config, findings, files, previous, inline } = check(parsed.config, source, confirmations);
  const diagnostics = sortDiagnostics(findings.map((f) => source.place(f)));
  if (hasErrors(diagnostics)) return { diagnostics, config, source };
  onPhase?.('model');
  return { diagnostics, config, source, model: buildModel(config, files.statements, previous.lock, inline.statements, confirmations) };
}

/** The record, the policy files and the semantic rules over a parsed config. */
function check(parsedConfig: OrgConfig, source: SourceDocument, confirmations: ChangeConfirmations) {
  const previous = readLockFile(source.dir);
  // Released accounts and OUs declared again are adopted by the id the record holds for them;
  // Suricata rule files are read into their rule groups, so rules and model see inline rules.
  const suricata = readSuricataFiles(withRecordedIds(parsedConfig, previous.lock), source.dir);
  const config = suricata.config;
  const files = readPolicyFiles(config, source.dir);
  const inline = readInlinePolicyFiles(config, source.dir);
  const findings = [
    ...files.findings,
    ...inline.findings,
    ...suricata.findings,
    ...previous.findings,
    ...runRules(makeRuleContext(config, files.statements, previous.lock, inline.statements, confirmations)),
  ];
  return { config, findings, files, previous, inline };
}

export function validateFile(file: string, displayName = file, confirmations: ChangeConfirmations = NO_CONFIRMATIONS, onPhase?: PhaseListener): Validation {
  return validateLoaded(loadFile(file, displayName), confirmations, onPhase);
}

export function validateText(text: string, file = 'org.yaml', dir = '.'): Validation {
  return validateLoaded(loadText(text, file, dir));
}
