import fc from 'fast-check';
import { workspaceRoleName } from '../../src/constructs/workload-identity';
import { stackNames } from '../../stacks/ids';
import { regionalStackNames } from '../../stacks/network-regions-ids';
import type { OrgConfig } from '../../src/config/schema';
import { longestStackName, LONGEST_STACK_ID, LONGEST_STACK_NAME, runRolePower, runTriggerHolder, sharesStateGlobally, workspaceName, WORKSPACE_NAME, type StackSite } from '../../src/model/deployment';

const MANAGEMENT = 'management';
const NETWORK = 'network';

describe('what a run role may do', () => {
  test('a stack with any provider in the management account administers it', () => {
    expect(runRolePower({ name: 'organization', reaches: [MANAGEMENT] }, MANAGEMENT, NETWORK)).toEqual({ kind: 'administrator' });
    expect(runRolePower({ name: 'network-management', owner: MANAGEMENT, reaches: [MANAGEMENT, NETWORK] }, MANAGEMENT, NETWORK)).toEqual({ kind: 'administrator' });
  });

  test('a spoke reaches its account and the network account; its own account stack holds the policy', () => {
    expect(runRolePower({ name: 'network-app', owner: 'app', reaches: ['app', NETWORK] }, MANAGEMENT, NETWORK)).toEqual({ kind: 'assume-access-role', accounts: ['app', NETWORK], heldBy: 'app' });
  });

  test('an access stack reaches only the Identity Center account, held by its own account, except for the network account', () => {
    expect(runRolePower({ name: 'access-app', owner: 'app', reaches: ['identity'] }, MANAGEMENT, NETWORK)).toEqual({ kind: 'assume-access-role', accounts: ['identity'], heldBy: 'app' });
    expect(runRolePower({ name: 'access-network', owner: NETWORK, reaches: ['identity'] }, MANAGEMENT, NETWORK)).toEqual({ kind: 'assume-access-role', accounts: ['identity'], heldBy: 'identity' });
    expect(runRolePower({ name: 'access-network', owner: NETWORK, reaches: [NETWORK] }, MANAGEMENT, NETWORK)).toEqual({ kind: 'assume-access-role', accounts: [NETWORK], heldBy: NETWORK });
  });

  test('an organization-wide stack in a member account: the policy is held by that account\'s stack', () => {
    expect(runRolePower({ name: 'log-archive', reaches: ['log-archive'] }, MANAGEMENT, NETWORK)).toEqual({ kind: 'assume-access-role', accounts: ['log-archive'], heldBy: 'log-archive' });
  });

  test('a stack without an AWS provider is a programming error', () => {
    expect(() => runRolePower({ name: 'empty', reaches: [] }, MANAGEMENT, NETWORK)).toThrow('stack empty has no AWS provider');
  });

  /**
   * Given any organization (a network account, an Identity Center account that may be the
   * management account or any member, any accounts with a VPC or assignments), when every
   * policy is placed, then an account stack waits for another only along an acyclic graph.
   */
  test('policy holders never make two account stacks wait for each other (property, seed 1207)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), fc.nat(8), fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }), (count, icIndex, flags) => {
        const members = Array.from({ length: count }, (_, i) => (i === 0 ? NETWORK : `m${i}`));
        const identity = icIndex >= count ? MANAGEMENT : members[icIndex]!;
        const sites: StackSite[] = [];
        members.forEach((key, i) => {
          if (flags[i]) sites.push({ name: `network-${key}`, owner: key, reaches: key === NETWORK ? [key] : [key, NETWORK] });
          if (flags[8 + i]) sites.push({ name: `access-${key}`, owner: key, reaches: [identity] });
        });
        const waits = new Map<string, Set<string>>();
        for (const site of sites) {
          const power = runRolePower(site, MANAGEMENT, NETWORK);
          if (power.kind !== 'assume-access-role') continue;
          for (const target of power.accounts.filter((a) => a !== power.heldBy)) {
            if (!waits.has(power.heldBy)) waits.set(power.heldBy, new Set());
            waits.get(power.heldBy)!.add(target);
          }
        }
        const visiting = new Set<string>();
        const done = new Set<string>();
        const acyclicFrom = (node: string): boolean => {
          if (done.has(node)) return true;
          if (visiting.has(node)) return false;
          visiting.add(node);
          const ok = [...(waits.get(node) ?? [])].every(acyclicFrom);
          visiting.delete(node);
          done.add(node);
          return ok;
        };
        return members.every(acyclicFrom);
      }),
      { seed: 1207, numRuns: 500 },
    );
  });
});

describe('remote-state sharing and run triggers', () => {
  const org = (name: string): StackSite => ({ name, reaches: [MANAGEMENT] });
  const own = (name: string, owner: string): StackSite => ({ name, owner, reaches: [owner] });

  test('shared with the organization only when another account\'s stack reads it', () => {
    expect(sharesStateGlobally(org('organization'), [own('account-a', 'a')])).toBe(true);
    expect(sharesStateGlobally(org('log-archive'), [org('org-trail')])).toBe(false);
    expect(sharesStateGlobally(own('account-a', 'a'), [own('access-a', 'a'), org('log-archive')])).toBe(false);
    expect(sharesStateGlobally(own('account-network', NETWORK), [own('network-b', 'b')])).toBe(true);
  });

  test('a trigger lives with its target, or with its source when an organization-wide stack waits for an account; none between accounts', () => {
    expect(runTriggerHolder(org('organization'), own('account-a', 'a'))).toBe('target');
    expect(runTriggerHolder(own('account-a', 'a'), own('access-a', 'a'))).toBe('target');
    expect(runTriggerHolder(own('account-log', 'log'), org('log-archive'))).toBe('source');
    expect(runTriggerHolder(own('account-network', NETWORK), own('network-b', 'b'))).toBeUndefined();
  });
});

describe('names at their longest', () => {
  const longest = `bootstrap-${'a'.repeat(60)}`;

  test('a bootstrap stack of a 60-character stack id is the longest stack name, and 20 characters of pattern still fit', () => {
    expect(longest).toHaveLength(LONGEST_STACK_NAME);
    const name = workspaceName(`${'x'.repeat(19)}-{stack}`, longest);
    expect(name).toHaveLength(90);
    expect(WORKSPACE_NAME.test(name)).toBe(true);
  });

  test('the role of the longest stack with a role is cut to IAM\'s 64 characters with a stable hash', () => {
    const role = workspaceRoleName(workspaceName('lz-{stack}', `network-${'a'.repeat(60)}`));
    expect(role).toHaveLength(64);
    expect(role).toMatch(/^tfc-lz-network-a+-[0-9a-f]{8}$/);
  });

  const id = 'a'.repeat(LONGEST_STACK_ID);
  const config = (parts: { regions?: string[]; baseline?: boolean }) =>
    ({
      ...(parts.regions ? { network: { regions: Object.fromEntries(parts.regions.map((r) => [r, { asn: 64513, pools: [], optedIn: false }])) } } : {}),
      ...(parts.baseline ? { baseline: {} } : {}),
    }) as unknown as OrgConfig;

  test('without further regions or region groups, the bootstrap stack is the longest', () => {
    expect(longestStackName(config({}), 1)).toEqual({ length: stackNames.bootstrap(id).length, form: 'bootstrap-<id>' });
    expect(longestStackName(config({ baseline: true }), 9)).toEqual({ length: 70, form: 'bootstrap-<id>' });
  });

  test('a further network region makes the account\'s regional network stack longer: up to 83 characters', () => {
    const longest = longestStackName(config({ regions: ['eu-west-1', 'ap-southeast-4'] }), 1);
    expect(longest).toEqual({ length: regionalStackNames.spoke(id, 'ap-southeast-4').length, form: 'network-<id>_ap-southeast-4' });
    expect(longest.length).toBe(83);
  });

  test('a tenth baseline region group makes baseline10-<id> longer than bootstrap-<id>', () => {
    expect(longestStackName(config({ baseline: true }), 10)).toEqual({ length: stackNames.baseline(id, 10).length, form: 'baseline10-<id>' });
    expect(longestStackName(config({ baseline: true }), 10).length).toBe(71);
    // Without a baseline section no baseline stack is written, whatever the lock's groups.
    expect(longestStackName(config({}), 10).length).toBe(70);
  });
});
