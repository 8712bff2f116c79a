import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { FIXTURES, synth, type TerraformJson } from '../helpers';
import { modelWithLock } from '../network-helpers';

/**
 * Given the two-region fixture synthesized once, when one account with a VPC in eu-west-1 is
 * added (the record of the first run kept), then only the account's own stacks appear, the routes
 * to its VPC in us-east-1's tables are in its own primary-region stack, and every existing stack
 * is byte-identical.
 */
describe('adding one account with a VPC in a further region', () => {
  const original = readFileSync(join(FIXTURES, 'valid', 'network-regions.yaml'), 'utf8');
  const before = modelWithLock(original);
  const doc = parse(original);
  doc.accounts['cart-eu'] = { name: 'Cart EU', email: 'aws+cart-eu@example.com', ou: 'Workloads/Prod' };
  doc.network.accounts['cart-eu'] = { vpcs: { main: { region: 'eu-west-1', pool: 'eu-prod' } } };
  const after = modelWithLock(stringify(doc), before.lock);
  const a = synth(before);
  const b = synth(after);
  const added = Object.keys(b.stacks).filter((s) => !(s in a.stacks)).sort();
  const count = (stack: TerraformJson) => Object.values((stack.resource ?? {}) as Record<string, Record<string, unknown>>).reduce((n, byName) => n + Object.keys(byName).length, 0);

  test('adds exactly the account\'s own stacks, one per region', () => {
    expect(added).toEqual(['account-cart-eu', 'network-cart-eu', 'network-cart-eu_eu-west-1']);
    expect(Object.keys(a.stacks).filter((s) => !(s in b.stacks))).toEqual([]);
  });

  test('leaves every existing stack byte-identical, hubs and the peering included', () => {
    for (const name of Object.keys(a.stacks)) expect([name, JSON.stringify(b.stacks[name]) === JSON.stringify(a.stacks[name])]).toEqual([name, true]);
  });

  test('touches at most 100 resources, the routes to it in us-east-1 included', () => {
    const total = added.reduce((n, s) => n + count(b.stacks[s]!), 0);
    expect(total).toBeLessThanOrEqual(100);
    const routes = Object.keys((b.stacks['network-cart-eu']!.resource?.aws_ec2_transit_gateway_route ?? {}) as Record<string, unknown>).sort();
    const cidr = after.network!.vpcs.find((v) => v.id === 'cart-eu/main')!.cidr.replace('/', '_').split('.').join('-');
    expect(routes).toEqual([`tgw_peering_route_prod__main__${cidr}`, `tgw_peering_route_shared__main__${cidr}`]);
  });
});
