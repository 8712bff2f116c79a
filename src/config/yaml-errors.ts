import { isMap, isPair, isScalar, isSeq, parseDocument, type LineCounter, type Node, type YAMLError } from 'yaml';
import { error, formatPath, type Diagnostic, type YamlPath } from './diagnostics';

/**
 * YAML syntax errors as diagnostics: one per problem (the parser often reports one mistake twice
 * at the same place), placed on the line that is wrong, with a hint for the usual causes.
 */
export function yamlErrorDiagnostics(errors: readonly YAMLError[], text: string, file: string, lineCounter: LineCounter): Diagnostic[] {
  const lines = text.split('\n');
  // Errors that start at one offset are one mistake seen by several checks: explain it once, over their joint range.
  const groups = new Map<number, { error: YAMLError; end: number }>();
  for (const e of errors) {
    const group = groups.get(e.pos[0]);
    if (group) group.end = Math.max(group.end, e.pos[1]);
    else groups.set(e.pos[0], { error: e, end: e.pos[1] });
  }
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const [start, { error: e, end }] of groups) {
    const at = lineCounter.linePos(start);
    const endLine = lineCounter.linePos(Math.max(start, end - 1)).line;
    const explained = explain(e, text, lines, at, endLine);
    const key = `${explained.line}:${explained.col}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...explained.finding, file, line: explained.line, col: explained.col });
  }
  return out;
}

type Explained = { finding: ReturnType<typeof error>; line: number; col: number };

const KEY_WITHOUT_SPACE = /^(\s*)([A-Za-z][A-Za-z0-9_-]*):(\S.*)$/;
const indentOf = (line: string) => /^ */.exec(line)![0].length;
const firstLine = (message: string) => message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');

function explain(e: YAMLError, text: string, lines: readonly string[], at: { line: number; col: number }, endLine: number): Explained {
  if (e.code === 'DUPLICATE_KEY') return duplicateKey(e, text, at);
  if (e.code === 'TAB_AS_INDENT')
    return { finding: error('LZ0009', [], 'A tab is used for indentation; YAML allows only spaces.', 'Replace the tab with spaces (two per level).'), ...at };
  const what = `YAML syntax error (${e.code}): ${firstLine(e.message)}.`;
  if (['BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'BAD_INDENT', 'UNEXPECTED_TOKEN'].includes(e.code)) {
    for (let n = at.line; n <= Math.min(endLine, lines.length); n++) {
      const m = KEY_WITHOUT_SPACE.exec(lines[n - 1]!);
      if (m) {
        return { finding: error('LZ0002', [], what,
          `A colon needs a space after it: write \`${m[2]}: ${m[3]}\` instead of \`${m[2]}:${m[3]}\` (without the space, YAML reads one string).`),
          line: n, col: m[1]!.length + 1 };
      }
    }
    for (let n = Math.max(at.line, 2); n <= Math.min(endLine, lines.length); n++) {
      const here = lines[n - 1]!;
      const before = previousContentLine(lines, n);
      if (here.trim() === '' || before === undefined) continue;
      const [h, b] = [indentOf(here), indentOf(before)];
      if (h !== b && !before.trimEnd().endsWith(':')) {
        return { finding: error('LZ0002', [], what,
          `Line ${n} is indented ${h} space${h === 1 ? '' : 's'} and the line before it ${b}: entries of one mapping start in the same column, and only the value of a key that ends with a colon is indented further (two spaces per level).`),
          line: n, col: h + 1 };
      }
    }
  }
  return { finding: error('LZ0002', [], what, 'Fix the YAML syntax at this place; check indentation, quotes and colons.'), ...at };
}

function previousContentLine(lines: readonly string[], n: number): string | undefined {
  for (let i = n - 2; i >= 0; i--) if (lines[i]!.trim() !== '' && !lines[i]!.trim().startsWith('#')) return lines[i];
  return undefined;
}

/** Names the key and the line of its first occurrence, found in a parse that keeps both. */
function duplicateKey(e: YAMLError, text: string, at: { line: number; col: number }): Explained {
  const doc = parseDocument(text, { uniqueKeys: false, version: '1.2' });
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const found = findDuplicate(doc.contents as Node | null, e.pos[0], []);
  if (!found)
    return { finding: error('LZ0003', [], 'A key appears twice in the same mapping, and YAML would keep only one of them.', 'Remove one of the two entries, or merge them into one.'), ...at };
  const where = found.mapPath.length === 0 ? 'at the top level' : `in ${formatPath(found.mapPath)}`;
  return {
    finding: error('LZ0003', [...found.mapPath, found.key], `The key \`${found.key}\` appears twice ${where}: first on line ${lineOf(found.firstOffset)}, again here. YAML would keep only one of them.`,
      'Remove one of the two entries, or merge them into one.'),
    ...at,
  };
}

function findDuplicate(node: Node | null, offset: number, path: YamlPath): { key: string; mapPath: YamlPath; firstOffset: number } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key as Node | null;
      if (isScalar(key) && key.range?.[0] === offset) {
        const first = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key.value));
        return { key: String(key.value), mapPath: path, firstOffset: (first!.key as Node).range![0] };
      }
      const inner = findDuplicate(pair.value as Node | null, offset, [...path, isScalar(key) ? String(key.value) : '?']);
      if (inner) return inner;
    }
  } else if (isSeq(node)) {
    for (const [i, item] of node.items.entries()) {
      const inner = findDuplicate(item as Node | null, offset, [...path, i]);
      if (inner) return inner;
    }
  }
  return undefined;
}
