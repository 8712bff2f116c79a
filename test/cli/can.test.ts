import { main } from '../../src/cli/main';
import { PROJECT_DIR } from '../helpers';

async function lz(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd: PROJECT_DIR, env: {} });
  return { code, stdout, stderr };
}

describe('lz can on the default org.yaml', () => {
  test('a Prod account cannot act in an unapproved region, and the answer names the policy and level', async () => {
    const r = await lz('can', 'payments-prod', 'ec2:RunInstances', '--region', 'eu-central-1');
    expect(r.code).toBe(3);
    expect(r.stdout).toBe([
      'payments-prod: ec2:RunInstances in eu-central-1 as arn:aws:iam::000000000000:role/lz-can-principal',
      'DENIED: ec2:RunInstances on *',
      '  explicit Deny at Root: policy deny-unapproved-regions, statement DenyUnapprovedRegions',
      '',
    ].join('\n'));
  });

  test('the break-glass role can', async () => {
    const r = await lz('can', 'payments-prod', 'ec2:RunInstances', '--region', 'eu-central-1', '--principal-arn', 'arn:aws:iam::111122223333:role/BreakGlass');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      'payments-prod: ec2:RunInstances in eu-central-1 as arn:aws:iam::111122223333:role/BreakGlass',
      'ALLOWED: ec2:RunInstances on * is allowed by the SCPs at every level: Root (FullAWSAccess) > Workloads (FullAWSAccess) > Workloads/Prod (FullAWSAccess) > account payments-prod (FullAWSAccess).',
      '',
    ].join('\n'));
  });

  test('an approved region is allowed; a global service is allowed anywhere', async () => {
    expect((await lz('can', 'payments-prod', 'ec2:RunInstances', '--region', 'eu-west-1')).code).toBe(0);
    expect((await lz('can', 'payments-prod', 'iam:ListRoles', '--region', 'eu-central-1')).code).toBe(0);
  });

  test('the log archive bucket cannot be deleted from a Security account', async () => {
    const r = await lz('can', 'log-archive', 's3:DeleteBucket', '--resource', 'arn:aws:s3:::example-org-log-archive');
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('  explicit Deny at Security: policy security-guardrails, statement ProtectLogArchiveBucket\n');
    expect((await lz('can', 'log-archive', 's3:DeleteBucket', '--resource', 'arn:aws:s3:::some-other-bucket')).code).toBe(0);
  });

  test('IMDSv1 launches are denied for an instance resource', async () => {
    const r = await lz('can', 'analytics-nonprod', 'ec2:RunInstances', '--resource', 'arn:aws:ec2:us-east-1:111122223333:instance/*');
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('explicit Deny at Workloads: policy workload-guardrails, statement RequireImdsv2');
  });

  test('SCPs do not apply to the management account', async () => {
    const r = await lz('can', 'management', 'organizations:LeaveOrganization');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ALLOWED: SCPs do not apply to the management account management; only its IAM policies decide.');
  });

  test('an unknown account is a usage error with a suggestion', async () => {
    const r = await lz('can', 'payments-prd', 'ec2:RunInstances');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('lz: unknown account `payments-prd`. Did you mean `payments-prod`?\n');
  });
});
