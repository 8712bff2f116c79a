import { readFileSync } from 'node:fs';
import { isAbsolute, join, normalize } from 'node:path';
import { error, type Finding, type YamlPath } from './diagnostics';
import { PolicyStatement } from './schema/common';
import type { OrgConfig } from './schema';

/** Statements read from policy JSON files, by policy key. */
export type PolicyFileStatements = ReadonlyMap<string, readonly PolicyStatement[]>;

/**
 * Reads the JSON documents that policies name with `file:`. Paths are relative to org.yaml and
 * may not leave its directory, so a config cannot read arbitrary files of the machine.
 */
export function readPolicyFiles(config: OrgConfig, dir: string): { statements: PolicyFileStatements; findings: Finding[] } {
  const statements = new Map<string, readonly PolicyStatement[]>();
  const findings: Finding[] = [];
  for (const key of Object.keys(config.policies).sort()) {
    const file = config.policies[key]!.file;
    if (file === undefined) continue;
    const read = readPolicyDocument(file, dir, ['policies', key, 'file'], 'LZ0203');
    if ('finding' in read) findings.push(read.finding);
    else statements.set(key, read.statements);
  }
  return { statements, findings };
}

/**
 * Reads one JSON policy document named by `file:` relative to `dir`. The path may not leave that
 * directory, so a config cannot read arbitrary files of the machine.
 */
export function readPolicyDocument(file: string, dir: string, path: YamlPath, code: string): { statements: PolicyStatement[] } | { finding: Finding } {
  const relative = normalize(file);
  if (isAbsolute(file) || relative.startsWith('..'))
    return { finding: error(code, path, `The policy file "${file}" is outside the directory of org.yaml.`,
      'Keep policy files next to org.yaml (e.g. policies/deny-leave.json) and give the path relative to it.') };
  let text: string;
  try {
    text = readFileSync(join(dir, relative), 'utf8');
  } catch (e) {
    return { finding: error(code, path, `The policy file "${file}" cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`,
      'Check the path: it is relative to the directory of org.yaml.') };
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (e) {
    return { finding: error(code, path, `The policy file "${file}" is not valid JSON: ${(e as Error).message}.`, 'Fix the JSON syntax of the file.') };
  }
  const raw = (document as { Statement?: unknown } | null)?.Statement;
  const list = Array.isArray(raw) ? raw : raw === undefined ? undefined : [raw];
  if (list === undefined || list.length === 0)
    return { finding: error(code, path, `The policy file "${file}" has no Statement.`, 'Give the file a "Statement" list, as in any IAM policy document.') };
  const parsed = PolicyStatement.array().safeParse(list);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    return { finding: error(code, path, `The policy file "${file}" has an invalid statement at Statement${first.path.map((p) => `[${JSON.stringify(p)}]`).join('')}: ${first.message}.`,
      'Each statement needs Effect and Action or NotAction; keys use AWS capitalization (Sid, Effect, Action, Resource, Condition).') };
  }
  return { statements: parsed.data };
}
