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
      'Not evaluated: the request did not give what these statements test, and the answer above leaves them out:',
      '  Deny at Workloads: policy workload-guardrails, statement RequireImdsv2 needs a resource (--resource <arn>), ec2:MetadataHttpTokens (--context ec2:MetadataHttpTokens=<value>)',
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

  test('IMDSv1 launches are denied for an instance resource, and IMDSv2 launches are allowed', async () => {
    const instance = ['--resource', 'arn:aws:ec2:us-east-1:111122223333:instance/*'];
    const v1 = await lz('can', 'analytics-nonprod', 'ec2:RunInstances', ...instance, '--context', 'ec2:MetadataHttpTokens=optional');
    expect(v1.code).toBe(3);
    expect(v1.stdout).toContain('explicit Deny at Workloads: policy workload-guardrails, statement RequireImdsv2');
    expect(v1.stdout).not.toContain('Not evaluated');
    const v2 = await lz('can', 'analytics-nonprod', 'ec2:RunInstances', ...instance, '--context', 'ec2:MetadataHttpTokens=required');
    expect(v2.code).toBe(0);
    expect(v2.stdout).not.toContain('Not evaluated');
  });

  test('a statement on a condition key the request did not give is named, not silently decided', async () => {
    const r = await lz('can', 'analytics-nonprod', 'ec2:RunInstances', '--resource', 'arn:aws:ec2:us-east-1:111122223333:instance/*');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(2)).toEqual([
      'Not evaluated: the request did not give what these statements test, and the answer above leaves them out:',
      '  Deny at Workloads: policy workload-guardrails, statement RequireImdsv2 needs ec2:MetadataHttpTokens (--context ec2:MetadataHttpTokens=<value>)',
      '',
    ]);
  });

  test('a statement about a specific resource is named when the request gives no resource', async () => {
    const r = await lz('can', 'log-archive', 's3:DeleteBucket');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\nNot evaluated: the request did not give what these statements test, and the answer above leaves them out:\n'
      + '  Deny at Security: policy security-guardrails, statement ProtectLogArchiveBucket needs a resource (--resource <arn>)\n');
  });

  test('action names match case-insensitively and are shown in AWS capitalization', async () => {
    const r = await lz('can', 'payments-prod', 'EC2:runinstances', '--region', 'eu-central-1');
    expect(r.code).toBe(3);
    expect(r.stdout.split('\n')[0]).toBe('payments-prod: ec2:RunInstances in eu-central-1 as arn:aws:iam::000000000000:role/lz-can-principal');
    expect(r.stdout).toContain('explicit Deny at Root: policy deny-unapproved-regions, statement DenyUnapprovedRegions');
  });

  test.each([
    [['payments-prod', 'ec3:RunInstances'], 'lz: unknown service prefix `ec3` in ec3:RunInstances. Did you mean `ec2`?'],
    [['payments-prod', 'ec2:RunInstance'], 'lz: ec2 has no action `RunInstance`. Did you mean `ec2:RunInstances`?'],
    [['payments-prod', 'ec2:Run*'], 'lz: "ec2:Run*" is a pattern; name one action, e.g. ec2:RunInstances.'],
    [['payments-prod', 'RunInstances'], 'lz: "RunInstances" is not an action; write service:Action, e.g. ec2:RunInstances.'],
    [['payments-prod', 'ec2:RunInstances', '--region', 'eu-wset-1'], 'lz: unknown region `eu-wset-1` in aws. Did you mean `eu-west-1`?'],
    [['payments-prod', 'ec2:RunInstances', '--region', 'mars-1'], 'lz: unknown region `mars-1` in aws.'],
    [['payments-prod', 'ec2:RunInstances', '--region', 'cn-north-1'], 'lz: the region cn-north-1 belongs to the aws-cn partition; this organization is in aws.'],
    [['payments-prod', 'ec2:RunInstances', '--context', 'ec2:MetadataHttpTokens'], 'lz: --context takes key=value, e.g. --context ec2:MetadataHttpTokens=required; received "ec2:MetadataHttpTokens".'],
    [['payments-prod', 'ec2:RunInstances', '--context', 'ec2:MetadataHttpTokenz=required'],
      'lz: unknown condition key `ec2:MetadataHttpTokenz` in --context ec2:MetadataHttpTokenz=required: it is neither a global key (aws:...) nor a key of the service it names.'],
  ])('%j cannot be judged: exit 2 and why', async (args, message) => {
    const r = await lz('can', ...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${message}\n`);
  });

  test('--context overrides a derived key, and a key given twice is multivalued', async () => {
    const denied = await lz('can', 'payments-prod', 'ec2:RunInstances', '--context', 'aws:RequestedRegion=eu-central-1');
    expect(denied.code).toBe(3);
    expect(denied.stdout.split('\n')[0]).toBe('payments-prod: ec2:RunInstances in eu-central-1 as arn:aws:iam::000000000000:role/lz-can-principal');
    const tags = await lz('can', 'payments-prod', 'ec2:CreateTags', '--context', 'aws:TagKeys=team', '--context', 'aws:TagKeys=cost-center');
    expect(tags.code).toBe(0);
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
