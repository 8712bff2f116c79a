import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { FIXTURES, tempDir } from '../helpers';

async function run(args: string[], cwd: string) {
  let stdout = '';
  const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => undefined }, cwd, env: {} });
  return { code, stdout };
}

function project(fixture: string): string {
  const dir = tempDir('lz-shared-ipam-cli-');
  copyFileSync(join(FIXTURES, 'valid', fixture), join(dir, 'org.yaml'));
  return dir;
}

describe('lz network matrix: the participants\' view', () => {
  test('without a Transit Gateway: no segment matrix, the VPCs unattached, each shared tier with its participants', async () => {
    const r = await run(['network', 'matrix'], project('network-shared-vpc.yaml'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^No Transit Gateway \(network\.transitGateway\.enabled: false\): no VPC routes to another\.\n/);
    expect(r.stdout).toContain('network/prod     -        10.20.0.0/19');
    expect(r.stdout).toMatch(/\nnetwork\/prod\/app\s+10\.20\.\S+ 10\.20\.\S+ 10\.20\.\S+\s+app-prod, data-prod, shared-services\s+its own VPC only\n/);
    expect(r.stdout).toMatch(/\nnetwork\/sandbox\/app\s+172\.16\.0\.0\/24 172\.16\.1\.0\/24\s+app-prod, data-prod, lab, management, shared-services\s+its own VPC only\n/);
  });

  test('with IPAM, a VPC allocated by netmask shows its CIDR as a prediction', async () => {
    const r = await run(['network', 'matrix'], project('network-ipam.yaml'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\napp-prod\/main\s+prod\s+10\.0\.0\.0\/20 \(IPAM, predicted\)\s+template:prod\n/);
    expect(r.stdout).toMatch(/\nshared-services\/main\s+shared\s+10\.15\.0\.0\/20\s+account\n/);
    expect(r.stdout).not.toContain('shared subnets');
  });
});

describe('lz network pin with IPAM', () => {
  test('leaves the VPCs IPAM allocates alone: an explicit CIDR would replace them', async () => {
    const dir = project('network-ipam.yaml');
    const before = readFileSync(join(dir, 'org.yaml'), 'utf8');
    const r = await run(['network', 'pin'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("Every VPC CIDR is already explicit.\n2 VPC CIDRs are IPAM's to decide at apply time and stay unpinned.\n");
    expect(readFileSync(join(dir, 'org.yaml'), 'utf8')).toBe(before);
  });
});
