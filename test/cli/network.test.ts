import { copyFileSync, cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { DEFAULT_ORG, FIXTURES, PROJECT_DIR, tempDir, validateYaml, modelOf } from '../helpers';

async function run(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd, env: {} });
  return { code, stdout, stderr };
}

function project(): string {
  const dir = tempDir('lz-network-cli-');
  copyFileSync(DEFAULT_ORG, join(dir, 'org.yaml'));
  cpSync(join(PROJECT_DIR, 'policies'), join(dir, 'policies'), { recursive: true });
  return dir;
}

describe('lz network matrix', () => {
  test('prints the segment matrix and every VPC', async () => {
    const r = await run(['network', 'matrix'], project());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('sandbox    yes      -        -        -        yes\n');
    expect(r.stdout).toContain('payments-prod/main      prod     10.0.16.0/20   template:prod-workload\n');
  });

  test('exits 1 with the diagnostics when org.yaml is invalid', async () => {
    const dir = project();
    copyFileSync(join(FIXTURES, 'invalid', 'LZ0509-public-asn.yaml'), join(dir, 'broken.yaml'));
    const r = await run(['network', 'matrix', 'broken.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('LZ0509');
  });
});

describe('lz network pin', () => {
  test('writes every CIDR into org.yaml, keeps the comments, and the result allocates the same CIDRs', async () => {
    const dir = project();
    const before = modelOf(validateYaml(readFileSync(join(dir, 'org.yaml'), 'utf8'), dir)).network!;
    const r = await run(['network', 'pin'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Pinned 7 VPC CIDRs in org.yaml:\n  analytics-nonprod/main 10.16.0.0/21\n');
    const text = readFileSync(join(dir, 'org.yaml'), 'utf8');
    expect(text).toContain('# Hub and spoke: one Transit Gateway in the network account');
    expect(text).toContain('# yaml-language-server: $schema=./org.schema.json');
    const after = modelOf(validateYaml(text, dir)).network!;
    expect(after.vpcs.map((v) => [v.id, v.cidr])).toEqual(before.vpcs.map((v) => [v.id, v.cidr]));
    expect(after.vpcs.find((v) => v.id === 'payments-prod/main')!.source).toBe('template:prod-workload+account');
  });

  test('is idempotent', async () => {
    const dir = project();
    await run(['network', 'pin'], dir);
    const once = readFileSync(join(dir, 'org.yaml'), 'utf8');
    const r = await run(['network', 'pin'], dir);
    expect(r.stdout).toBe('Every VPC CIDR is already explicit.\n');
    expect(readFileSync(join(dir, 'org.yaml'), 'utf8')).toBe(once);
  });
});
