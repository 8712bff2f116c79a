import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTROL_IDS } from '../../../src/model/audit/catalog';
import { defaultModel, PROJECT_DIR } from '../../helpers';
import { auditOfModel } from './audit-helpers';

/**
 * The default org.yaml requires every control of the catalog (its `audit` section) and passes:
 * each control is satisfied in every account and region it judges, or excepted there with the
 * reviewed reason org.yaml gives.
 */
describe('lz audit of the default org.yaml', () => {
  const model = defaultModel();
  const report = auditOfModel(model, model.audit);
  const summary = Object.fromEntries(report.controls.map((c) => [c.id, `${c.status} ${c.units.filter((u) => u.status === 'satisfied').length}/${c.units.length}`]));

  it('requires every control and fails none', () => {
    expect(report.controls.every((c) => c.required)).toBe(true);
    expect(report.failedRequired).toEqual([]);
  });

  it('satisfies the per-account and per-region baseline in all 10 accounts and 3 regions, the management account included', () => {
    expect(summary).toMatchObject({
      'Config.1': 'satisfied 30/30',
      'GuardDuty.1': 'satisfied 30/30',
      'SecurityHub.1': 'satisfied 30/30',
      'EC2.7': 'satisfied 30/30',
      'IAM.28': 'satisfied 30/30',
      'S3.1': 'satisfied 10/10',
      'Account.1': 'satisfied 10/10',
      'IAM.7': 'satisfied 10/10',
      'IAM.15': 'satisfied 10/10',
      'IAM.16': 'satisfied 10/10',
    });
  });

  it('satisfies the trail, its buckets and keys, and every VPC it builds (7)', () => {
    expect(summary).toMatchObject({
      'CloudTrail.1': 'satisfied 10/10',
      'CloudTrail.2': 'satisfied 10/10',
      'CloudTrail.4': 'satisfied 10/10',
      'CloudTrail.5': 'satisfied 10/10',
      'CloudTrail.6': 'satisfied 1/1',
      'CloudTrail.7': 'satisfied 1/1',
      'S3.5': 'satisfied 2/2',
      'S3.8': 'satisfied 2/2',
      'KMS.4': 'satisfied 2/2',
      'EC2.2': 'satisfied 7/7',
      'EC2.6': 'satisfied 7/7',
      'EC2.53': 'satisfied 7/7',
      'EC2.54': 'satisfied 7/7',
    });
  });

  it('excepts only what org.yaml excepts, where it excepts it', () => {
    const excepted = report.controls.filter((c) => c.status === 'excepted').map((c) => c.id).sort();
    expect(excepted).toEqual(Object.keys(model.audit!.exceptions).sort());
    // EC2.8 is excepted in the management account only, where service control policies do not apply.
    const ec28 = report.controls.find((c) => c.id === 'EC2.8')!;
    expect(ec28.units.filter((u) => u.status !== 'satisfied').map((u) => u.account)).toEqual(['management', 'management', 'management']);
    expect(ec28.units.filter((u) => u.status === 'satisfied')).toHaveLength(27);
  });

  it('satisfies GuardDuty.1 in every account and allowed region: the administrator and the organization configuration exist in each region', () => {
    expect(summary['GuardDuty.1']).toBe('satisfied 30/30');
    const unit = report.controls.find((c) => c.id === 'GuardDuty.1')!.units.find((u) => u.account === 'payments-prod' && u.region === 'eu-west-1')!;
    expect(unit.evidence).toEqual([
      { stack: 'delegated-administrators', address: 'aws_guardduty_organization_admin_account.service_admin_guardduty__eu-west-1' },
      { stack: 'security-tooling', address: 'aws_guardduty_organization_configuration.guardduty_organization__eu-west-1' },
    ]);
  });

  it('satisfies SecurityHub.1 in every account and allowed region through the central configuration policy at the root', () => {
    expect(summary['SecurityHub.1']).toBe('satisfied 30/30');
    const unit = report.controls.find((c) => c.id === 'SecurityHub.1')!.units.find((u) => u.account === 'payments-prod' && u.region === 'us-west-2')!;
    expect(unit.reason).toBe('a central configuration policy enables Security Hub for the whole organization in this region');
    expect(unit.evidence).toEqual([{ stack: 'security-tooling', address: 'aws_securityhub_configuration_policy_association.securityhub_policy_association__root' }]);
  });

  it('has no exception left for GuardDuty.1 or SecurityHub.1', () => {
    expect(Object.keys(model.audit!.exceptions).sort()).toEqual(['EC2.21', 'EC2.8', 'IAM.17']);
  });

  it('is what the README\'s control table says, row by row, every control once', () => {
    const readme = readFileSync(join(PROJECT_DIR, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Audit\n'), readme.indexOf('## Documentation\n'));
    const rows = section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| controls')).map((l) => l.split(' | ').map((c) => c.replace(/^\| |\s*\|$/g, '')));
    expect(rows.length).toBeGreaterThan(5);
    const listed = rows.flatMap(([ids]) => ids!.split(', '));
    expect([...listed].sort()).toEqual([...CONTROL_IDS].sort());
    for (const [ids, , verdict] of rows) {
      const [, satisfied, total] = /satisfied in (\d+) of (\d+)/.exec(verdict!)!;
      const status = verdict!.startsWith('excepted') ? 'excepted' : 'satisfied';
      for (const id of ids!.split(', ')) expect([id, summary[id]]).toEqual([id, `${status} ${satisfied}/${total}`]);
    }
  });
});
