import { defaultModel } from '../../helpers';
import { auditOfModel } from './audit-helpers';

/**
 * The honest result on the default org.yaml before the per-account baseline, the EC2
 * declarative policy, Security Hub central configuration and the trail's CloudWatch Logs
 * delivery land. When they do, this becomes "every required control is satisfied".
 */
describe('lz audit of the default org.yaml, as main synthesizes it today', () => {
  const report = auditOfModel(defaultModel());
  const summary = Object.fromEntries(report.controls.map((c) => [c.id, `${c.status} ${c.units.filter((u) => u.status === 'satisfied').length}/${c.units.length}`]));

  it('satisfies what the organization-wide stacks build: the trail, its bucket and key', () => {
    expect(summary).toMatchObject({
      'CloudTrail.1': 'satisfied 10/10',
      'CloudTrail.2': 'satisfied 10/10',
      'CloudTrail.4': 'satisfied 10/10',
      'CloudTrail.6': 'satisfied 1/1',
      'S3.5': 'satisfied 1/1',
      'S3.8': 'satisfied 1/1',
      'KMS.4': 'satisfied 1/1',
    });
  });

  it('does not satisfy what needs per-account, per-region work (10 accounts x 3 regions, 7 VPCs)', () => {
    expect(summary).toMatchObject({
      'Config.1': 'not-satisfied 0/30', // no recorder in any account: the baseline adds them
      'GuardDuty.1': 'not-satisfied 10/30', // the organization configuration exists in the home region only
      'SecurityHub.1': 'not-satisfied 1/30', // only the security account; LOCAL auto_enable covers accounts that join later
      'IAM.28': 'not-satisfied 1/30', // the organization analyzer counts for the security account, home region
      'CloudTrail.5': 'not-satisfied 0/10', // the trail does not deliver to CloudWatch Logs
      'CloudTrail.7': 'not-satisfied 0/1', // logging.accessLogging: false
      'EC2.2': 'not-satisfied 0/7', // default security groups of the VPCs are not managed
      'EC2.6': 'not-satisfied 0/7', // no flow logs
      'EC2.7': 'not-satisfied 0/30',
      'EC2.8': 'not-satisfied 0/30', // no IMDS account defaults; the SCP applies to Workloads and Sandbox only
      'EC2.21': 'not-satisfied 0/7', // default network ACLs allow all inbound traffic
      'Account.1': 'not-satisfied 0/10',
      'S3.1': 'not-satisfied 0/10',
      'IAM.7': 'not-satisfied 0/10',
      'IAM.15': 'not-satisfied 0/10',
    });
    expect(summary['EC2.53']).toBe('not-applicable 0/0'); // the landing zone builds no security groups
  });

  it('names the org.yaml setting that turns CloudTrail.7 off', () => {
    expect(report.controls.find((c) => c.id === 'CloudTrail.7')?.turnedOffBy).toBe('logging.accessLogging: false');
  });

  it('finds the IMDSv2 guardrail where it applies, and says the account default is missing', () => {
    const ec28 = report.controls.find((c) => c.id === 'EC2.8')!;
    expect(ec28.units.find((u) => u.account === 'payments-prod' && u.region === 'us-east-1')?.reason)
      .toBe('the account\'s instance metadata defaults do not require IMDSv2; IMDSv2 enforced by organization: aws_organizations_policy.policy_workload-guardrails');
    expect(ec28.units.find((u) => u.account === 'network')?.reason).toMatch(/no organization policy applying to the account enforces IMDSv2$/);
  });

  it('reports without requirements: nothing is required, so nothing fails', () => {
    expect(report.failedRequired).toEqual([]);
  });
});
