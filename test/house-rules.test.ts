import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROJECT_DIR } from './helpers';

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (name.endsWith('.ts')) out.push(full);
  }
  return out;
}

const code = ['src', 'stacks', 'test', 'bench'].flatMap((d) => {
  try {
    return sourceFiles(join(PROJECT_DIR, d));
  } catch {
    return [];
  }
});

/** The text of every `fc.assert(...)` call in a file, up to its closing parenthesis. */
function propertyAssertions(text: string): string[] {
  const calls: string[] = [];
  for (let start = text.indexOf('fc.assert('); start >= 0; start = text.indexOf('fc.assert(', start + 1)) {
    let depth = 0;
    let end = start + 'fc.assert'.length;
    for (; end < text.length; end++) {
      if (text[end] === '(') depth++;
      else if (text[end] === ')' && --depth === 0) break;
    }
    calls.push(text.slice(start, end + 1));
  }
  return calls;
}

describe('house rules', () => {
  test('provider classes are imported from submodules, never the package root', () => {
    const offenders = code.filter((f) => /(from\s*|require\(\s*|import\(\s*)['"]@cdktf\/provider-(aws|tfe)['"]/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(PROJECT_DIR, f))).toEqual([]);
  });

  test('every property test carries a seed, so a failure replays the same way everywhere', () => {
    const tests = code.filter((f) => f.endsWith('.test.ts') && f !== __filename);
    const calls = tests.flatMap((f) => propertyAssertions(readFileSync(f, 'utf8')).map((call) => ({ file: relative(PROJECT_DIR, f), call })));
    expect(calls.length).toBeGreaterThanOrEqual(19);
    expect(calls.filter((c) => !/\bseed\s*:/.test(c.call)).map((c) => `${c.file}: ${c.call.slice(0, 60)}`)).toEqual([]);
  });

  test('src/config, src/rules and src/model do not import cdktf or constructs', () => {
    const pure = code.filter((f) => /^src\/(config|rules|model)\//.test(relative(PROJECT_DIR, f)));
    expect(pure.length).toBeGreaterThan(10);
    const offenders = pure.filter((f) => /from\s*['"](cdktf|constructs|@cdktf\/[^'"]+)['"]/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(PROJECT_DIR, f))).toEqual([]);
  });
});
