import { join } from 'node:path';
import { canReach, explainReachability, reachableVpcPairs } from '../../../src/model/network/reachability';
import type { NetworkModel } from '../../../src/model/network/types';
import { validateFile } from '../../../src/pipeline';
import { defaultModel, FIXTURES, modelOf } from '../../helpers';

const network = modelOf(validateFile(join(FIXTURES, 'valid', 'network-regions.yaml'), 'org.yaml')).network!;
const multi = network.multiRegion!;

describe('a network of two regions (network-regions.yaml)', () => {
  test('one gateway per region, each with its own ASN, and one peering between them', () => {
    expect(multi.gateways).toEqual([
      { region: 'eu-west-1', asn: 64513, primary: false },
      { region: 'us-east-1', asn: 64512, primary: true },
    ]);
    expect(multi.peerings).toEqual([{ key: 'eu-west-1_us-east-1', requester: 'eu-west-1', accepter: 'us-east-1' }]);
  });

  test('VPCs are placed by region and allocated from their region\'s pool', () => {
    expect(network.vpcs.map((v) => [v.id, multi.vpcRegions[v.id], v.cidr])).toEqual([
      ['payments/eu', 'eu-west-1', '10.64.0.0/22'],
      ['payments/main', 'us-east-1', '10.0.0.0/22'],
      ['sandbox-eu/lab', 'eu-west-1', '10.96.0.0/24'],
      ['shared-services/main', 'us-east-1', '10.100.0.0/20'],
      ['shop-eu/main', 'eu-west-1', '10.64.4.0/22'],
    ]);
  });

  test('every CIDR of a VPC is routed to the peering in the other region\'s table of each segment that reaches it', () => {
    const routes = (vpc: string) => multi.peeringRoutes.filter((r) => r.vpc === vpc).map((r) => `${r.segment}@${r.region} ${r.destination} -> ${r.peering}`);
    expect(routes('payments/eu')).toEqual([
      'prod@us-east-1 10.64.0.0/22 -> eu-west-1_us-east-1',
      'prod@us-east-1 10.72.0.0/24 -> eu-west-1_us-east-1',
      'shared@us-east-1 10.64.0.0/22 -> eu-west-1_us-east-1',
      'shared@us-east-1 10.72.0.0/24 -> eu-west-1_us-east-1',
    ]);
    expect(routes('sandbox-eu/lab')).toEqual(['shared@us-east-1 10.96.0.0/24 -> eu-west-1_us-east-1']);
    expect(routes('shared-services/main')).toEqual(['prod@eu-west-1 10.100.0.0/20 -> eu-west-1_us-east-1', 'sandbox@eu-west-1 10.100.0.0/20 -> eu-west-1_us-east-1']);
    for (const r of multi.peeringRoutes) expect(r.region).not.toBe(multi.vpcRegions[r.vpc]);
    expect(multi.peeringPropagations).toEqual(network.vpcs.map((v) => v.id));
  });

  test('the complete list of pairs, across the peering included', () => {
    expect(reachableVpcPairs(network)).toEqual([
      ['payments/eu', 'payments/main'],
      ['payments/eu', 'shared-services/main'],
      ['payments/eu', 'shop-eu/main'],
      ['payments/main', 'shared-services/main'],
      ['payments/main', 'shop-eu/main'],
      ['sandbox-eu/lab', 'shared-services/main'],
      ['shared-services/main', 'shop-eu/main'],
    ]);
  });

  test('a segment spans regions: sandbox stays isolated from prod in both, and the prod blackhole holds in eu-west-1 too', () => {
    for (const prod of ['payments/eu', 'payments/main', 'shop-eu/main']) expect([prod, canReach(network, 'sandbox-eu/lab', prod)]).toEqual([prod, false]);
    expect(explainReachability(network, 'payments/eu', 'sandbox-eu/lab')).toBe([
      'payments/eu (segment prod, eu-west-1) -> sandbox-eu/lab 10.96.0.0/24: dropped in segment prod\'s table in eu-west-1 by the static route no-sandbox to 10.96.0.0/16',
      'sandbox-eu/lab (segment sandbox, eu-west-1) -> payments/eu 10.64.0.0/22: no route in segment sandbox\'s table in eu-west-1',
      'sandbox-eu/lab (segment sandbox, eu-west-1) -> payments/eu 10.72.0.0/24: no route in segment sandbox\'s table in eu-west-1',
    ].join('\n'));
  });

  test('across the peering, both the sender\'s segment table and the far side\'s peering table decide', () => {
    expect(explainReachability(network, 'payments/main', 'shop-eu/main')).toBe([
      'payments/main (segment prod, us-east-1) -> shop-eu/main 10.64.4.0/22: sent to the peering eu-west-1_us-east-1 in segment prod\'s table in us-east-1 by the peering route to 10.64.4.0/22 (shop-eu/main); in eu-west-1\'s peering table delivered by the propagation of shop-eu/main into the peering table',
      'shop-eu/main (segment prod, eu-west-1) -> payments/main 10.0.0.0/22: sent to the peering eu-west-1_us-east-1 in segment prod\'s table in eu-west-1 by the peering route to 10.0.0.0/22 (payments/main); in us-east-1\'s peering table delivered by the propagation of payments/main into the peering table',
    ].join('\n'));
    const withoutRoute: NetworkModel = { ...network, multiRegion: { ...multi, peeringRoutes: multi.peeringRoutes.filter((r) => !(r.vpc === 'shop-eu/main' && r.segment === 'prod')) } };
    expect(canReach(withoutRoute, 'payments/main', 'shop-eu/main')).toBe(false);
    const withoutPropagation: NetworkModel = { ...network, multiRegion: { ...multi, peeringPropagations: multi.peeringPropagations.filter((v) => v !== 'payments/main') } };
    expect(canReach(withoutPropagation, 'payments/main', 'shop-eu/main')).toBe(false);
    expect(canReach(withoutPropagation, 'payments/main', 'shared-services/main')).toBe(true);
  });

  test('a secondary CIDR without its peering route breaks the pair: every CIDR must be delivered', () => {
    const partial: NetworkModel = { ...network, multiRegion: { ...multi, peeringRoutes: multi.peeringRoutes.filter((r) => !(r.destination === '10.72.0.0/24' && r.segment === 'shared')) } };
    expect(canReach(network, 'shared-services/main', 'payments/eu')).toBe(true);
    expect(canReach(partial, 'shared-services/main', 'payments/eu')).toBe(false);
  });

  test('a network of one region has no regional part, so its model is what it was', () => {
    expect(defaultModel().network!.multiRegion).toBeUndefined();
  });
});
