import { defaultModel } from '../../helpers';
import { auditOfModel } from './audit-helpers';

/**
 * The default org.yaml against every control of the catalog, with its own audit section: each
 * control is satisfied, or excepted for the reason org.yaml gives (10 accounts x 3 regions, 7 VPCs).
 */
describe('lz audit of the default org.yaml', () => {
  const model = defaultModel();
  const report = auditOfModel(model, model.audit);
  const summary = Object.fromEntries(report.controls.map((c) => [c.id, `${c.status} ${c.units.filter((u) => u.status === 'satisfied').length}/${c.units.length}`]));

  it('satisfies every required control but the reviewed exceptions, so nothing fails', () => {
    expect(report.failedRequired).toEqual([]);
    expect(Object.entries(summary).filter(([, s]) => !s.startsWith('satisfied')).map(([id, s]) => `${id} ${s}`)).toEqual([
      'EC2.8 excepted 27/30', // the management account: no SCP applies to it
      'EC2.21 excepted 0/7',
      'IAM.17 excepted 0/10',
    ]);
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
});
