import { readFileSync } from 'node:fs';
import { diffLandingZones, groupPairs, listed, type SynthesizedApp } from '../../src/model/diff';
import { diffDeployment } from '../../src/model/diff/deployment-diff';
import { DEFAULT_ORG, modelOf, validateYaml } from '../helpers';

const DEFAULT_TEXT = readFileSync(DEFAULT_ORG, 'utf8');
const model = (text: string) => modelOf(validateYaml(text));
const edit = (...pairs: Array<[string, string]>) =>
  pairs.reduce((text, [from, to]) => {
    if (!text.includes(from)) throw new Error(`the default org.yaml has no ${JSON.stringify(from)}`);
    return text.split(from).join(to);
  }, DEFAULT_TEXT);

describe('diffDeployment compares any stacks by Terraform address', () => {
  const stack = (dependencies: string[], resource: Record<string, Record<string, unknown>>, extra: Record<string, unknown> = {}) =>
    ({ dependencies, config: { '//': { metadata: { stackName: 'x' } }, resource, ...extra } });
  const base: SynthesizedApp = {
    kept: stack([], { aws_s3_bucket: { logs: { bucket: 'logs', '//': { metadata: { path: 'kept/logs' } } } } }),
    changed: stack(['kept'], { aws_vpc: { main: { cidr_block: '10.0.0.0/16' } }, aws_subnet: { old: { cidr_block: '10.0.0.0/24' }, gone: { cidr_block: '10.0.1.0/24' } } }),
    gone: stack([], { aws_iam_role: { r: { name: 'r' } } }),
  };
  const head: SynthesizedApp = {
    kept: stack([], { aws_s3_bucket: { logs: { bucket: 'logs', '//': { metadata: { path: 'elsewhere/logs' } } } } }),
    changed: stack(['kept'], { aws_vpc: { main: { cidr_block: '10.1.0.0/16' } }, aws_subnet: { renamed: { cidr_block: '10.0.0.0/24' } } }, { moved: [{ from: 'aws_subnet.old', to: 'aws_subnet.renamed' }] }),
    fresh: stack(['changed'], { aws_route: { a: {}, b: {} } }),
  };

  test('construct metadata is not a change; moved blocks account for removals; a dropped stack destroys nothing', () => {
    expect(diffDeployment(base, head)).toEqual({
      stacks: [
        { stack: 'changed', status: 'changed', resources: 2, resourcesAdded: 1, resourcesChanged: 1, resourcesRemoved: 2, destroyed: ['aws_subnet.gone'], importsAdded: 0, movedAdded: 1, removedAdded: 0, otherChanged: false },
        { stack: 'fresh', status: 'added', resources: 2, resourcesAdded: 2, resourcesChanged: 0, resourcesRemoved: 0, destroyed: [], importsAdded: 0, movedAdded: 0, removedAdded: 0, otherChanged: false },
        { stack: 'gone', status: 'dropped', resources: 1, resourcesAdded: 0, resourcesChanged: 0, resourcesRemoved: 1, destroyed: [], importsAdded: 0, movedAdded: 0, removedAdded: 0, otherChanged: false },
      ],
      unchanged: 1,
      waves: [['changed'], ['fresh']],
    });
  });

  test('the same app twice has no change and no wave', () => {
    expect(diffDeployment(base, base)).toEqual({ stacks: [], unchanged: 3, waves: [] });
  });
});

describe('diffLandingZones follows declared renames', () => {
  const before = model(DEFAULT_TEXT);

  test('an account key renamed with formerKey is a rename, not a removal and an addition, and keeps its access and VPC', () => {
    const after = model(edit(['  payments-prod:\n    name: Example Payments Prod', '  payments-production:\n    formerKey: payments-prod\n    name: Example Payments Prod']));
    const d = diffLandingZones(before, after);
    expect(d.organization.accountsChanged).toEqual([{ key: 'payments-production', formerKey: 'payments-prod' }]);
    expect([d.organization.accountsAdded, d.organization.accountsRemoved, d.access.accounts, d.guardrails.effects]).toEqual([[], [], [], []]);
    expect([d.network!.vpcsAdded, d.network!.vpcsRemoved, d.network!.pairsOpened, d.network!.pairsClosed]).toEqual([[], [], [], []]);
    expect(d.flags).toEqual([]);
  });

  test('an OU renamed with formerKey moves its accounts and attachments with it', () => {
    const after = model(edit(
      ['      Prod:\n        tags: { environment: prod }', '      Production:\n        formerKey: Prod\n        tags: { environment: prod }'],
      ['ou: Workloads/Prod', 'ou: Workloads/Production'],
      ['ous: [Workloads/Prod]', 'ous: [Workloads/Production]'],
    ));
    const d = diffLandingZones(before, after);
    expect(d.organization.ousRenamed).toEqual([{ from: 'Workloads/Prod', to: 'Workloads/Production' }]);
    expect([d.organization.ousAdded, d.organization.ousRemoved, d.organization.accountsChanged, d.guardrails.attachments, d.access.accounts]).toEqual([[], [], [], [], []]);
    expect(d.flags).toEqual([]);
  });
});

describe('guardrail effects', () => {
  test('an account-level deny-all flips only that account and reads as a tightening, not a flagged change', () => {
    const before = model(DEFAULT_TEXT);
    const after = model(edit(['    ou: Workloads/Prod\n    tags: { domain: analytics }', '    ou: Workloads/Prod\n    policies: [deny-all]\n    tags: { domain: analytics }']));
    const d = diffLandingZones(before, after);
    expect(d.guardrails.attachments).toEqual([{ target: 'account analytics-prod', attached: ['deny-all'], detached: [] }]);
    // Global services are outside the region guardrail: they were allowed in the region no version allows, too.
    expect(d.guardrails.effects.map((e) => [e.where, e.accounts, e.actions, e.principal, e.was, e.now, e.reasons, e.regions])).toEqual([
      [['Workloads/Prod'], ['analytics-prod'], ['ec2:RunInstances', 'lambda:CreateFunction', 's3:GetObject', 's3:PutObject'], 'an ordinary role', 'allowed', 'denied', ['deny-all'], ['us-east-1', 'eu-west-1', 'us-west-2']],
      [['Workloads/Prod'], ['analytics-prod'], ['kms:Decrypt', 'sts:AssumeRole'], 'an ordinary role', 'allowed', 'denied', ['deny-all'], ['us-east-1', 'eu-west-1', 'us-west-2', 'eu-central-1']],
    ]);
    expect(d.flags).toEqual([]);
  });
});

describe('lists that stay readable at thousands of accounts', () => {
  test('listed names at most max items, then how many more', () => {
    expect(listed(['a', 'b'], 2)).toBe('a, b');
    expect(listed(['a', 'b', 'c', 'd'], 2)).toBe('a, b and 2 more');
  });

  test('groupPairs puts the VPC in the most pairs first, then the remaining pairs', () => {
    expect(groupPairs([['a', 'new'], ['b', 'new'], ['new', 'z'], ['b', 'c']])).toEqual([{ vpc: 'new', with: ['a', 'b', 'z'] }, { vpc: 'b', with: ['c'] }]);
  });
});
