import { join } from 'node:path';
import {
  assertAllowed,
  assertDenied,
  assertDoesNotReach,
  assertPermissionSetOnEveryAccount,
  assertReaches,
  assertResource,
  findResources,
  landingZoneFromText,
  loadLandingZone,
  matchesPartially,
} from '../../src/testing';
import { assertionFailure, DEFAULT_ORG, FIXTURES, projectLikeDir } from '../helpers';

describe('the test kit over the default org.yaml', () => {
  const lz = loadLandingZone(DEFAULT_ORG);

  test('an account may or may not perform an action, and a failure names the policy and level that decided', () => {
    assertDenied(lz, 'payments-prod', 'ec2:RunInstances', { region: 'eu-central-1' });
    expect(assertAllowed(lz, 'payments-prod', 'ec2:RunInstances').allowed).toBe(true);
    expect(assertionFailure(() => assertAllowed(lz, 'payments-prod', 'ec2:RunInstances', { region: 'eu-central-1' }))).toBe(
      'Expected payments-prod ec2:RunInstances on * in eu-central-1 as arn:aws:iam::000000000000:role/lz-can-principal to be allowed, but it is denied.\n' +
        'DENIED: ec2:RunInstances on *\n' +
        '  explicit Deny at Root: policy deny-unapproved-regions, statement DenyUnapprovedRegions\n' +
        'Not evaluated: the request did not give what these statements test, and the answer above leaves them out:\n' +
        '  Deny at Workloads: policy workload-guardrails, statement RequireImdsv2 needs a resource (--resource <arn>), ec2:MetadataHttpTokens (--context ec2:MetadataHttpTokens=<value>)\n' +
        'To allow it, change the policy named above at that level (or its attachment) in org.yaml.',
    );
    expect(assertionFailure(() => assertDenied(lz, 'payments-prod', 'ec2:RunInstances'))).toBe(
      'Expected payments-prod ec2:RunInstances on * in us-east-1 as arn:aws:iam::000000000000:role/lz-can-principal to be denied, but it is allowed.\n' +
        'ALLOWED: ec2:RunInstances on * is allowed by the SCPs at every level: Root (FullAWSAccess) > Workloads (FullAWSAccess) > Workloads/Prod (FullAWSAccess) > account payments-prod (FullAWSAccess).\n' +
        'Not evaluated: the request did not give what these statements test, and the answer above leaves them out:\n' +
        '  Deny at Workloads: policy workload-guardrails, statement RequireImdsv2 needs a resource (--resource <arn>), ec2:MetadataHttpTokens (--context ec2:MetadataHttpTokens=<value>)\n' +
        'To deny it, attach a guardrail that denies it at one of these levels, or remove the Allow at one level.',
    );
    expect(assertionFailure(() => assertAllowed(lz, 'payments-prd', 'ec2:RunInstances'))).toMatch(/^.*org\.yaml has no account `payments-prd`; its accounts are analytics-nonprod, /);
  });

  test('VPCs reach or do not reach each other, and a failure shows the route that decides, in both directions', () => {
    assertReaches(lz, 'shared-services/main', 'payments-prod/main');
    assertDoesNotReach(lz, 'sandbox-alice/main', 'payments-prod/main');
    expect(assertionFailure(() => assertReaches(lz, 'sandbox-alice/main', 'payments-prod/main'))).toBe(
      'Expected sandbox-alice/main and payments-prod/main to reach each other, but they do not:\n' +
        'sandbox-alice/main (segment sandbox) -> payments-prod/main 10.0.16.0/20: dropped by a blackhole static route to 10.0.0.0/8\n' +
        'payments-prod/main (segment prod) -> sandbox-alice/main 10.48.0.0/22: dropped by a blackhole static route to 10.0.0.0/8\n' +
        'Let their segments reach each other (network.segments.<segment>.reaches), or remove the static route that sends the traffic elsewhere.',
    );
    expect(assertionFailure(() => assertDoesNotReach(lz, 'shared-services/main', 'payments-prod/main'))).toBe(
      'Expected shared-services/main and payments-prod/main not to reach each other, but they do:\n' +
        'shared-services/main (segment shared) -> payments-prod/main 10.0.16.0/20: delivered by the propagated route 10.0.16.0/20 (segment shared peers with prod)\n' +
        'payments-prod/main (segment prod) -> shared-services/main 10.32.16.0/20: delivered by the propagated route 10.32.16.0/20 (segment prod peers with shared)\n' +
        'Remove the reaches entry between their segments, or put the VPCs in segments that do not peer.',
    );
    expect(assertionFailure(() => assertReaches(lz, 'payments-prod/main', 'nowhere/main'))).toMatch(/has no VPC `nowhere\/main` \(write <account key>\/<vpc key>\)/);
  });

  test('a stack has a resource with values, whichever stack holds it; a failure shows the closest candidates', () => {
    const [account] = assertResource(lz, 'aws_organizations_account', { name: 'Example Payments Prod', close_on_deletion: false, lifecycle: { prevent_destroy: true } }, { count: 1 });
    expect(account!.values.email).toBe('aws+payments-prod@example.com');
    expect(findResources(lz, 'aws_organizations_account', { name: /^Example / }).length).toBe(9);
    expect(findResources(lz, 'data.aws_identitystore_group').length).toBe(3);
    const message = assertionFailure(() => assertResource(lz, 'aws_organizations_account', { name: 'Example Payments Prod', close_on_deletion: true }));
    expect(message).toMatch(/^Expected at least one aws_organizations_account with \{"name":"Example Payments Prod","close_on_deletion":true\}, found 0 \(9 aws_organizations_account in all\)\.\nClosest:\n  account-payments-prod: aws_organizations_account\.account\n    close_on_deletion: expected true, got false\n/);
    expect(assertionFailure(() => assertResource(lz, 'aws_organizations_account', {}, { count: 2 }))).toMatch(/^Expected exactly 2 aws_organizations_account with \{\}, found 9 \(9 aws_organizations_account in all\)\.\nFound: /);
  });

  test('every account of an OU gets a permission set, and a failure lists the accounts that lack it', () => {
    assertPermissionSetOnEveryAccount(lz, { ou: 'Workloads/Prod', permissionSet: 'ReadOnly', principal: 'developers' });
    assertPermissionSetOnEveryAccount(lz, { ou: 'Root', permissionSet: 'SecurityAudit' });
    expect(assertionFailure(() => assertPermissionSetOnEveryAccount(lz, { ou: 'Workloads/Prod', permissionSet: 'PowerUser', principal: 'developers' }))).toBe(
      'Expected permission set PowerUser for developers on every account in Workloads/Prod, but 2 of 2 lack it: analytics-prod, payments-prod.\n' +
        'Add an assignment with permissionSet: PowerUser, the principal developers and ous: [Workloads/Prod] under identityCenter.assignments, or remove the exclusion that leaves these accounts out.',
    );
  });
});

describe('loading', () => {
  test('an invalid org.yaml fails with every diagnostic', () => {
    const message = assertionFailure(() => loadLandingZone(join(FIXTURES, 'invalid', 'LZ0102-duplicate-email.yaml')));
    expect(message).toMatch(/LZ0102-duplicate-email\.yaml does not validate:\n.*error {2}LZ0102 {2}accounts\./);
  });

  test('from text, relative to a directory', () => {
    const lz = landingZoneFromText('organization: { name: x, homeRegion: eu-west-1, managementAccount: management }\naccounts: { management: { name: M, email: aws+m@example.com, ou: Root, id: "111122223333" } }\n', projectLikeDir());
    expect(lz.model.accounts.map((a) => a.key)).toEqual(['management']);
    expect(assertionFailure(() => assertPermissionSetOnEveryAccount(lz, { ou: 'Root', permissionSet: 'ReadOnly' }))).toBe('org.yaml has no identityCenter section, so no permission set is assigned.');
  });
});

test.each([
  [{ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] } }, true],
  [{ a: 1 }, { a: 2 }, false],
  [{ a: [1, 2] }, { a: [1] }, false],
  [{ a: 'Example Prod' }, { a: /Prod$/ }, true],
  [{ a: null }, { a: null }, true],
  [{}, { a: undefined }, true],
  [{ a: 1 }, { a: { b: 1 } }, false],
])('matchesPartially(%j, %p) is %s', (actual, expected, result) => {
  expect(matchesPartially(actual, expected)).toBe(result);
});
