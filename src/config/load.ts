import { readFileSync, statSync } from 'node:fs';
import { Document, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';
import { error, type Diagnostic, type Finding, type YamlPath } from './diagnostics';
import { yamlErrorDiagnostics } from './yaml-errors';

/** Larger files are refused before they are read: no landing zone needs one, and parsing it would stall CI. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
/** An alias may be expanded this many times at most; a "billion laughs" file fails fast. */
export const MAX_ALIAS_COUNT = 200;

export interface Position {
  readonly line: number;
  readonly col: number;
}

/** A parsed org.yaml: its plain data plus a way back from a YAML path to a line and column. */
export interface SourceDocument {
  readonly file: string;
  /** The directory the file sits in; policy files are resolved from here. */
  readonly dir: string;
  readonly data: unknown;
  locate(path: YamlPath, atKey?: boolean): Position;
  place(finding: Finding): Diagnostic;
}

export type LoadResult =
  | { readonly ok: true; readonly source: SourceDocument; readonly diagnostics: Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: Diagnostic[] };

/** Thrown for problems that are not the config's fault (missing file, permissions): exit code 2. */
export class InputError extends Error {}

export function loadFile(file: string, displayName = file): LoadResult {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new InputError(`${displayName} is not a file`);
    size = stat.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`cannot read ${displayName}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (size > MAX_FILE_BYTES) {
    return fail(displayName, 'LZ0004', `The file is ${size} bytes; the limit is ${MAX_FILE_BYTES} bytes (8 MiB).`,
      'An org.yaml this large is almost certainly not the file you meant; split policies into JSON files next to it.');
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new InputError(`cannot read ${displayName}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return loadText(bytes, displayName, dirnameOf(file));
}

function dirnameOf(file: string): string {
  const i = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return i < 0 ? '.' : file.slice(0, i) || '/';
}

function fail(file: string, code: string, message: string, fix: string, line = 1, col = 1): LoadResult {
  return { ok: false, diagnostics: [{ ...error(code, [], message, fix), file, line, col }] };
}

export function loadText(input: string | Buffer, file = 'org.yaml', dir = '.'): LoadResult {
  if (typeof input !== 'string' && input.length > MAX_FILE_BYTES) {
    return fail(file, 'LZ0004', `The file is ${input.length} bytes; the limit is ${MAX_FILE_BYTES} bytes (8 MiB).`,
      'An org.yaml this large is almost certainly not the file you meant; split policies into JSON files next to it.');
  }
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    const nul = input.indexOf(0);
    if (nul >= 0) return binary(file, input, nul);
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      return fail(file, 'LZ0005', 'The file is not valid UTF-8 text.', 'Save org.yaml as UTF-8 text; it looks like a binary or a differently encoded file.');
    }
  }
  if (text.includes('\u0000')) return binary(file, Buffer.from(text), text.indexOf('\u0000'));
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, version: '1.2' });
  const pos = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, col: p.col };
  };
  if (!Array.isArray(docs) || docs.length === 0) {
    // parseAllDocuments returns an EmptyStream (or no document) for input with nothing but comments.
    return fail(file, 'LZ0006', 'The file is empty: there is no organization to validate.',
      'Start from the default org.yaml in the repository and edit it.');
  }
  const diagnostics: Diagnostic[] = yamlErrorDiagnostics(docs.flatMap((doc) => doc.errors), text, file, lineCounter);
  if (docs.length > 1) {
    const at = pos(docs[1]!.range[0]);
    diagnostics.push({
      ...error('LZ0008', [], `The file holds ${docs.length} YAML documents; org.yaml is one document.`,
        'Remove the `---` separator and merge the documents into one.'),
      file, line: at.line, col: at.col,
    });
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  const doc = docs[0]!;
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    return fail(file, 'LZ0006', 'The file is empty: there is no organization to validate.',
      'Start from the default org.yaml in the repository and edit it.');
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const message = (e as Error).message;
    if (/alias/i.test(message)) {
      return fail(file, 'LZ0007', `Aliases expand too far (more than ${MAX_ALIAS_COUNT} expansions): ${message}.`,
        'Write the values out instead of nesting aliases; org.yaml needs few aliases, if any.');
    }
    return fail(file, 'LZ0002', `The YAML could not be read: ${message}.`, 'Fix the YAML syntax at this place.');
  }
  const source = makeSource(file, dir, doc, data, pos);
  return { ok: true, source, diagnostics: [] };
}

function binary(file: string, bytes: Buffer, nulAt: number): LoadResult {
  const before = bytes.subarray(0, nulAt).toString('latin1');
  const line = before.split('\n').length;
  return fail(file, 'LZ0005', `The file contains a NUL byte (offset ${nulAt}); it is not a text file.`,
    'Point lz at your org.yaml; this looks like a binary file.', line, 1);
}

function makeSource(file: string, dir: string, doc: Document, data: unknown, pos: (offset: number) => Position): SourceDocument {
  const locate = (path: YamlPath, atKey = false): Position => {
    let node: Node | null = doc.contents as Node | null;
    let keyNode: Node | null = null;
    let best: Node | null = node;
    for (const segment of path) {
      keyNode = null;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) break;
        keyNode = pair.key as Node;
        node = (pair.value as Node | null) ?? keyNode;
        best = node;
      } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
        node = node.items[segment] as Node;
        best = node;
      } else {
        break;
      }
    }
    const target = atKey && keyNode ? keyNode : best;
    const offset = target?.range?.[0] ?? 0;
    return pos(offset);
  };
  return {
    file,
    dir,
    data,
    locate,
    place(finding: Finding): Diagnostic {
      const at = locate(finding.path, finding.atKey);
      return { ...finding, file, line: at.line, col: at.col };
    },
  };
}
