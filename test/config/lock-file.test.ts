import { copyFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { LOCK_FILE_NAME, readLockFile, renderLockFile } from '../../src/config/lock-file';
import { validateFile } from '../../src/pipeline';
import { DEFAULT_ORG, PROJECT_DIR, tempDir } from '../helpers';

function project(): string {
  const dir = tempDir('lz-lock-');
  copyFileSync(DEFAULT_ORG, join(dir, 'org.yaml'));
  cpSync(join(PROJECT_DIR, 'policies'), join(dir, 'policies'), { recursive: true });
  return dir;
}

const quiet = { stdout: { write: () => true }, stderr: { write: () => true }, env: {} };

describe('lz.lock.json', () => {
  test('a missing record is an empty one, and synth writes it', async () => {
    const dir = project();
    expect(readLockFile(dir)).toEqual({ lock: { version: 1 }, findings: [] });
    expect(await main(['synth', '--out', 'out'], { ...quiet, cwd: dir })).toBe(0);
    const text = readFileSync(join(dir, LOCK_FILE_NAME), 'utf8');
    // The default org.yaml has a network and managed accounts: allocations, the tiers with route tables per zone, the managed record and the protected resources.
    expect(Object.keys(JSON.parse(text))).toEqual(['baselineRegionGroups', 'cidrAllocations', 'managed', 'protected', 'routeTablesPerZone', 'subnetAllocations', 'version']);
    expect(text).toBe(renderLockFile(JSON.parse(text)));
  });

  test('sections written by other versions of lz are carried over', async () => {
    const dir = project();
    writeFileSync(join(dir, LOCK_FILE_NAME), '{"version":1,"zeta":{"b":1,"a":2}}');
    expect(await main(['synth', '--out', 'out'], { ...quiet, cwd: dir })).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8'))).toMatchObject({ version: 1, zeta: { a: 2, b: 1 }, managed: expect.any(Object) });
  });

  test('a broken record is an error, and synth leaves it alone', async () => {
    const dir = project();
    writeFileSync(join(dir, LOCK_FILE_NAME), '{"version": 1,');
    const v = validateFile(join(dir, 'org.yaml'), 'org.yaml');
    expect(v.diagnostics.map((d) => d.code)).toEqual(['LZ0020']);
    expect(await main(['synth', '--out', 'out'], { ...quiet, cwd: dir })).toBe(1);
    expect(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8')).toBe('{"version": 1,');
  });

  test('rendering sorts keys at every level', () => {
    expect(renderLockFile({ version: 1, b: { y: 1, x: [{ d: 1, c: 2 }] }, a: 1 })).toBe(
      '{\n  "a": 1,\n  "b": {\n    "x": [\n      {\n        "c": 2,\n        "d": 1\n      }\n    ],\n    "y": 1\n  },\n  "version": 1\n}\n',
    );
  });
});
