/**
 * Diagnostics are data: a stable code, a YAML path, what was received, why it is wrong and
 * how to fix it. Rendering them is separate, so the CLI, the tests and CI annotations share
 * one format.
 */

export type Severity = 'error' | 'warning';

export type YamlPath = ReadonlyArray<string | number>;

/** A finding before it has been placed in the file. Rules and the schema produce these. */
export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  readonly path: YamlPath;
  /** What is wrong, including the value received. One sentence or two. */
  readonly message: string;
  /** What to change. */
  readonly fix: string;
  /** Point at the mapping key rather than the value (unknown keys, duplicate keys). */
  readonly atKey?: boolean;
}

export interface Diagnostic extends Finding {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

export function error(code: string, path: YamlPath, message: string, fix: string, atKey = false): Finding {
  return { code, severity: 'error', path, message, fix, atKey };
}

export function warning(code: string, path: YamlPath, message: string, fix: string, atKey = false): Finding {
  return { code, severity: 'warning', path, message, fix, atKey };
}

/** `accounts.payments-prod.email`, `organizationalUnits.Workloads.children[0]`. */
export function formatPath(path: YamlPath): string {
  if (path.length === 0) return '(document)';
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

/** Quotes a received value for a message, shortened so a 50 MB string never reaches a terminal. */
export function show(value: unknown): string {
  let text: string;
  if (value === undefined) text = 'nothing';
  else if (typeof value === 'string') text = JSON.stringify(value);
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Stable order: by file, position, then code, so output never depends on rule order. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.col - b.col ||
      a.code.localeCompare(b.code) ||
      formatPath(a.path).localeCompare(formatPath(b.path)) ||
      a.message.localeCompare(b.message),
  );
}

/**
 * ```
 * org.yaml:42:7  error  LZ0107  accounts.payments-prod.email
 *   "payments@example" is not a valid account email: the domain needs a dot.
 *   Use an address such as aws+payments-prod@example.com.
 * ```
 */
export function renderDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col}  ${d.severity}  ${d.code}  ${formatPath(d.path)}\n  ${d.message}\n  ${d.fix}`;
}

export function renderDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const sorted = sortDiagnostics(diagnostics);
  const errors = sorted.filter((d) => d.severity === 'error').length;
  const warnings = sorted.length - errors;
  const body = sorted.map(renderDiagnostic).join('\n\n');
  const summary = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  return body === '' ? summary : `${body}\n\n${summary}`;
}
