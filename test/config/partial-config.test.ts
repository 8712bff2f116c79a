import { error, formatPath } from '../../src/config/diagnostics';
import { withoutFollowOns } from '../../src/config/partial-config';
import { validateYaml } from '../helpers';

const doc = (management: string, extra = '') => `organization:
  name: partial
  homeRegion: ${management}
  managementAccount: management
organizationalUnits:
  Workloads:
    children:
      Prod: {}
accounts:
  management:
    name: Management
    email: aws+management@example.com
    ou: Root
    id: "111122223333"
  app-prod:
    name: App Prod
    email: aws+app-prod@example.com
    ou: Workloads/Prd
${extra}`;

const codes = (text: string) => validateYaml(text).diagnostics.map((d) => `${d.code} ${formatPath(d.path)}`);

describe('rules judge the part of the document that parses', () => {
  test('an entry that does not parse is set aside, and the rest is still judged; no model is built', () => {
    const result = validateYaml(doc('us-east-1', '  broken:\n    name: [not, a, name]\n    email: aws+broken@example.com\n    ou: Workloads/Prod\n'));
    expect(result.diagnostics.map((d) => `${d.code} ${formatPath(d.path)}`)).toEqual(['LZ0103 accounts.app-prod.ou', 'LZ0010 accounts.broken.name']);
    expect(result.model).toBeUndefined();
  });

  test('an error where nothing can be set aside stops there: the schema error alone is reported', () => {
    expect(codes(doc('[us-east-1]'))).toEqual(['LZ0010 organization.homeRegion']);
  });
});

describe('follow-on findings of set-aside entries', () => {
  const findings = [
    error('LZ0401', ['logging', 'account'], 'The account `broken` named as the log archive is not in accounts.', 'Add it.'),
    error('LZ0103', ['accounts', 'x', 'ou'], 'The OU path "Legacy/Old" does not exist in organizationalUnits.', 'Fix it.'),
    error('LZ0107', ['accounts', 'broken', 'email'], 'Inside the entry.', 'Fix it.'),
    error('LZ0103', ['accounts', 'y', 'ou'], 'The OU path "Legacyish" does not exist in organizationalUnits.', 'Fix it.'),
    error('LZ0102', ['accounts', 'z', 'email'], 'The email "a@b.co" is already the root email of account `brokenness`.', 'Fix it.'),
  ];

  test('findings inside a set-aside entry, or naming it (an OU path with its descendants), are dropped; others are kept', () => {
    const kept = withoutFollowOns(findings, [['accounts', 'broken'], ['organizationalUnits', 'Legacy']]);
    expect(kept.map((f) => f.message)).toEqual([
      'The OU path "Legacyish" does not exist in organizationalUnits.',
      'The email "a@b.co" is already the root email of account `brokenness`.',
    ]);
  });

  test('nothing set aside, nothing dropped', () => {
    expect(withoutFollowOns(findings, [])).toEqual(findings);
  });
});
