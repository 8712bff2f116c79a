import { join } from 'node:path';
import { asymmetricVpcPairs, inspectedVpcPairs, inspectionHop } from '../../../src/model/network/inspection-paths';
import { reachableVpcPairs, renderSegmentMatrix } from '../../../src/model/network/reachability';
import type { NetworkModel } from '../../../src/model/network/types';
import { validateFile } from '../../../src/pipeline';
import { defaultModel, FIXTURES, modelOf } from '../../helpers';

const network = modelOf(validateFile(join(FIXTURES, 'valid', 'network-inspection.yaml'))).network!;
const segment = (key: string) => network.segments.find((s) => s.key === key)!;

describe('inspection in the network model', () => {
  test('propagation is one-way: the inspection table holds every inspected segment, and they do not hold it nor each other', () => {
    expect(segment('inspection').peers).toEqual(['nonprod', 'prod', 'shared']);
    expect(segment('prod').peers).toEqual(['prod']);
    expect(segment('shared').peers).toEqual([]);
    expect(network.propagations.filter((p) => p.vpc === 'network/inspection')).toEqual([]);
    expect(network.inspection!.inspectedPeerings).toEqual([['prod', 'shared']]);
  });

  test('east-west sends the internal ranges to the inspection attachment, north-south 0.0.0.0/0; declared routes stay', () => {
    const routes = (key: string) => segment(key).routes.map((r) => `${r.key} ${r.destination} ${r.target.kind === 'attachment' ? r.target.vpc : 'blackhole'}`);
    expect(routes('prod')).toEqual(['inspection_east_west_10-0-0-0_8 10.0.0.0/8 network/inspection', 'inspection_north_south 0.0.0.0/0 network/inspection', 'no-nonprod 10.16.0.0/12 blackhole']);
    expect(routes('nonprod')).toEqual(['inspection_north_south 0.0.0.0/0 network/inspection', 'no-east-west 10.0.0.0/8 blackhole']);
    expect(routes('inspection')).toEqual([]);
  });

  test('the inspection VPC\'s attachment has appliance mode; other VPCs leave it unset', () => {
    expect(network.vpcs.filter((v) => v.applianceModeSupport !== undefined).map((v) => [v.id, v.applianceModeSupport])).toEqual([['network/inspection', true]]);
  });

  test('the rule groups keep their kind, sorted by key, with the Suricata file read into them', () => {
    expect(network.inspection!.ruleGroups.map((g) => [g.key, g.type, g.source.kind])).toEqual([
      ['drop-smb', 'STATELESS', 'stateless'],
      ['east-west', 'STATEFUL', 'five-tuple'],
      ['egress-domains', 'STATEFUL', 'domains'],
      ['no-telnet', 'STATEFUL', 'suricata'],
      ['threats', 'STATEFUL', 'suricata'],
    ]);
    const threats = network.inspection!.ruleGroups.find((g) => g.key === 'threats')!.source;
    expect(threats.kind === 'suricata' && threats.rules).toContain('sid:3001;');
  });
});

describe('the reachability function knows paths through the firewall', () => {
  test('prod and shared reach each other through the firewall, both ways; nonprod reaches no other VPC', () => {
    expect(inspectionHop(network, 'app-prod/main', 'shared-services/main')).toBe('inspection');
    expect(inspectionHop(network, 'shared-services/main', 'app-prod/main')).toBe('inspection');
    expect(inspectedVpcPairs(network)).toEqual([{ a: 'app-prod/main', b: 'shared-services/main' }]);
    for (const other of ['app-prod/main', 'shared-services/main']) {
      expect(inspectionHop(network, 'app-dev/main', other)).toBeUndefined();
      expect(inspectionHop(network, other, 'app-dev/main')).toBeUndefined();
    }
    expect(asymmetricVpcPairs(network)).toEqual([]);
  });

  test('direct pairs are only those with the inspection VPC itself, which the default route covers', () => {
    expect(reachableVpcPairs(network)).toEqual([['app-dev/main', 'network/inspection'], ['app-prod/main', 'network/inspection']]);
  });

  test('a direction that bypasses the firewall makes the pair asymmetric, not inspected', () => {
    // shared gets prod's propagation back: shared -> prod is direct, prod -> shared still goes through the firewall.
    const shortcut: NetworkModel = { ...network, propagations: [...network.propagations, { vpc: 'app-prod/main', segment: 'shared' }] };
    expect(inspectionHop(shortcut, 'shared-services/main', 'app-prod/main')).toBe('direct');
    expect(inspectedVpcPairs(shortcut)).toEqual([]);
    expect(asymmetricVpcPairs(shortcut)).toEqual([{ a: 'app-prod/main', b: 'shared-services/main' }]);
  });

  test('`lz network matrix` shows the inspected pairs and the one-way propagation of the inspection segment', () => {
    expect(renderSegmentMatrix(network)).toMatchInlineSnapshot(`
"from \\ to   inspection      nonprod         prod            shared
inspection  -               yes             yes             yes
nonprod     -               -               -               -
prod        -               -               yes             via inspection
shared      -               -               via inspection  -"
`);
  });

  test('a network without inspection has no inspected pairs and its matrix is unchanged', () => {
    const plain = defaultModel().network!;
    expect(plain.inspection).toBeUndefined();
    expect(inspectedVpcPairs(plain)).toEqual([]);
    expect(renderSegmentMatrix(plain).split('\n')[0]).toBe('from \\ to  egress   nonprod  prod     sandbox  shared');
  });
});
