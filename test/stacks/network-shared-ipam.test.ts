import { Address4 } from 'ip-address';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSharedSubnets } from '../../src/cli/network';
import { sharedSubnetAccess } from '../../src/model/network/shared-subnets-view';
import { validateFile } from '../../src/pipeline';
import { defaultModel, FIXTURES, modelOf, resources, synth, tempDir, validateYaml, type TerraformJson } from '../helpers';
import { testWithTerraform } from '../terraform';
import { planOverState, priorState } from '../terraform-prior-state';

const fixture = (name: string) => modelOf(validateFile(join(FIXTURES, 'valid', name), name));
/** A fixture with one more account under an OU, written after the accounts section's first entry. */
const withAccount = (name: string, key: string, ou: string) =>
  modelOf(validateYaml(readFileSync(join(FIXTURES, 'valid', name), 'utf8').replace('accounts:\n', `accounts:\n  ${key}:\n    name: ${key}\n    email: aws+${key}@example.com\n    ou: ${ou}\n`)));
const body = (r: TerraformJson) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== '//'));

describe('shared VPC subnets, no Transit Gateway (network-shared-vpc.yaml)', () => {
  const model = fixture('network-shared-vpc.yaml');
  const network = model.network!;
  const out = synth(model);
  const owner = out.stacks['network-network']!;

  test('there is no hub: no network-hub stack and no Transit Gateway resource anywhere', () => {
    expect(network.transitGateway.enabled).toBe(false);
    expect(Object.keys(out.stacks)).not.toContain('network-hub');
    for (const stack of Object.values(out.stacks))
      for (const type of Object.keys(stack.resource ?? {})) expect(type).not.toMatch(/transit_gateway/);
    expect(owner.provider.aws).toHaveLength(1);
    expect(resources(owner, 'aws_vpc').vpc_prod!.tags).toEqual({ Name: 'network-prod' });
  });

  test('one share per VPC in the owner\'s stack, never with external principals', () => {
    const shares = resources(owner, 'aws_ram_resource_share');
    expect(Object.keys(shares).sort()).toEqual(['subnet_share_prod', 'subnet_share_sandbox']);
    for (const share of Object.values(shares)) expect(share.allow_external_principals).toBe(false);
  });

  test('exactly the subnets of the shared tiers, every zone, are shared', () => {
    const associations = resources(owner, 'aws_ram_resource_association');
    const shared = Object.entries(associations).map(([id, a]) => `${id} ${a.resource_arn} ${a.resource_share_arn}`).sort();
    const expected = [
      ...['app', 'data'].flatMap((tier) => [0, 1, 2].map((az) => `subnet_share_prod__${tier}__az${az} \${aws_subnet.subnet_prod__${tier}__az${az}.arn} \${aws_ram_resource_share.subnet_share_prod.arn}`)),
      ...[0, 1].map((az) => `subnet_share_sandbox__app__az${az} \${aws_subnet.subnet_sandbox__app__az${az}.arn} \${aws_ram_resource_share.subnet_share_sandbox.arn}`),
    ].sort();
    expect(shared).toEqual(expected);
    expect(Object.keys(resources(owner, 'aws_subnet'))).toContain('subnet_prod__public__az0');
    expect(Object.keys(associations).some((id) => id.includes('public'))).toBe(false);
  });

  test('principals: the OU and the named account for prod (by stack id), the organization for sandbox', () => {
    const principals = resources(owner, 'aws_ram_principal_association');
    expect(Object.keys(principals).sort()).toEqual(['subnet_share_prod__account_shared-services', 'subnet_share_prod__ou_Workloads_Prod', 'subnet_share_sandbox__organization']);
    expect(principals['subnet_share_prod__ou_Workloads_Prod']!.principal).toMatch(/^arn:aws:organizations::111122223333:ou\/\$\{.+organizationid\}\/\$\{.+ou_Workloads_Prodid\}$/);
    expect(principals['subnet_share_sandbox__organization']!.principal).toMatch(/^arn:aws:organizations::111122223333:organization\/\$\{.+organizationid\}$/);
    expect(principals['subnet_share_prod__account_shared-services']!.principal).toContain('cross-stack-reference-input-account-shared-services');
  });

  test('an account joining a participant OU changes no existing stack: RAM resolves the OU', () => {
    const after = synth(withAccount('network-shared-vpc.yaml', 'billing-prod', 'Workloads/Prod'));
    const added = Object.keys(after.stacks).filter((name) => !(name in out.stacks));
    expect(added).toEqual(['account-billing-prod']);
    for (const [name, stack] of Object.entries(out.stacks)) expect([name, after.stacks[name]]).toEqual([name, stack]);
    expect(after.stacks['network-network']).toEqual(owner);
  });

  test('the participants\' view: who may launch into which subnets, and that they reach what the VPC reaches', () => {
    const view = sharedSubnetAccess(network);
    expect(view.map((a) => `${a.vpc}/${a.tier}: ${a.participants.join(' ')} -> ${a.reaches.join(' ') || '-'}`)).toEqual([
      'network/prod/app: app-prod data-prod shared-services -> -',
      'network/prod/data: app-prod data-prod shared-services -> -',
      'network/sandbox/app: app-prod data-prod lab management shared-services -> -',
    ]);
    expect(view[0]!.subnets).toEqual(network.vpcs.find((v) => v.id === 'network/prod')!.tiers.find((t) => t.key === 'app')!.subnets.map((s) => s.cidr));
    expect(renderSharedSubnets(network).split('\n')[0]).toMatch(/^shared subnets\s+cidrs\s+participants\s+reaches$/);
    expect(renderSharedSubnets(network)).toContain('its own VPC only');
  });

  test('a participant of a shared VPC attached to the Transit Gateway reaches the VPCs that VPC reaches', () => {
    const egress = fixture('network-egress.yaml').network!;
    const vpc = egress.vpcs.find((v) => v.id === 'shared-services/main')!;
    const shared = { ...egress, vpcs: egress.vpcs.map((v) => (v === vpc ? { ...v, sharedSubnets: { tiers: ['app'], organization: false, ous: [], accounts: ['app-prod'], participants: ['app-prod'] } } : v)) };
    const [access] = sharedSubnetAccess(shared);
    expect(access!.participants).toEqual(['app-prod']);
    expect(access!.reaches).toEqual(['app-prod/main', 'big-prod/main']);
  });
});

describe('VPC IPAM (network-ipam.yaml)', () => {
  const model = fixture('network-ipam.yaml');
  const network = model.network!;
  const out = synth(model);
  const ipam = out.stacks['ipam']!;

  test('the IPAM in the network account operates in the network region, with a top-level pool of ipam.cidrs', () => {
    expect(ipam.provider.aws[0].allowed_account_ids[0]).toContain('cross-stack-reference-input-account-network');
    const manager = resources(ipam, 'aws_vpc_ipam').ipam!;
    expect(manager.operating_regions).toEqual([{ region_name: 'us-east-1' }]);
    expect(manager.lifecycle).toEqual({ prevent_destroy: true });
    const top = resources(ipam, 'aws_vpc_ipam_pool').ipam_pool__top_level!;
    expect(top.locale).toBeUndefined();
    expect(resources(ipam, 'aws_vpc_ipam_pool_cidr')['ipam_pool__top_level__cidr_10-0-0-0_8']!.cidr).toBe('10.0.0.0/8');
  });

  test('one regional pool per network.pools key, nested where org.yaml nests it, with its netmask range', () => {
    const pools = resources(ipam, 'aws_vpc_ipam_pool');
    expect(Object.keys(pools).sort()).toEqual(['ipam_pool__top_level', 'ipam_pool_dev', 'ipam_pool_prod', 'ipam_pool_shared']);
    expect(body(pools.ipam_pool_dev!)).toMatchObject({ locale: 'us-east-1', allocation_min_netmask_length: 20, allocation_max_netmask_length: 24, source_ipam_pool_id: '${aws_vpc_ipam_pool.ipam_pool__top_level.id}' });
    expect(body(pools.ipam_pool_prod!)).toMatchObject({ allocation_min_netmask_length: 16, allocation_max_netmask_length: 24 });
    expect(pools.ipam_pool_shared!.source_ipam_pool_id).toBe('${aws_vpc_ipam_pool.ipam_pool_prod.id}');
    const cidrs = resources(ipam, 'aws_vpc_ipam_pool_cidr');
    expect(cidrs.ipam_pool_shared__cidr!.cidr).toBe('10.15.0.0/16');
    expect(cidrs.ipam_pool_shared__cidr!.depends_on).toEqual(['aws_vpc_ipam_pool_cidr.ipam_pool_prod__cidr']);
  });

  test('a reserved range inside a pool is allocated there, so IPAM never hands it out', () => {
    expect(Object.values(resources(ipam, 'aws_vpc_ipam_pool_cidr_allocation')).map((a) => [a.ipam_pool_id, a.cidr])).toEqual([['${aws_vpc_ipam_pool.ipam_pool_prod.id}', '10.1.0.0/24']]);
  });

  test('the regional pools are shared with the organization only', () => {
    expect(resources(ipam, 'aws_ram_resource_share').ipam_share!.allow_external_principals).toBe(false);
    expect(Object.keys(resources(ipam, 'aws_ram_resource_association')).sort()).toEqual(['ipam_share__pool_dev', 'ipam_share__pool_prod', 'ipam_share__pool_shared']);
    expect(Object.values(resources(ipam, 'aws_ram_principal_association')).map((p) => p.principal)).toEqual([expect.stringMatching(/^arn:aws:organizations::111122223333:organization\//)]);
  });

  test('IPAM administration is delegated to the network account, and the IPAM is created after it', () => {
    const delegation = resources(out.stacks['delegated-administrators']!, 'aws_vpc_ipam_organization_admin_account');
    expect(delegation.ipam_delegated_administrator!.delegated_admin_account_id).toContain('cross-stack-reference-input-account-network');
    expect(out.manifest.stacks['ipam'].dependencies).toEqual(expect.arrayContaining(['organization', 'delegated-administrators']));
  });

  test('a VPC from a pool asks IPAM for its netmask; its subnets keep their place in whatever CIDR IPAM gives', () => {
    const spoke = out.stacks['network-app-prod']!;
    const vpc = resources(spoke, 'aws_vpc').vpc_main!;
    expect(vpc.cidr_block).toBeUndefined();
    expect(vpc.ipv4_netmask_length).toBe(20);
    expect(vpc.ipv4_ipam_pool_id).toContain('cross-stack-output-aws_vpc_ipam_poolipam_pool_prodid');
    expect(out.manifest.stacks['network-app-prod'].dependencies).toContain('ipam');
    const predicted = network.vpcs.find((v) => v.id === 'app-prod/main')!;
    expect(predicted.ipam).toEqual({ pool: 'prod', netmask: true });
    // cidrsubnet of the predicted CIDR gives back each predicted subnet: the layout is the model's.
    for (const tier of predicted.tiers)
      for (const s of tier.subnets) {
        const cidr = resources(spoke, 'aws_subnet')[`subnet_main__${tier.key}__az${s.azIndex}`]!.cidr_block as string;
        const m = /^\$\{cidrsubnet\(aws_vpc\.vpc_main\.cidr_block, (\d+), (\d+)\)\}$/.exec(cidr)!;
        expect(m).not.toBeNull();
        expect(cidrsubnet(predicted.cidr, Number(m[1]), Number(m[2]))).toBe(s.cidr);
      }
  });

  test('an explicit CIDR is allocated from its pool as given; subnets stay literal', () => {
    const spoke = out.stacks['network-shared-services']!;
    const vpc = resources(spoke, 'aws_vpc').vpc_main!;
    expect(vpc.cidr_block).toBe('10.15.0.0/20');
    expect(vpc.ipv4_ipam_pool_id).toContain('ipam_pool_sharedid');
    expect(vpc.ipv4_netmask_length).toBeUndefined();
    expect(resources(spoke, 'aws_subnet').subnet_main__app__az0!.cidr_block).toMatch(/^10\.15\.\d+\.0\/24$/);
  });

  test('the lock file still records the predicted CIDRs, so the prediction and the subnet layout stay put', () => {
    expect(model.lock.cidrAllocations).toMatchObject({ 'app-prod/main': network.vpcs.find((v) => v.id === 'app-prod/main')!.cidr });
    expect(network.vpcs.find((v) => v.id === 'app-prod/main')!.cidr).toBe('10.0.0.0/20');
  });

  test('a new account with a template VPC leaves the ipam stack as it was: its allocation is its VPC', () => {
    const after = synth(withAccount('network-ipam.yaml', 'billing-prod', 'Workloads/Prod'));
    expect(after.stacks['ipam']).toEqual(ipam);
    expect(Object.keys(after.stacks).filter((name) => !(name in out.stacks)).sort()).toEqual(['account-billing-prod', 'network-billing-prod']);
    expect(resources(after.stacks['network-billing-prod']!, 'aws_vpc').vpc_main!.ipv4_netmask_length).toBe(20);
  });

  test('turning IPAM on moves no existing VPC: one the record holds keeps its cidr_block, and its CIDR is held in its pool', () => {
    const dir = tempDir('lz-ipam-record-');
    // The record of a synth before the IPAM: app-prod/main exists, allocated offline.
    writeFileSync(join(dir, 'lz.lock.json'), JSON.stringify({ version: 1, cidrAllocations: { 'app-prod/main': '10.0.0.0/20' } }));
    const before = modelOf(validateYaml(readFileSync(join(FIXTURES, 'valid', 'network-ipam.yaml'), 'utf8'), dir));
    expect(before.network!.vpcs.find((v) => v.id === 'app-prod/main')!.ipam).toBeUndefined();
    expect(before.lock.ipamAllocatedVpcs).toEqual(['app-dev/main', 'shared-services/main']);
    const stacks = synth(before).stacks;
    const vpc = resources(stacks['network-app-prod']!, 'aws_vpc').vpc_main!;
    expect([vpc.cidr_block, vpc.ipv4_ipam_pool_id]).toEqual(['10.0.0.0/20', undefined]);
    expect(resources(stacks['network-app-prod']!, 'aws_subnet').subnet_main__app__az0!.cidr_block).toBe('10.0.0.0/22');
    const held = resources(stacks['ipam']!, 'aws_vpc_ipam_pool_cidr_allocation')['ipam_pool_prod__vpc_app-prod__main']!;
    expect([held.ipam_pool_id, held.cidr]).toEqual(['${aws_vpc_ipam_pool.ipam_pool_prod.id}', '10.0.0.0/20']);
    // Once recorded as IPAM's, a VPC stays IPAM's.
    writeFileSync(join(dir, 'lz.lock.json'), JSON.stringify(model.lock));
    const again = modelOf(validateYaml(readFileSync(join(FIXTURES, 'valid', 'network-ipam.yaml'), 'utf8'), dir));
    expect(again.network!.vpcs.find((v) => v.id === 'app-prod/main')!.ipam).toEqual({ pool: 'prod', netmask: true });
  });

  /** network-ipam.yaml with app-prod/main created before the IPAM, before and after app-prod is renamed. */
  const renamedAfterIpam = () => {
    const dir = tempDir('lz-ipam-rename-');
    writeFileSync(join(dir, 'lz.lock.json'), JSON.stringify({ version: 1, cidrAllocations: { 'app-prod/main': '10.0.0.0/20' } }));
    const text = readFileSync(join(FIXTURES, 'valid', 'network-ipam.yaml'), 'utf8');
    const before = modelOf(validateYaml(text, dir));
    writeFileSync(join(dir, 'lz.lock.json'), JSON.stringify(before.lock));
    const renamed = text.replace('  app-prod:\n', '  app-production:\n    formerKey: app-prod\n');
    expect(renamed).not.toBe(text);
    return { before, after: modelOf(validateYaml(renamed, dir)) };
  };

  testWithTerraform('renaming the account of a held VPC: an offline plan of the ipam stack over its prior state moves the allocation and creates or destroys nothing', () => {
    const { before, after } = renamedAfterIpam();
    const plan = planOverState(synth(after).stacks['ipam']!, priorState(synth(before).stacks['ipam']!));
    expect(plan.errors).toEqual([]);
    expect([plan.actions.create ?? [], plan.actions.delete ?? [], plan.actions.replace ?? []]).toEqual([[], [], []]);
    expect(plan.moves).toEqual(['aws_vpc_ipam_pool_cidr_allocation.ipam_pool_prod__vpc_app-prod__main -> aws_vpc_ipam_pool_cidr_allocation.ipam_pool_prod__vpc_app-production__main']);
  });

  test('a VPC that existed before the IPAM stays outside it when its account is renamed with formerKey', () => {
    const { after } = renamedAfterIpam();
    const vpc = after.network!.vpcs.find((v) => v.id === 'app-production/main')!;
    expect([vpc.ipam, vpc.cidr]).toEqual([undefined, '10.0.0.0/20']);
    expect(after.lock.ipamAllocatedVpcs).toEqual(['app-dev/main', 'shared-services/main']);
    const stacks = synth(after).stacks;
    expect(resources(stacks['network-app-prod']!, 'aws_vpc').vpc_main!.ipv4_ipam_pool_id).toBeUndefined();
    // The pool keeps holding its CIDR under the same state entry.
    expect(Object.keys(resources(stacks['ipam']!, 'aws_vpc_ipam_pool_cidr_allocation'))).toContain('ipam_pool_prod__vpc_app-production__main');
    expect(stacks['ipam']!.moved).toEqual([{ from: 'aws_vpc_ipam_pool_cidr_allocation.ipam_pool_prod__vpc_app-prod__main', to: 'aws_vpc_ipam_pool_cidr_allocation.ipam_pool_prod__vpc_app-production__main' }]);
  });

  test('without an ipam section nothing changes: the default org.yaml has no ipam stack and literal CIDRs', () => {
    const defaults = defaultModel();
    expect(defaults.network!.ipam).toBeUndefined();
    expect(defaults.network!.vpcs.every((v) => v.ipam === undefined)).toBe(true);
  });
});

/** Terraform's cidrsubnet, for the check above. */
function cidrsubnet(prefix: string, newbits: number, netnum: number): string {
  const base = new Address4(prefix);
  const length = base.subnetMask + newbits;
  const start = BigInt(base.startAddress().bigInt().toString()) + BigInt(netnum) * 2n ** BigInt(32 - length);
  return `${Address4.fromBigInt(start).correctForm()}/${length}`;
}
