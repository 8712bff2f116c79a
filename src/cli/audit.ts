import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../config/load';
import { Inventory, type StackJson } from '../model/audit/inventory';
import { offSwitchesOf } from '../model/audit/off-switches';
import { runAudit, type AuditReport, type ControlReport, type UnitReport } from '../model/audit/run-audit';
import { auditScopeOf } from '../model/audit/scope';
import type { LandingZoneModel } from '../model/types';
import { synthesizeForDiff } from './diff-sources';

/** Every stack of an existing output directory (`cdktf.out/stacks/<name>/cdk.tf.json`). */
export function readOutDir(outdir: string): Record<string, StackJson> {
  const dir = join(outdir, 'stacks');
  if (!existsSync(dir)) throw new InputError(`${outdir} has no stacks/ directory: run \`lz synth\` first, or leave out --out to audit org.yaml as it is now`);
  const stacks: Record<string, StackJson> = {};
  for (const name of readdirSync(dir).sort()) {
    const file = join(dir, name, 'cdk.tf.json');
    if (existsSync(file)) stacks[name] = JSON.parse(readFileSync(file, 'utf8')) as StackJson;
  }
  return stacks;
}

/**
 * Audits a model: over the stacks of `outdir` when given (what CI is about to apply), else over
 * the stacks synthesized now, in memory (what org.yaml says, never a stale output directory).
 */
export function auditModel(model: LandingZoneModel, projectDir: string, outdir: string | undefined): AuditReport {
  const stacks = outdir !== undefined
    ? readOutDir(outdir)
    : Object.fromEntries(Object.entries(synthesizeForDiff(model, projectDir, join(projectDir, 'cdktf.out'))).map(([name, s]) => [name, s.config as StackJson]));
  return runAudit(new Inventory(stacks, auditScopeOf(model)), model.audit, offSwitchesOf(model));
}

const STATUS: Record<ControlReport['status'], string> = { satisfied: 'satisfied', 'not-satisfied': 'NOT SATISFIED', 'not-applicable': 'not applicable', excepted: 'excepted' };

function scopeCount(c: ControlReport, report: AuditReport): string {
  const ok = c.units.filter((u) => u.status === 'satisfied').length;
  switch (c.scope) {
    case 'account-region':
      return `satisfied in ${ok} of ${c.units.length} (${report.accounts} accounts x ${report.regions.length} regions)`;
    case 'account':
      return `satisfied in ${ok} of ${report.accounts} accounts`;
    case 'organization':
      return ok > 0 ? 'satisfied for the organization' : 'not satisfied for the organization';
    case 'resource':
      return `satisfied by ${ok} of ${c.units.length} resources the landing zone builds`;
  }
}

const unitName = (u: UnitReport) => u.resource ?? [u.account, u.region].filter((x) => x !== undefined).join(' ');

/** Units grouped by verdict and reason, each group with a few of its units and its evidence. */
function groups(c: ControlReport): string[] {
  const byReason = new Map<string, UnitReport[]>();
  for (const u of c.units) {
    const key = `${u.excepted !== undefined ? 'excepted' : u.status}\u0000${u.reason}${u.excepted !== undefined ? ` (excepted: ${u.excepted})` : ''}`;
    byReason.set(key, [...(byReason.get(key) ?? []), u]);
  }
  return [...byReason].map(([key, units]) => {
    const [status, reason] = key.split('\u0000');
    const names = units.map(unitName);
    const listed = names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
    const evidence = [...new Set(units.flatMap((u) => u.evidence.map((e) => `${e.stack}: ${e.address}`)))];
    const shown = evidence.length <= 3 ? evidence.join(', ') : `${evidence.slice(0, 3).join(', ')} and ${evidence.length - 3} more`;
    return `  ${status!.replace('-', ' ')} (${units.length}): ${reason}\n    in ${listed}${evidence.length > 0 ? `\n    evidence: ${shown}` : ''}`;
  });
}

export function renderAuditText(report: AuditReport): string {
  const count = (s: ControlReport['status']) => report.controls.filter((c) => c.status === s).length;
  const required = report.controls.filter((c) => c.required).length;
  const head = `lz audit: ${report.controls.length} Security Hub controls over ${report.accounts} accounts x ${report.regions.length} regions (${report.regions.join(', ')}): ` +
    `${count('satisfied')} satisfied, ${count('not-satisfied')} not satisfied, ${count('excepted')} excepted, ${count('not-applicable')} not applicable; ` +
    (required === 0 ? 'none required (org.yaml has no audit section).' : `${required} required, ${report.failedRequired.length} of them not satisfied${report.failedRequired.length > 0 ? `: ${report.failedRequired.join(', ')}` : ''}.`);
  const blocks = report.controls.map((c) => [
    `${c.id}  ${STATUS[c.status]}${c.required ? ' (required)' : ''}  ${scopeCount(c, report)}  [${c.severity}${c.standards.length > 0 ? `; ${c.standards.join(', ')}` : ''}]`,
    `  ${c.title}`,
    ...(c.units.length === 0 ? ['  the landing zone builds nothing this control judges'] : groups(c)),
    ...(c.turnedOffBy !== undefined ? [`  turned off by org.yaml: ${c.turnedOffBy}`] : []),
    ...(c.limits !== undefined ? [`  not proven: ${c.limits}`] : []),
    `  ${c.url}`,
  ].join('\n'));
  return `${head}\n\n${blocks.join('\n\n')}\n`;
}

export function renderAudit(report: AuditReport, format: string): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  return renderAuditText(report);
}
