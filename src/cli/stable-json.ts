/**
 * JSON text exactly as cdktf writes it: json-stable-stringify 1.x with `space: 2` (the stack files
 * and manifest.json). Every object's keys are sorted by code unit (integer-like keys too, which
 * JSON.stringify would put first), an empty array or object is still opened and closed on two
 * lines, `toJSON` is called where an object has one, a value that JSON cannot hold (undefined, a
 * function, a symbol) is left out of an object and written as `null` in an array, and a cycle
 * throws. json-stable-stringify builds its indentation afresh at every value and looks for cycles
 * with a linear search of the path: at 1,000 accounts with Terraform Cloud that was 7 % of each
 * synth worker's CPU (node --cpu-prof). This one keeps the indentations and the path in a Set.
 * test/cli/stable-json.test.ts compares both on generated values; test/cli/synth-incremental.test.ts
 * compares synthesized stacks with cdktf's own synthesizer.
 */
export function stableJson(value: unknown): string {
  const indents = ['\n'];
  const indent = (level: number): string => (indents[level] ??= `${indent(level - 1)}  `);
  const path = new Set<object>();
  const write = (node: unknown, level: number): string | undefined => {
    if ((node !== null && typeof node === 'object') || typeof node === 'function') {
      const toJSON = (node as { toJSON?: unknown }).toJSON;
      if (typeof toJSON === 'function') node = toJSON.call(node);
    }
    if (node === null || typeof node !== 'object') return JSON.stringify(node) as string | undefined;
    const inner = indent(level + 1);
    let out = '';
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) out += `${i === 0 ? '' : ','}${inner}${write(node[i], level + 1) ?? 'null'}`;
      return `[${out}${indent(level)}]`;
    }
    if (path.has(node)) throw new TypeError('Converting circular structure to JSON');
    path.add(node);
    const keys = Object.keys(node).sort();
    let first = true;
    for (const key of keys) {
      const text = write((node as Record<string, unknown>)[key], level + 1);
      if (text === undefined) continue;
      out += `${first ? '' : ','}${inner}${JSON.stringify(key)}: ${text}`;
      first = false;
    }
    path.delete(node);
    return `{${out}${indent(level)}}`;
  };
  return write(value, 0) as string;
}
