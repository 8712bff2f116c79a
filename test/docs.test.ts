import { transformSync } from '@swc/core';
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import * as api from '../src';
import { main } from '../src/cli/main';
import { orgJsonSchema, renderKeyReference } from '../src/config/json-schema';
import { renderGuardrailCatalog } from '../src/model/guardrails/catalog-table';
import { manifestGraph } from '../src/cli/plan-order';
import { dependencyWaves } from '../src/model/waves';
import { RULES } from '../src/rules';
import * as testing from '../src/testing';
import { DEFAULT_ORG, FIXTURES, PROJECT_DIR, synth, modelOf, tempDir, validateYaml } from './helpers';
import { validateFile } from '../src/pipeline';

/** README.md and every page under docs/, by path relative to the project. */
function pages(): Record<string, string> {
  const out: Record<string, string> = { 'README.md': readFileSync(join(PROJECT_DIR, 'README.md'), 'utf8') };
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.md')) out[relative(PROJECT_DIR, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(join(PROJECT_DIR, 'docs'));
  return out;
}

const PAGES = pages();
const page = (path: string) => PAGES[path] ?? '';
const between = (text: string, marker: string) => text.split(`<!-- ${marker}:start -->`)[1]!.split(`<!-- ${marker}:end -->`)[0]!;

interface CodeBlock {
  readonly page: string;
  readonly lang: string;
  readonly code: string;
}

const BLOCKS: CodeBlock[] = Object.entries(PAGES).flatMap(([path, text]) =>
  [...text.matchAll(/^( *)```(\w*)\n([\s\S]*?)^ *```$/gm)].map((m) => ({ page: path, lang: m[2]!, code: m[3]!.replace(new RegExp(`^${m[1]}`, 'gm'), '') })));

/** Inline code spans and code block lines: the places a command or key is written. */
const CODE_TEXT: Array<{ page: string; text: string }> = [
  ...Object.entries(PAGES).flatMap(([path, text]) => [...text.replace(/^ *```[\s\S]*?^ *```$/gm, '').matchAll(/`([^`\n]+)`/g)].map((m) => ({ page: path, text: m[1]! }))),
  ...BLOCKS.filter((b) => b.lang === 'sh' || b.lang === '').flatMap((b) => b.code.split('\n').map((line) => ({ page: b.page, text: line.replace(/\s#.*$/, '') }))),
];

describe('files derived from the code are in step with it (run `npm run docs` to refresh)', () => {
  test('org.schema.json', () => {
    expect(JSON.parse(readFileSync(join(PROJECT_DIR, 'org.schema.json'), 'utf8'))).toEqual(orgJsonSchema());
  });

  test('the org.yaml reference', () => {
    expect(between(page('docs/reference/org-yaml.md'), 'reference').trim()).toBe(renderKeyReference());
  });

  test('the guardrail catalog', () => {
    const section = between(page('docs/concepts/guardrails.md'), 'guardrails');
    expect(section.trim()).toBe(renderGuardrailCatalog());
    expect(section).toContain('`bucketNames` (required)');
  });

  test('every key of the schema appears in the reference', () => {
    const reference = renderKeyReference();
    for (const key of ['organization.homeRegion', 'accounts.<key>.email', 'policies.<key>.statements[].Effect', 'organizationalUnits.<key>.children', 'deployment.awsProviderVersion'])
      expect(reference).toContain(`\`${key}\``);
  });
});

describe('the diagnostics table', () => {
  test('covers every registered rule code', () => {
    const table = page('docs/reference/diagnostics.md');
    const ranges = [...table.matchAll(/^\| LZ(\d{4})(?:-LZ(\d{4}))? \|/gm)].map((m) => [Number(m[1]), Number(m[2] ?? m[1])] as const);
    expect(ranges.length).toBeGreaterThan(5);
    const undocumented = RULES.map((r) => r.code).filter((code) => !ranges.some(([from, to]) => Number(code.slice(2)) >= from && Number(code.slice(2)) <= to));
    expect(undocumented).toEqual([]);
  });
});

describe('the stacks table of docs/concepts/stacks.md', () => {
  const rows = [...page('docs/concepts/stacks.md').matchAll(/^\| (\d+) \| `([^`]+)` \| ([^|]+) \| (.+) \|$/gm)].map((m) => ({ wave: Number(m[1]), stack: m[2]!, holds: m[4]! }));
  const out = synth(modelOf(validateFile(DEFAULT_ORG, 'org.yaml')));
  const waves = dependencyWaves(manifestGraph(out.manifest));
  /** The row of a synthesized stack: its own name, else the per-account pattern (`account-<id>`) it is an instance of. */
  const rowOf = (name: string) =>
    rows.find((r) => r.stack === name) ?? rows.find((r) => r.stack.endsWith('-<id>') && name.startsWith(r.stack.slice(0, -'<id>'.length)));

  test('lists the stacks in wave order, one line each', () => {
    expect(rows.map((r) => `${r.wave} ${r.stack}`)).toEqual([
      '1 organization',
      '2 account-<id>',
      '3 delegated-administrators', '3 delegated-administrators<n>', '3 log-archive', '3 network-hub', '3 network-hub_<region>',
      '4 baseline-<id>', '4 identity-center', '4 ipam', '4 network-<id>', '4 network-peering_<region>_<region>', '4 org-trail', '4 security-tooling', '4 security-tooling<n>',
      '5 access-<id>', '5 baseline<n>-<id>', '5 detective-administration', '5 network-<id>_<region>',
      '6 detective-configuration',
    ]);
    for (const row of rows) expect(row.holds.length).toBeGreaterThan(40);
  });

  test('gives every stack of the default org.yaml the wave lz plan-order computes', () => {
    expect(waves).toHaveLength(6);
    waves.forEach((wave, i) => {
      for (const name of wave) expect([name, rowOf(name)?.stack, rowOf(name)?.wave]).toEqual([name, expect.any(String), i + 1]);
    });
  });
});

describe('the stacks tables match the stacks synthesized', () => {
  /** Stack names in the first columns of the tables of docs/concepts/stacks.md and the bootstrap table; `<account>` stands for any key. */
  const documented = [...page('docs/concepts/stacks.md').matchAll(/^\| \d+ \| `([^`]+)` \|/gm), ...page('docs/guides/terraform-cloud.md').matchAll(/^\| `([^`]+)` \|/gm)]
    .map((m) => m[1]!);
  const pattern = (name: string) => new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/<[^>]+>/g, '[a-z0-9-]+')}$`);
  const files = [DEFAULT_ORG, ...readdirSync(join(FIXTURES, 'valid')).filter((f) => f.endsWith('.yaml')).map((f) => join(FIXTURES, 'valid', f))];
  // The default landing zone under the cloud backend too: its bootstrap stacks.
  const cloud = validateYaml(mergeIntoDefault({ deployment: { backend: 'cloud', cloud: { organization: 'acme' } } }));
  const synthesized = [...new Set([...files.map((file) => validateFile(file, 'org.yaml')), cloud].flatMap((v) => Object.keys(synth(modelOf(v)).stacks)))].sort();

  test('every synthesized stack has a row', () => {
    expect(documented.length).toBeGreaterThan(5);
    expect(synthesized.filter((s) => !documented.some((d) => pattern(d).test(s)))).toEqual([]);
  });

  test('every row names a stack that is synthesized', () => {
    expect(documented.filter((d) => !synthesized.some((s) => pattern(d).test(s)))).toEqual([]);
  });
});

/** `lz <command> ...` in code, with the flags written after it (up to a shell separator). */
const COMMANDS = CODE_TEXT.flatMap(({ page: where, text }) =>
  [...text.matchAll(/(?:^|\s|npx )lz ((?:network )?[a-z][a-z-]*)([^&|;`]*)/g)].map((m) => ({ page: where, command: m[1]!, flags: [...m[2]!.matchAll(/(?:^|\s|\[)(--[a-z][a-z-]*)/g)].map((f) => f[1]!) })));

async function help(command: string): Promise<{ code: number; text: string }> {
  let text = '';
  const code = await main([...command.split(' '), '--help'], { stdout: { write: (s: string) => (text += s) }, stderr: { write: (s: string) => (text += s) }, cwd: PROJECT_DIR, env: {} });
  return { code, text };
}

describe('every documented command and flag exists', () => {
  test('the docs name the commands', () => {
    expect(new Set(COMMANDS.map((c) => c.command))).toEqual(new Set(['validate', 'synth', 'schema', 'plan-order', 'can', 'network matrix', 'network pin', 'init', 'diff', 'graph', 'import', 'audit']));
  });

  test.each([...new Set(COMMANDS.map((c) => c.command))].sort())('lz %s and its documented flags', async (command) => {
    const { code, text } = await help(command);
    expect(code).toBe(0);
    expect(text).toContain(`Usage: lz ${command}`);
    const flags = [...new Set(COMMANDS.filter((c) => c.command === command).flatMap((c) => c.flags))].filter((f) => f !== '--help');
    expect(flags.filter((f) => !new RegExp(`(?:^|[ ,])${f}\\b`, 'm').test(text))).toEqual([]);
  });
});

describe('every documented org.yaml key exists', () => {
  const TOP = ['organization', 'organizationalUnits', 'accounts', 'policies', 'guardrails', 'identityCenter', 'logging', 'security', 'network', 'deployment', 'removed'];
  const keys = [...renderKeyReference().matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!);
  // Indices are left out on both sides: `statements[0].Action[1]` is `statements.Action`.
  const toRegex = (key: string) => key.replace(/\[\d*\]/g, '').replace(/[.*+?^${}()|\\]/g, '\\$&').replace(/<[^>]+>/g, '[^.]+');
  const known = keys.flatMap((key) => key.split('.').map((_, i, parts) => new RegExp(`^${toRegex(parts.slice(0, i + 1).join('.'))}$`)));
  const documented = [...new Set(CODE_TEXT.map((c) => c.text.trim()).filter((t) => /^[a-zA-Z]+(?:\.[^\s.`]+)+$/.test(t) && TOP.includes(t.split('.')[0]!)))].sort();

  test('the docs name many keys', () => {
    expect(documented.length).toBeGreaterThan(30);
  });

  test('each of them is in the schema', () => {
    expect(documented.filter((key) => !known.some((re) => re.test(key.replace(/\[\d*\]/g, ''))))).toEqual([]);
  });
});

/** The default org.yaml with a fragment's sections merged in, deeply: an example of one section runs in a whole landing zone. */
function mergeIntoDefault(fragment: Record<string, unknown>): string {
  const merge = (base: unknown, extra: unknown): unknown => {
    if (base === null || typeof base !== 'object' || Array.isArray(base) || extra === null || typeof extra !== 'object' || Array.isArray(extra)) return extra;
    const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    for (const [k, v] of Object.entries(extra)) out[k] = merge(out[k], v);
    return out;
  };
  const merged = merge(parse(readFileSync(DEFAULT_ORG, 'utf8')), fragment) as { accounts: Record<string, unknown>; removed?: { accounts?: Record<string, unknown> } };
  // An example of a removal removes the account from the landing zone, as the user would.
  for (const key of Object.keys(merged.removed?.accounts ?? {})) delete merged.accounts[key];
  return JSON.stringify(merged);
}

describe('every code example runs', () => {
  const yamlBlocks = BLOCKS.filter((b) => b.lang === 'yaml');
  test.each(yamlBlocks.map((b, i) => [`${b.page} #${i + 1}`, b]))('org.yaml example %s validates', (_name, block) => {
    const doc = parse(block.code) as Record<string, unknown>;
    const whole = 'organization' in doc && 'accounts' in doc;
    const extra = whole ? {} : doc;
    const text = whole ? block.code : mergeIntoDefault(extra);
    // Policy files an example refers to, as a minimal valid policy.
    const dir = tempDir('lz-docs-');
    cpSync(join(PROJECT_DIR, 'policies'), join(dir, 'policies'), { recursive: true });
    for (const m of block.code.matchAll(/file: (\S+\.json)/g))
      if (!statSafe(join(dir, m[1]!))) writeFileSync(join(dir, m[1]!), '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}]}');
    const result = validateYaml(text, dir);
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`)).toEqual([]);
  });

  const scripts = BLOCKS.filter((b) => b.lang === 'js' || b.lang === 'ts');
  test.each(scripts.map((b, i) => [`${b.page} #${i + 1} (${b.lang})`, b]))('%s runs against the default org.yaml', async (_name, block) => {
    const dir = tempDir('lz-docs-');
    cpSync(DEFAULT_ORG, join(dir, 'org.yaml'));
    cpSync(join(PROJECT_DIR, 'policies'), join(dir, 'policies'), { recursive: true });
    const { code } = transformSync(block.code, { filename: `example.${block.lang}`, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } });
    const ran: string[] = [];
    const modules: Record<string, unknown> = {
      'landing-zone-compiler': api,
      'landing-zone-compiler/testing': testing,
      'node:test': { test: (name: string, fn: () => void) => { fn(); ran.push(name); } },
    };
    const log: unknown[] = [];
    let expectations = 0;
    const counted = (value: unknown) => {
      expectations += 1;
      return expect(value);
    };
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      // eslint-disable-next-line @typescript-eslint/no-implied-eval
      const test = (name: string, fn: () => void) => {
        fn();
        ran.push(name);
      };
      new Function('require', 'exports', 'console', 'test', 'expect', `{\n${code}\n}`)((m: string) => modules[m] ?? require(m), {}, { log: (...args: unknown[]) => log.push(args) }, test, counted);
    } finally {
      process.chdir(cwd);
    }
    // Not vacuous: the example ran tests, printed, or asserted.
    expect(ran.length + log.length + expectations).toBeGreaterThan(0);
  });

  test('the README set-up is the two commands', () => {
    const setup = page('README.md').split('## Set-up')[1]!.split('## ')[0]!;
    expect(setup).toContain('npm install && npm run synth');
    expect(setup).toContain('npm test ');
  });

  test('the README stays short, and every page under docs/ is linked from the index', () => {
    expect(page('README.md').split('\n').length).toBeLessThan(120);
    const index = page('docs/README.md');
    const linked = Object.keys(PAGES).filter((p) => p.startsWith('docs/') && p !== 'docs/README.md').filter((p) => !index.includes(`](${p.slice('docs/'.length)})`));
    expect(linked).toEqual([]);
  });

  test('every relative link points at a page that exists', () => {
    const broken = Object.entries(PAGES).flatMap(([path, text]) =>
      [...text.matchAll(/\]\((?!https?:)([^)#]+)(?:#[^)]*)?\)/g)]
        .map((m) => join(path, '..', m[1]!))
        .filter((target) => PAGES[target] === undefined && !statSafe(join(PROJECT_DIR, target)))
        .map((target) => `${path} -> ${target}`));
    expect(broken).toEqual([]);
  });
});

function statSafe(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
