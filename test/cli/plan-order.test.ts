import { copyFileSync, cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { DEFAULT_ORG, FIXTURES, PROJECT_DIR, tempDir } from '../helpers';

async function run(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd, env: {} });
  return { code, stdout, stderr };
}

function project(deployment?: string): string {
  const dir = tempDir('lz-plan-order-');
  const org = readFileSync(DEFAULT_ORG, 'utf8').replace(/\ndeployment:[\s\S]*$/, '\n');
  writeFileSync(join(dir, 'org.yaml'), deployment === undefined ? org : `${org}\ndeployment:\n${deployment}`);
  cpSync(join(PROJECT_DIR, 'policies'), join(dir, 'policies'), { recursive: true });
  return dir;
}

/** The account stacks of the default org.yaml's member accounts, which apply after the organization. */
const ACCOUNT_STACKS = [
  'account-analytics-nonprod', 'account-analytics-prod', 'account-log-archive', 'account-network', 'account-payments-nonprod',
  'account-payments-prod', 'account-sandbox-alice', 'account-security-tooling', 'account-shared-services',
];

describe('lz plan-order', () => {
  test('given the default org.yaml, prints one wave per line', async () => {
    const r = await run(['plan-order'], project());
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`wave 1: organization\nwave 2: ${ACCOUNT_STACKS.join(' ')}\n`);
  });

  test('given the cloud backend, the bootstrap stacks come first; --format json for pipelines', async () => {
    const dir = project('  backend: cloud\n  cloud:\n    organization: acme\n');
    const r = await run(['plan-order', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    // `workspaces` first; each account's bootstrap (its workspaces and run roles) beside the organization, before the account's stacks.
    const bootstraps = ACCOUNT_STACKS.map((s) => s.replace(/^account-/, 'bootstrap-'));
    expect(JSON.parse(r.stdout)).toEqual({ waves: [['workspaces'], [...bootstraps, 'organization'], ACCOUNT_STACKS] });
    expect(r.stderr).toBe('');
    // The real output directory is not touched.
    expect(existsSync(join(dir, 'cdktf.out'))).toBe(false);
  });

  test('exits 1 with the diagnostics of a broken org.yaml, 2 for an unknown format', async () => {
    const dir = project();
    copyFileSync(join(FIXTURES, 'invalid', 'LZ0601-cloud-without-organization.yaml'), join(dir, 'org.yaml'));
    const broken = await run(['plan-order'], dir);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('error  LZ0601  deployment.cloud');
    const usage = await run(['plan-order', '--format', 'yaml'], project());
    expect(usage.code).toBe(2);
    expect(usage.stderr).toBe('lz: --format must be text or json, not "yaml"\n');
  });
});
