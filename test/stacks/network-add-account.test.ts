import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { DEFAULT_ORG, resources, synth } from '../helpers';
import { modelWithLock } from '../network-helpers';

/**
 * Given the default org.yaml synthesized once, when one account is added to Workloads/Prod (and
 * the record of the first run is kept), then exactly its own four stacks appear, its network
 * stack holds its attachment's routing, and every existing stack is byte-identical.
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

  test('adds exactly the account\'s own stacks', () => {
    expect(Object.keys(b.stacks).filter((s) => !(s in a.stacks)).sort()).toEqual(['access-billing-prod', 'account-billing-prod', 'baseline-billing-prod', 'network-billing-prod']);
    expect(Object.keys(a.stacks).filter((s) => !(s in b.stacks))).toEqual([]);
  });

  test('leaves every existing stack byte-identical, organization-wide ones included', () => {
    for (const name of Object.keys(a.stacks)) expect([name, JSON.stringify(b.stacks[name]) === JSON.stringify(a.stacks[name])]).toEqual([name, true]);
  });

  test('puts the new attachment\'s accepter, association and propagations into its own network stack, in the network account', () => {
    const stack = b.stacks['network-billing-prod']!;
    const routing = ['aws_ec2_transit_gateway_vpc_attachment_accepter', 'aws_ec2_transit_gateway_route_table_association', 'aws_ec2_transit_gateway_route_table_propagation'];
    const added = routing.flatMap((type) => Object.keys(resources(stack, type)).map((name) => `${type}.${name}`)).sort();
    expect(added).toEqual([
      'aws_ec2_transit_gateway_route_table_association.tgw_association_main',
      'aws_ec2_transit_gateway_route_table_propagation.tgw_propagation_main__into_egress',
      'aws_ec2_transit_gateway_route_table_propagation.tgw_propagation_main__into_prod',
      'aws_ec2_transit_gateway_route_table_propagation.tgw_propagation_main__into_shared',
      'aws_ec2_transit_gateway_vpc_attachment_accepter.tgw_accept_main',
    ]);
    for (const type of routing)
      for (const resource of Object.values(resources(stack, type))) expect((resource as { provider: string }).provider).toBe('aws.network');
    // One pass: every routing resource waits for the acceptance, which waits for the attachment.
    const accepter = resources(stack, routing[0]!)['tgw_accept_main'] as { transit_gateway_attachment_id: string };
    expect(accepter.transit_gateway_attachment_id).toBe('${aws_ec2_transit_gateway_vpc_attachment.tgw_attachment_main.id}');
    for (const type of routing.slice(1))
      for (const resource of Object.values(resources(stack, type)))
        expect((resource as { depends_on: string[] }).depends_on).toEqual(['aws_ec2_transit_gateway_vpc_attachment_accepter.tgw_accept_main']);
  });
});
