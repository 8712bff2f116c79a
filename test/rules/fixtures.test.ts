import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatPath, hasErrors, renderDiagnostics } from '../../src/config/diagnostics';
import { validateFile } from '../../src/pipeline';
import { RULES } from '../../src/rules';
import { DEFAULT_ORG, expectations, FIXTURES, tempDir } from '../helpers';

const invalidDir = join(FIXTURES, 'invalid');
const invalid = readdirSync(invalidDir).filter((f) => f.endsWith('.yaml')).sort();
const validDir = join(FIXTURES, 'valid');
const valid = readdirSync(validDir).filter((f) => f.endsWith('.yaml')).sort();

/**
 * A fixture may come with `<name>.lock.json`, the record of an earlier synth; it is validated in
 * a directory of its own, next to that record as lz.lock.json.
 */
export function fixturePath(name: string): string {
  const file = join(invalidDir, name);
  const lock = join(invalidDir, name.replace(/\.yaml$/, '.lock.json'));
  if (!existsSync(lock)) return file;
  const dir = tempDir('lz-fixture-');
  copyFileSync(file, join(dir, name));
  copyFileSync(lock, join(dir, 'lz.lock.json'));
  return join(dir, name);
}

describe('invalid fixtures', () => {
  test.each(invalid)('%s reports its expected diagnostics, with pinned text', (name) => {
    const expected = expectations(readFileSync(join(invalidDir, name), 'utf8'));
    expect(expected.length).toBeGreaterThan(0);

    const result = validateFile(fixturePath(name), name);

    expect(hasErrors(result.diagnostics)).toBe(true);
    expect(result.model).toBeUndefined();
    const got = result.diagnostics.map((d) => ({ code: d.code, path: formatPath(d.path) }));
    for (const e of expected) expect(got).toContainEqual(e);
    for (const d of result.diagnostics) {
      expect(d.line).toBeGreaterThan(0);
      expect(d.col).toBeGreaterThan(0);
      expect(d.fix.length).toBeGreaterThan(0);
    }
    expect(renderDiagnostics(result.diagnostics)).toMatchSnapshot();
  });
});

describe('valid fixtures', () => {
  test.each([...valid.map((v) => join(validDir, v)), DEFAULT_ORG])('%s has no errors', (file) => {
    const result = validateFile(file, 'org.yaml');
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.model).toBeDefined();
  });

  test('the default org.yaml has no warnings either', () => {
    expect(validateFile(DEFAULT_ORG, 'org.yaml').diagnostics).toEqual([]);
  });
});

describe('rule registry', () => {
  test('codes and names are unique, names are kebab-case assertions', () => {
    expect(new Set(RULES.map((r) => r.code)).size).toBe(RULES.length);
    expect(new Set(RULES.map((r) => r.name)).size).toBe(RULES.length);
    for (const rule of RULES) {
      expect(rule.code).toMatch(/^LZ\d{4}$/);
      expect(rule.name).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)+$/);
    }
  });

  test.each(RULES.map((r) => [r.code, r.name]))('%s %s has a failing fixture', (code) => {
    const covering = invalid.filter((f) => expectations(readFileSync(join(invalidDir, f), 'utf8')).some((e) => e.code === code));
    expect(covering).not.toEqual([]);
  });
});
