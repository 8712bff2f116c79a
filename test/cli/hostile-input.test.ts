import { closeSync, copyFileSync, cpSync, existsSync, ftruncateSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { loadText, MAX_ALIAS_COUNT, MAX_FILE_BYTES } from '../../src/config/load';
import { DEFAULT_ORG, expectations, FIXTURES, PROJECT_DIR, readTree, tempDir } from '../helpers';

// The module object itself (not an import's interop copy), so a spy sees the calls made by src/.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fs = require('node:fs') as typeof import('node:fs');

const invalidDir = join(FIXTURES, 'invalid');
const corpus = readdirSync(invalidDir).filter((f) => f.endsWith('.yaml')).sort();

async function run(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd, env: {} });
  return { code, stdout, stderr };
}

/** A stack trace line, as Node prints them: "    at fn (file.js:1:2)". */
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

/** One real synth of the default org.yaml; every case starts from a copy of its output. */
let previousOutput: string;
let previousTree: Record<string, string>;
beforeAll(async () => {
  const dir = tempDir('lz-hostile-base-');
  copyFileSync(DEFAULT_ORG, join(dir, 'org.yaml'));
  cpSync(join(PROJECT_DIR, 'policies'), join(dir, 'policies'), { recursive: true });
  expect((await run(['synth', '--out', 'out'], dir)).code).toBe(0);
  previousOutput = join(dir, 'out');
  previousTree = readTree(previousOutput);
});

/** A project directory holding the previous output, the fixture, the fixtures' policy files, and its record if it has one. */
function projectWith(name: string): string {
  const dir = tempDir('lz-hostile-');
  cpSync(previousOutput, join(dir, 'out'), { recursive: true });
  copyFileSync(join(invalidDir, name), join(dir, name));
  cpSync(join(invalidDir, 'policies'), join(dir, 'policies'), { recursive: true });
  const lock = join(invalidDir, name.replace(/\.yaml$/, '.lock.json'));
  if (existsSync(lock)) copyFileSync(lock, join(dir, 'lz.lock.json'));
  return dir;
}

describe('lz synth on the hostile-input corpus', () => {
  test('the corpus covers at least 80 files', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(80);
  });

  test.each(corpus)('%s: exit 1, every expected diagnostic, no stack trace, previous output untouched', async (name) => {
    const dir = projectWith(name);

    const r = await run(['synth', name, '--out', 'out'], dir);

    expect(r.code).toBe(1);
    for (const e of expectations(readFileSync(join(invalidDir, name), 'latin1')))
      expect(r.stdout).toMatch(new RegExp(`^${name.replace(/\./g, '\\.')}:\\d+:\\d+  (?:error|warning)  ${e.code}  ${e.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    expect(r.stderr).toBe('');
    expect(`${r.stdout}${r.stderr}`).not.toMatch(STACK_FRAME);
    expect(r.stdout).not.toContain('internal error');
    expect(readTree(join(dir, 'out'))).toEqual(previousTree);
    expect(existsSync(join(dir, 'lz.lock.json.staging'))).toBe(false);
  });
});

describe('bounded work', () => {
  test('a 50 MB org.yaml is refused from its size, before a byte of it is read', async () => {
    const dir = tempDir('lz-huge-');
    cpSync(previousOutput, join(dir, 'out'), { recursive: true });
    const file = join(dir, 'org.yaml');
    const fd = openSync(file, 'w');
    writeSync(fd, 'organization:\n  name: huge\n');
    // Extending the file leaves a sparse tail: 50 MB on paper, no 50 MB written or held in memory.
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    const read = jest.spyOn(fs, 'readFileSync');

    const r = await run(['synth', '--out', 'out'], dir);

    const readsOfOrgYaml = read.mock.calls.filter(([path]) => String(path) === file);
    read.mockRestore();
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`org.yaml:1:1  error  LZ0004  (document)\n  The file is ${50 * 1024 * 1024} bytes; the limit is ${MAX_FILE_BYTES} bytes (8 MiB).`);
    expect(readsOfOrgYaml).toEqual([]);
    expect(readTree(join(dir, 'out'))).toEqual(previousTree);
  });

  test('control: the spy above does see the read of an ordinary org.yaml', async () => {
    const dir = projectWith('LZ0103-unknown-ou.yaml');
    const read = jest.spyOn(fs, 'readFileSync');
    await run(['validate', 'LZ0103-unknown-ou.yaml'], dir);
    const reads = read.mock.calls.filter(([path]) => String(path) === join(dir, 'LZ0103-unknown-ou.yaml'));
    read.mockRestore();
    expect(reads).toHaveLength(1);
  });

  test(`alias expansion stops at ${MAX_ALIAS_COUNT}: one alias fewer loads, the limit itself is refused`, () => {
    const withAliases = (n: number) => `anchor: &a x\nuses: [${Array(n).fill('*a').join(', ')}]\n`;
    expect(loadText(withAliases(MAX_ALIAS_COUNT - 1)).ok).toBe(true);
    const refused = loadText(withAliases(MAX_ALIAS_COUNT));
    expect(refused.ok).toBe(false);
    expect(refused.diagnostics.map((d) => d.code)).toEqual(['LZ0007']);
  });

  test('a billion-laughs document (10^9 leaves) is refused as LZ0007', () => {
    const levels = Array.from({ length: 9 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(', ')}]`);
    const text = ['l0: &l0 lol', ...levels, 'organization: *l9', ''].join('\n');
    const result = loadText(text);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['LZ0007']);
  });
});
