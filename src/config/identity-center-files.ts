import type { Finding } from './diagnostics';
import { readPolicyDocument } from './policy-files';
import type { OrgConfig } from './schema';
import type { PolicyStatement } from './schema/common';

/** The code of permission set inline policy problems, file problems included. */
export const INLINE_POLICY_CODE = 'LZ0304';

/**
 * Reads the JSON documents that permission set inline policies name with `file:`, with the same
 * safety as organization policy files: relative to org.yaml, never outside its directory.
 */
export function readInlinePolicyFiles(config: OrgConfig, dir: string): { statements: Map<string, readonly PolicyStatement[]>; findings: Finding[] } {
  const statements = new Map<string, readonly PolicyStatement[]>();
  const findings: Finding[] = [];
  const sets = config.identityCenter?.permissionSets ?? {};
  for (const key of Object.keys(sets).sort()) {
    const inline = sets[key]!.inlinePolicy;
    // With both statements and a file, the rule reports the conflict; the file is not read.
    if (inline?.file === undefined || inline.statements !== undefined) continue;
    const read = readPolicyDocument(inline.file, dir, ['identityCenter', 'permissionSets', key, 'inlinePolicy', 'file'], INLINE_POLICY_CODE);
    if ('finding' in read) findings.push(read.finding);
    else statements.set(key, read.statements);
  }
  return { statements, findings };
}
