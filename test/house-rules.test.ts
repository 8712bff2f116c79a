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

describe('house rules', () => {
  test('provider classes are imported from submodules, never the package root', () => {
    const offenders = code.filter((f) => /(from\s*|require\(\s*|import\(\s*)['"]@cdktf\/provider-(aws|tfe)['"]/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(PROJECT_DIR, f))).toEqual([]);
  });

  test('src/config, src/rules and src/model do not import cdktf or constructs', () => {
    const pure = code.filter((f) => /^src\/(config|rules|model)\//.test(relative(PROJECT_DIR, f)));
    expect(pure.length).toBeGreaterThan(10);
    const offenders = pure.filter((f) => /from\s*['"](cdktf|constructs|@cdktf\/[^'"]+)['"]/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(PROJECT_DIR, f))).toEqual([]);
  });
});
