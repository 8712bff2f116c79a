import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { ADDED_ACCOUNT, generateOrg, withOneMoreAccount } from '../../bench/generate';
import { offlineStack, standIn } from '../../bench/offline-plan';
import { providerCount, readStackFiles, shapeOf, touchedStacks } from '../../bench/shape';
import { synthesize } from '../../src/cli/synth';
import { validateFile } from '../../src/pipeline';
import { modelOf, PROJECT_DIR, tempDir } from '../helpers';

async function synthProject(dir: string, yaml: string) {
  writeFileSync(join(dir, 'org.yaml'), yaml);
  cpSync(join(PROJECT_DIR, 'policies'), join(dir, 'policies'), { recursive: true });
  const model = modelOf(validateFile(join(dir, 'org.yaml'), 'org.yaml'));
  await synthesize(model, join(dir, 'out'), dir, { workers: 1 });
  return { model, files: readStackFiles(join(dir, 'out')) };
}

describe("the benchmark's one-account add", () => {
  test('touches exactly the new account\'s own stacks, found by comparing every stack of the two outputs', async () => {
    // Given a generated organization synthesized once, and the same with one more account and the record carried over
    const org = generateOrg(12);
    const first = tempDir('lz-bench-touched-');
    const before = await synthProject(first, org.yaml);
    const second = tempDir('lz-bench-touched-');
    mkdirSync(second, { recursive: true });
    writeFileSync(join(second, 'lz.lock.json'), readFileSync(join(first, 'lz.lock.json'), 'utf8'));
    const after = await synthProject(second, withOneMoreAccount(org));
    rmSync(first, { recursive: true, force: true });
    rmSync(second, { recursive: true, force: true });
    // When
    const touched = touchedStacks(before.files, after.files);
    // Then: the added stacks are those named by the stack id the record pinned for the new account
    const id = after.model.stackIds[ADDED_ACCOUNT]!;
    expect(id).toBeDefined();
    expect(touched.added.map((s) => s.name)).toEqual([`access-${id}`, `account-${id}`, `baseline-${id}`, `network-${id}`]);
    expect(touched.dropped).toEqual([]);
    // and the changed stacks are those whose Terraform differs, computed independently on parsed JSON
    const differing = Object.keys(before.files).filter((n) => after.files[n] !== undefined && !isDeepStrictEqual(JSON.parse(before.files[n]!), JSON.parse(after.files[n]!)));
    expect(touched.changed.map((s) => s.name)).toEqual(differing.sort());
    expect(touched.changed.map((s) => s.name)).toEqual([]);
    // and the resources are the resource blocks of those stacks
    const addresses = (name: string) => Object.entries(JSON.parse(after.files[name]!).resource ?? {}).flatMap(([type, byName]) => Object.keys(byName as object).map((n) => `${type}.${n}`));
    const counted = touched.added.map((s) => addresses(s.name).length);
    expect(touched.added.map((s) => s.resources)).toEqual(counted);
    expect(touched.resources).toBe(counted.reduce((a, b) => a + b, 0));
    expect(addresses(`account-${id}`)).toEqual(['aws_organizations_account.account']);
  }, 120_000);

  test('changed, added and dropped stacks of two outputs, with the resources after the change', () => {
    const stack = (resources: Record<string, string[]>) => JSON.stringify({ resource: Object.fromEntries(Object.entries(resources).map(([t, names]) => [t, Object.fromEntries(names.map((n) => [n, {}]))])) });
    const before = { a: stack({ x: ['1'] }), b: stack({ x: ['1'] }), gone: stack({}) };
    const after = { a: stack({ x: ['1'] }), b: stack({ x: ['1', '2'], y: ['1'] }), c: stack({ z: ['1'] }) };
    expect(touchedStacks(before, after)).toEqual({ changed: [{ name: 'b', resources: 3 }], added: [{ name: 'c', resources: 1 }], dropped: ['gone'], resources: 4 });
  });

  test('the shape: largest and median stack, and the busiest stack by provider configurations', () => {
    const files = {
      one: JSON.stringify({ provider: { aws: [{}, { alias: 'network' }] }, resource: { t: { a: {}, b: {}, c: {} } } }),
      two: JSON.stringify({ provider: { aws: [{}], tfe: [{}, {}] }, resource: { t: { a: {} } } }),
      three: JSON.stringify({ provider: { aws: [{}] } }),
    };
    expect(providerCount(JSON.parse(files.two))).toBe(3);
    expect(shapeOf(files)).toMatchObject({ stacks: 3, resources: 4, largestStack: { name: 'one', resources: 3 }, medianStackResources: 1, busiestStack: { name: 'two', providers: 3 } });
  });
});

describe('the offline copy of a stack', () => {
  test('replaces remote state reads and zone lookups with literals, and drops the backend, role and account guard', () => {
    const stack = {
      data: {
        terraform_remote_state: { 'cross-stack-reference-input-organization': { backend: 'local', config: { path: 'x' } } },
        aws_availability_zones: { availability_zones: { state: 'available' } },
      },
      provider: { aws: [{ region: 'eu-central-1', allowed_account_ids: ['1'], assume_role: [{ role_arn: 'arn' }] }] },
      resource: {
        aws_organizations_account: {
          account: { parent_id: '${data.terraform_remote_state.cross-stack-reference-input-organization.outputs.cross-stack-output-aws_organizations_organizational_unitou_Sandboxid}' },
        },
        aws_subnet: { a: { availability_zone_id: '${element(sort(data.aws_availability_zones.availability_zones.zone_ids), 0)}' } },
        aws_ssoadmin_account_assignment: { x: { instance_arn: '${one(data.terraform_remote_state.cross-stack-reference-input-identity-center.outputs.cross-stack-output-dataaws_ssoadmin_instancesssoadmin_instancesarns)}' } },
      },
      terraform: { backend: { local: { path: 'y' } }, required_providers: { aws: { source: 'aws', version: '6.25.0' } } },
    };
    const copy = offlineStack(stack, '5.100.0');
    const ou = standIn('cross-stack-reference-input-organization', 'cross-stack-output-aws_organizations_organizational_unitou_Sandboxid');
    expect(ou).toMatch(/^ou-[0-9a-f]{4}-[0-9a-f]{8}$/);
    expect(copy.blockers).toEqual([]);
    expect(copy.json.data).toBeUndefined();
    expect(copy.json.resource.aws_organizations_account.account.parent_id).toBe(ou);
    expect(copy.json.resource.aws_subnet.a.availability_zone_id).toBe('${element(sort(["euc1-az1", "euc1-az2", "euc1-az3", "euc1-az4", "euc1-az5", "euc1-az6"]), 0)}');
    expect(copy.json.resource.aws_ssoadmin_account_assignment.x.instance_arn).toMatch(/^\$\{one\(\["arn:aws:sso:::instance\/ssoins-[0-9a-f]{16}"\]\)\}$/);
    expect(copy.json.provider.aws[0]).toEqual({
      region: 'eu-central-1',
      access_key: 'AKIASTANDINSTANDIN00',
      secret_key: 'stand-in',
      skip_credentials_validation: true,
      skip_requesting_account_id: true,
      skip_metadata_api_check: true,
      skip_region_validation: true,
    });
    expect(copy.json.terraform).toEqual({ required_providers: { aws: { source: 'aws', version: '5.100.0' } } });
    expect(copy.replaced).toEqual([
      'aws_availability_zones: zone_ids',
      'terraform_remote_state cross-stack-reference-input-identity-center: cross-stack-output-dataaws_ssoadmin_instancesssoadmin_instancesarns',
      'terraform_remote_state cross-stack-reference-input-organization: cross-stack-output-aws_organizations_organizational_unitou_Sandboxid',
    ]);
  });

  test('a stack with another data source is not planned', () => {
    expect(offlineStack({ data: { aws_identitystore_group: {} } }, '5.100.0').blockers).toEqual(['data.aws_identitystore_group']);
  });
});
