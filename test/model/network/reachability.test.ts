import { join } from 'node:path';
import { canReach, lookup, reachableVpcPairs, renderSegmentMatrix, segmentMatrix } from '../../../src/model/network/reachability';
import { block } from '../../../src/model/network/cidr';
import type { NetworkModel } from '../../../src/model/network/types';
import { validateFile } from '../../../src/pipeline';
import { defaultModel, FIXTURES, modelOf } from '../../helpers';

const network = defaultModel().network!;
const vpcsOf = (n: NetworkModel, segment: string) => n.vpcs.filter((v) => v.segment === segment).map((v) => v.id);

describe('reachability of the default org.yaml', () => {
  const prod = vpcsOf(network, 'prod');
  const nonprod = vpcsOf(network, 'nonprod');
  const sandbox = vpcsOf(network, 'sandbox');
  const shared = vpcsOf(network, 'shared');
  const egress = vpcsOf(network, 'egress');

  test('every segment holds VPCs, so the assertions below are not vacuous', () => {
    expect([prod.length, nonprod.length, sandbox.length, shared.length, egress.length]).toEqual([2, 2, 1, 1, 1]);
  });

  test('no Sandbox or NonProd VPC reaches a Prod VPC', () => {
    for (const from of [...sandbox, ...nonprod]) for (const to of prod) expect([from, to, canReach(network, from, to)]).toEqual([from, to, false]);
  });

  test('the shared VPC reaches every other VPC', () => {
    for (const other of network.vpcs.map((v) => v.id).filter((id) => !shared.includes(id))) expect([other, canReach(network, shared[0]!, other)]).toEqual([other, true]);
  });

  test('prod VPCs reach each other (intraSegment), NonProd does not reach Prod nor Sandbox', () => {
    expect(canReach(network, prod[0]!, prod[1]!)).toBe(true);
    expect(canReach(network, nonprod[0]!, sandbox[0]!)).toBe(false);
  });

  test('the egress VPC reaches every VPC (it carries their internet traffic), which is why the spoke segments blackhole 10.0.0.0/8', () => {
    for (const other of network.vpcs.map((v) => v.id).filter((id) => id !== egress[0])) expect([other, canReach(network, egress[0]!, other)]).toEqual([other, true]);
    for (const segment of ['prod', 'nonprod', 'sandbox'])
      expect(network.segments.find((s) => s.key === segment)!.routes.map((r) => [r.destination, r.target])).toEqual(expect.arrayContaining([
        ['0.0.0.0/0', { kind: 'attachment', vpc: 'network/egress' }],
        ['10.0.0.0/8', { kind: 'blackhole' }],
      ]));
  });

  test('the complete list of pairs', () => {
    expect(reachableVpcPairs(network)).toEqual([
      ['analytics-nonprod/main', 'network/egress'],
      ['analytics-nonprod/main', 'payments-nonprod/main'],
      ['analytics-nonprod/main', 'shared-services/main'],
      ['analytics-prod/main', 'network/egress'],
      ['analytics-prod/main', 'payments-prod/main'],
      ['analytics-prod/main', 'shared-services/main'],
      ['network/egress', 'payments-nonprod/main'],
      ['network/egress', 'payments-prod/main'],
      ['network/egress', 'sandbox-alice/main'],
      ['network/egress', 'shared-services/main'],
      ['payments-nonprod/main', 'shared-services/main'],
      ['payments-prod/main', 'shared-services/main'],
      ['sandbox-alice/main', 'shared-services/main'],
    ]);
  });

  test('the segment matrix is symmetric and isolates sandbox from everything but shared and egress', () => {
    const { segments, reaches } = segmentMatrix(network);
    for (let i = 0; i < segments.length; i += 1) for (let j = 0; j < segments.length; j += 1) if (i !== j) expect(reaches[i]![j]).toBe(reaches[j]![i]);
    expect(renderSegmentMatrix(network)).toMatchInlineSnapshot(`
"from \\ to  egress   nonprod  prod     sandbox  shared
egress     -        yes      yes      yes      yes
nonprod    yes      yes      -        -        yes
prod       yes      -        yes      -        yes
sandbox    yes      -        -        -        yes
shared     yes      yes      yes      yes      -"
`);
  });
});

describe('TGW route table semantics', () => {
  const egress = modelOf(validateFile(join(FIXTURES, 'valid', 'network-egress.yaml'))).network!;

  test('the longest prefix wins; at equal length a static route beats a propagated one', () => {
    const propagated = { destination: block('10.0.0.0/22'), target: { kind: 'attachment' as const, vpc: 'a/main' }, isStatic: false };
    const blackhole = { destination: block('10.0.0.0/8'), target: { kind: 'blackhole' as const }, isStatic: true };
    expect(lookup([blackhole, propagated], block('10.0.0.0/22'))).toEqual({ kind: 'attachment', vpc: 'a/main' });
    expect(lookup([blackhole, propagated], block('10.0.4.0/22'))).toEqual({ kind: 'blackhole' });
    expect(lookup([propagated, { ...blackhole, destination: block('10.0.0.0/22') }], block('10.0.0.0/22'))).toEqual({ kind: 'blackhole' });
    expect(lookup([propagated], block('172.16.0.0/20'))).toBeUndefined();
  });

  test('a blackhole for a VPC CIDR breaks the pair even though the attachment propagates', () => {
    expect(canReach(egress, 'app-prod/main', 'big-prod/main')).toBe(true);
    const withBlackhole: NetworkModel = {
      ...egress,
      segments: egress.segments.map((s) => (s.key === 'prod' ? { ...s, routes: [...s.routes, { segment: 'prod', key: 'x', destination: '10.0.64.0/20', target: { kind: 'blackhole' } }] } : s)),
    };
    expect(canReach(withBlackhole, 'app-prod/main', 'big-prod/main')).toBe(false);
  });

  test('a one-way route is not a pair: the reply needs a route back', () => {
    const oneWay: NetworkModel = { ...egress, propagations: egress.propagations.filter((p) => !(p.vpc === 'app-prod/main' && p.segment === 'shared')) };
    expect(canReach(egress, 'app-prod/main', 'shared-services/main')).toBe(true);
    expect(canReach(oneWay, 'app-prod/main', 'shared-services/main')).toBe(false);
  });

  test('every CIDR of a VPC must route back: a secondary CIDR without a route breaks the pair', () => {
    const shared = egress.vpcs.find((v) => v.id === 'shared-services/main')!;
    expect(shared.secondaryCidrs).toEqual(['10.101.0.0/24']);
    const blackholed: NetworkModel = {
      ...egress,
      segments: egress.segments.map((s) => (s.key === 'prod' ? { ...s, routes: [...s.routes, { segment: 'prod', key: 'y', destination: '10.101.0.0/24', target: { kind: 'blackhole' } }] } : s)),
    };
    expect(canReach(blackholed, 'app-prod/main', 'shared-services/main')).toBe(false);
  });

  test('in the egress design, the egress VPC and prod reach each other, shared and egress do not', () => {
    expect(reachableVpcPairs(egress)).toEqual([
      ['app-prod/main', 'big-prod/main'],
      ['app-prod/main', 'network/egress'],
      ['app-prod/main', 'shared-services/main'],
      ['big-prod/main', 'network/egress'],
      ['big-prod/main', 'shared-services/main'],
    ]);
  });
});
