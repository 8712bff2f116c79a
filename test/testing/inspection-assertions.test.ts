import { join } from 'node:path';
import { assertDoesNotReach, assertReaches, loadLandingZone } from '../../src/testing';
import { assertionFailure, FIXTURES } from '../helpers';

const lz = loadLandingZone(join(FIXTURES, 'valid', 'network-inspection.yaml'));

describe('reachability assertions know paths through the firewall', () => {
  test('a pair inspected both ways reaches: assertDoesNotReach fails and names the firewall hop in each direction', () => {
    assertReaches(lz, 'app-prod/main', 'shared-services/main');
    expect(assertionFailure(() => assertDoesNotReach(lz, 'app-prod/main', 'shared-services/main'))).toBe(
      'Expected app-prod/main and shared-services/main not to reach each other, but they do:\n' +
        'app-prod/main (segment prod) -> shared-services/main 10.8.0.0/20: sent to network/inspection by a static route to 10.0.0.0/8 (the firewall; the inspection table then delivers it to shared-services/main)\n' +
        'shared-services/main (segment shared) -> app-prod/main 10.0.0.0/20: sent to network/inspection by a static route to 10.0.0.0/8 (the firewall; the inspection table then delivers it to app-prod/main)\n' +
        'Remove the reaches entry between their segments, or put the VPCs in segments that do not peer.',
    );
  });

  test('nonprod reaches neither, not even through the firewall', () => {
    assertDoesNotReach(lz, 'app-dev/main', 'app-prod/main');
    assertDoesNotReach(lz, 'app-dev/main', 'shared-services/main');
    expect(assertionFailure(() => assertReaches(lz, 'app-dev/main', 'shared-services/main'))).toContain('app-dev/main (segment nonprod) -> shared-services/main 10.8.0.0/20: dropped by a blackhole static route to 10.0.0.0/8');
  });
});
