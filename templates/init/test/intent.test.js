// The intent of this landing zone, pinned: `npm test` fails when a change to org.yaml breaks it,
// and says what would have to change. Replace these with your own.
const { test } = require('node:test');
const { join } = require('node:path');
const {
  loadLandingZone,
  assertAllowed,
  assertDenied,
  assertReaches,
  assertDoesNotReach,
  assertResource,
  assertPermissionSetOnEveryAccount,
} = require('landing-zone-compiler/testing');

const lz = loadLandingZone(join(__dirname, '..', 'org.yaml'));

test('workloads run only in the approved regions', () => {
  assertAllowed(lz, 'payments-prod', 'ec2:RunInstances', { region: 'us-east-1' });
  assertDenied(lz, 'payments-prod', 'ec2:RunInstances', { region: 'ap-south-1' });
});

test('no sandbox VPC reaches production, shared services reach it', () => {
  assertDoesNotReach(lz, 'sandbox-alice/main', 'payments-prod/main');
  assertReaches(lz, 'shared-services/main', 'payments-prod/main');
});

test('developers can read every production account', () => {
  assertPermissionSetOnEveryAccount(lz, { ou: 'Workloads/Prod', permissionSet: 'ReadOnly', principal: 'developers' });
});

test('no plan can close a member account', () => {
  const members = lz.model.accounts.filter((a) => !a.isManagement).length;
  assertResource(lz, 'aws_organizations_account', { close_on_deletion: false, lifecycle: { prevent_destroy: true } }, { count: members });
});
