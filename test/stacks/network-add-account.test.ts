import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { DEFAULT_ORG, resources, synth } from '../helpers';
import { modelWithLock } from '../network-helpers';

/**
 * Given the default org.yaml synthesized once, when one account is added to Workloads/Prod (and
 * the record of the first run is kept), then exactly one spoke stack appears, the routing stack
 * gains only that attachment's resources, and every other network stack is byte-identical.
 */
describe('adding one account with a VPC', () => {
  const original = readFileSync(DEFAULT_ORG, 'utf8');
  const before = modelWithLock(original);
  const doc = parse(original);
  doc.accounts['billing-prod'] = { name: 'Example Billing Prod', email: 'aws+billing-prod@example.com', ou: 'Workloads/Prod' };
  const afterModel = modelWithLock(stringify(doc), before.lock);
  const a = synth(before);
  const b = synth(afterModel);

  test('the record keeps payments-prod where it was although billing-prod sorts before it', () => {
    const cidr = (m: typeof before, id: string) => m.network!.vpcs.find((v) => v.id === id)!.cidr;
    expect(cidr(afterModel, 'payments-prod/main')).toBe(cidr(before, 'payments-prod/main'));
  });

  test('the template gives the new account a VPC with no other edit, in the prod segment', () => {
    expect(afterModel.network!.vpcs.find((v) => v.id === 'billing-prod/main')).toMatchObject({ segment: 'prod', source: 'template:prod-workload' });
  });

  test('adds exactly one stack: its spoke', () => {
    expect(Object.keys(b.stacks).filter((s) => !(s in a.stacks))).toEqual(['network-spoke-billing-prod']);
    expect(Object.keys(a.stacks).filter((s) => !(s in b.stacks))).toEqual([]);
  });

  test('leaves network-hub and every existing spoke byte-identical', () => {
    for (const name of Object.keys(a.stacks).filter((s) => s.startsWith('network-')))
      if (name !== 'network-routing') expect([name, JSON.stringify(b.stacks[name]) === JSON.stringify(a.stacks[name])]).toEqual([name, true]);
  });

  test('adds to network-routing only the new attachment\'s accepter, association and propagations, and changes nothing else', () => {
    const ra = a.stacks['network-routing']!;
    const rb = b.stacks['network-routing']!;
    const added: string[] = [];
    for (const type of Object.keys(rb.resource)) {
      const oldResources = resources(ra, type);
      for (const [name, value] of Object.entries(resources(rb, type))) {
        if (name in oldResources) expect([type, name, value]).toEqual([type, name, oldResources[name]]);
        else added.push(`${type}.${name}`);
      }
      for (const name of Object.keys(oldResources)) expect(resources(rb, type)).toHaveProperty([name]);
    }
    expect(added.sort()).toEqual([
      'aws_ec2_transit_gateway_route_table_association.tgw_association_billing-prod__main',
      'aws_ec2_transit_gateway_route_table_propagation.tgw_propagation_billing-prod__main__into_egress',
      'aws_ec2_transit_gateway_route_table_propagation.tgw_propagation_billing-prod__main__into_prod',
      'aws_ec2_transit_gateway_route_table_propagation.tgw_propagation_billing-prod__main__into_shared',
      'aws_ec2_transit_gateway_vpc_attachment_accepter.tgw_accept_billing-prod__main',
    ]);
  });
});
