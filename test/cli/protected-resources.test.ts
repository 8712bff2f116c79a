import { copyFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { checkProtectedResources, protectedAddresses } from '../../src/cli/protected-resources';
import { DEFAULT_ORG, PROJECT_DIR, readTree, tempDir } from '../helpers';

async function run(args: string[], cwd: string) {
  let stdout = '';
  const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => true }, cwd, env: {} });
  return { code, stdout };
}

function project(): string {
  const dir = tempDir('lz-protected-');
  copyFileSync(DEFAULT_ORG, join(dir, 'org.yaml'));
  cpSync(join(PROJECT_DIR, 'policies'), join(dir, 'policies'), { recursive: true });
  return dir;
}

const withoutDetective = (text: string) => text.replace(/\n    detective:\n(?:      .*\n)*/, '\n').replace(/\n    detective: \{[^}]*\}\n/, '\n');
const lock = (dir: string) => JSON.parse(readFileSync(join(dir, 'lz.lock.json'), 'utf8')) as { protected: string[] };

describe('resources created with prevent_destroy stay protected across edits of org.yaml', () => {
  test('synth records every protected resource of the output', async () => {
    const dir = project();
    expect((await run(['synth', '--out', 'out'], dir)).code).toBe(0);
    expect(lock(dir).protected).toEqual(expect.arrayContaining([
      'organization:aws_organizations_organization.organization',
      'account-payments-prod:aws_organizations_account.account',
      'security-tooling:aws_detective_graph.detective',
    ]));
  });

  test('dropping a protected resource from a stack that is still synthesized fails, and nothing is written', async () => {
    const dir = project();
    await run(['synth', '--out', 'out'], dir);
    const before = readTree(join(dir, 'out'));
    const recorded = readFileSync(join(dir, 'lz.lock.json'), 'utf8');
    writeFileSync(join(dir, 'org.yaml'), withoutDetective(readFileSync(join(dir, 'org.yaml'), 'utf8')));

    const r = await run(['synth', '--out', 'out'], dir);

    expect(r.code).toBe(1);
    expect(r.stdout).toContain('org.yaml:1:1  error  LZ0810  (document)\n  The stack `security-tooling` no longer declares aws_detective_graph.detective, which lz created with prevent_destroy; applying it would destroy the resource.\n  Restore the org.yaml setting that declared it, or run lz synth --release security-tooling:aws_detective_graph.detective to stop managing it and leave it in AWS.');
    expect(readTree(join(dir, 'out'))).toEqual(before);
    expect(readFileSync(join(dir, 'lz.lock.json'), 'utf8')).toBe(recorded);
  });

  test('--release leaves the resource in AWS through a removed block, and the record forgets it', async () => {
    const dir = project();
    await run(['synth', '--out', 'out'], dir);
    writeFileSync(join(dir, 'org.yaml'), withoutDetective(readFileSync(join(dir, 'org.yaml'), 'utf8')));

    const r = await run(['synth', '--out', 'out', '--release', 'security-tooling:aws_detective_graph.detective'], dir);

    expect(r.code).toBe(0);
    const stack = JSON.parse(readFileSync(join(dir, 'out', 'stacks', 'security-tooling', 'cdk.tf.json'), 'utf8'));
    // Beside the security account's local standards subscriptions, which central configuration releases.
    expect(stack.removed.filter((r: { from: string }) => !r.from.startsWith('aws_securityhub_standards_subscription.'))).toEqual([{ from: 'aws_detective_graph.detective', lifecycle: { destroy: false } }]);
    expect(lock(dir).protected).not.toContain('security-tooling:aws_detective_graph.detective');
    expect((await run(['synth', '--out', 'out'], dir)).code).toBe(0);
  });

  test('the Transit Gateway, its route tables and its RAM share are protected like the organization', async () => {
    // Given a network with one segment more than the default
    const dir = project();
    const withLab = (text: string) => text.replace('  segments:\n', '  segments:\n    lab: {}\n');
    writeFileSync(join(dir, 'org.yaml'), withLab(readFileSync(DEFAULT_ORG, 'utf8')));
    expect((await run(['synth', '--out', 'out'], dir)).code).toBe(0);
    const hub = lock(dir).protected.filter((p) => /transit_gateway|ram_resource_share/.test(p));
    expect(hub).toEqual([
      'network-hub:aws_ec2_transit_gateway.transit_gateway',
      'network-hub:aws_ec2_transit_gateway_route_table.tgw_route_table_egress',
      'network-hub:aws_ec2_transit_gateway_route_table.tgw_route_table_lab',
      'network-hub:aws_ec2_transit_gateway_route_table.tgw_route_table_nonprod',
      'network-hub:aws_ec2_transit_gateway_route_table.tgw_route_table_prod',
      'network-hub:aws_ec2_transit_gateway_route_table.tgw_route_table_sandbox',
      'network-hub:aws_ec2_transit_gateway_route_table.tgw_route_table_shared',
      'network-hub:aws_ram_resource_share.tgw_share',
    ]);

    // When the segment is dropped, then its route table is not destroyed without a --release
    writeFileSync(join(dir, 'org.yaml'), readFileSync(DEFAULT_ORG, 'utf8'));
    const r = await run(['synth', '--out', 'out'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('The stack `network-hub` no longer declares aws_ec2_transit_gateway_route_table.tgw_route_table_lab, which lz created with prevent_destroy');
  });

  test('a --release that names nothing recorded is an error, not ignored', async () => {
    const dir = project();
    await run(['synth', '--out', 'out'], dir);
    const r = await run(['synth', '--out', 'out', '--release', 'security-tooling:aws_detective_graph.detectiv'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('`--release security-tooling:aws_detective_graph.detectiv` names no protected resource recorded in lz.lock.json.');
  });
});

test('cdktf\'s HCL output is refused before anything is read or written: the protection check reads the stacks as JSON', async () => {
  const dir = project();
  await run(['synth', '--out', 'out'], dir);
  const before = readTree(dir);
  let stderr = '';
  const code = await main(['synth', '--out', 'out'], { stdout: { write: () => true }, stderr: { write: (s: string) => ((stderr += s), true) }, cwd: dir, env: { SYNTH_HCL_OUTPUT: '1' } });
  expect(code).toBe(2);
  expect(stderr).toBe('lz: SYNTH_HCL_OUTPUT is set to "1": lz writes every stack as Terraform JSON (cdk.tf.json), which its protection check, audit and tests read. Unset SYNTH_HCL_OUTPUT and run again.\n');
  expect(readTree(dir)).toEqual(before);
});

describe('checkProtectedResources', () => {
  const stack = (resources: Record<string, Record<string, unknown>>, extra: Record<string, unknown> = {}) => ({ resource: resources, ...extra });
  const kept = { aws_kms_key: { log_key: { lifecycle: { prevent_destroy: true } } } };

  test('a resource moved or removed in its stack, or a stack no longer synthesized, needs no confirmation', () => {
    const previous = ['a:aws_kms_key.log_key', 'b:aws_kms_key.old', 'c:aws_kms_key.gone', 'gone:aws_kms_key.x'];
    const stacks = new Map<string, Record<string, unknown>>([
      ['a', stack(kept)],
      ['b', stack({}, { moved: [{ from: 'aws_kms_key.old', to: 'aws_kms_key.new' }] })],
      ['c', stack({}, { removed: [{ from: 'aws_kms_key.gone', lifecycle: { destroy: false } }] })],
    ]);
    const read: string[] = [];
    const stackOf = (name: string) => (read.push(name), stacks.get(name));
    expect(checkProtectedResources(previous, new Set(protectedAddresses(stacks)), stackOf, []).findings).toEqual([]);
    // Only the stacks of recorded addresses that the new output lacks are read.
    expect(read.sort()).toEqual(['b', 'c', 'gone']);
    expect(protectedAddresses(stacks)).toEqual(['a:aws_kms_key.log_key']);
  });
});
