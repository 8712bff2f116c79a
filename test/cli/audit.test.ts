import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { FIXTURES, PROJECT_DIR, tempDir } from '../helpers';

async function lz(cwd: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd, env: {} });
  return { code, stdout, stderr };
}

/** The default org.yaml with its audit section replaced by `section`, in a directory of its own (with policies/). */
function withAudit(section: string): string {
  const dir = tempDir('lz-audit-');
  mkdirSync(join(dir, 'policies'));
  writeFileSync(join(dir, 'policies', 'sandbox-guardrails.json'), readFileSync(join(PROJECT_DIR, 'policies', 'sandbox-guardrails.json')));
  const text = readFileSync(join(PROJECT_DIR, 'org.yaml'), 'utf8');
  const start = text.indexOf('\naudit:\n');
  expect(start).toBeGreaterThan(0);
  writeFileSync(join(dir, 'org.yaml'), `${text.slice(0, start)}\n${section}`);
  return dir;
}

describe('lz audit', () => {
  test('the one-account fixture: every control, its verdict, reason, evidence and reference, pinned', async () => {
    const r = await lz(join(FIXTURES, 'valid'), 'audit', 'audit.yaml');
    expect(r.stdout).toMatchSnapshot();
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe('lz audit: 30 Security Hub controls over 1 accounts x 1 regions (eu-west-1): 0 satisfied, 20 not satisfied, 0 excepted, 10 not applicable; 30 required, 20 of them not satisfied: Config.1, GuardDuty.1, SecurityHub.1, IAM.28, CloudTrail.1, CloudTrail.2, CloudTrail.4, CloudTrail.5, EC2.7, EC2.8, Account.1, S3.1, IAM.7, IAM.11, IAM.12, IAM.13, IAM.14, IAM.15, IAM.16, IAM.17.');
  });

  test('the default org.yaml requires every control and passes: satisfied, or excepted with its reason', async () => {
    const r = await lz(PROJECT_DIR, 'audit');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('lz audit: 30 Security Hub controls over 10 accounts x 3 regions (us-east-1, eu-west-1, us-west-2): 27 satisfied, 0 not satisfied, 3 excepted, 0 not applicable; 30 required, 0 of them not satisfied.');
    expect(r.stdout).toContain([
      'CloudTrail.1  satisfied (required)  satisfied in 10 of 10 accounts  [High; FSBP, CIS AWS Foundations Benchmark v1.2.0 2.1, CIS AWS Foundations Benchmark v1.4.0 3.1, CIS AWS Foundations Benchmark v3.0.0 3.1]',
      '  CloudTrail should be enabled and configured with at least one multi-Region trail that includes read and write management events',
      '  satisfied (10): the organization trail is multi-Region and records read and write management events',
      '    in analytics-nonprod, analytics-prod, log-archive and 7 more',
      '    evidence: org-trail: aws_cloudtrail.organization_trail',
      '  https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-1',
    ].join('\n'));
    expect(r.stdout).toContain('IAM.17  excepted (required)  satisfied in 0 of 10 accounts  [Medium; CIS AWS Foundations Benchmark v1.2.0 1.11]');
  });

  test('without an audit section it only reports, and exits 0 even with controls not satisfied', async () => {
    const r = await lz(withAudit(''), 'audit');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/; none required \(org.yaml has no audit section\)\.$/);
    expect(r.stdout).toContain('IAM.17  NOT SATISFIED  satisfied in 0 of 10 accounts');
  });

  test('exit 1 when a required control is not satisfied, 0 when the required ones are', async () => {
    expect((await lz(withAudit('audit:\n  required: [CloudTrail.1, CloudTrail.4, KMS.4, S3.5]\n'), 'audit')).code).toBe(0);
    const failing = await lz(withAudit('audit:\n  required: [CloudTrail.1, IAM.17]\n'), 'audit');
    expect(failing.code).toBe(1);
    expect(failing.stdout.split('\n')[0]).toMatch(/2 required, 1 of them not satisfied: IAM\.17\.$/);
  });

  test('an exception accepts a failure for the accounts it names', async () => {
    const accounts = '[analytics-nonprod, analytics-prod, log-archive, management, payments-nonprod, payments-prod, sandbox-alice, security-tooling, shared-services]';
    const r = await lz(withAudit(`audit:\n  required: [IAM.17]\n  exceptions:\n    IAM.17: { reason: No expiry until the identity provider enforces it., accounts: ${accounts} }\n`), 'audit');
    expect(r.stdout).toContain('IAM.17  NOT SATISFIED (required)  satisfied in 0 of 10 accounts  [Medium; CIS AWS Foundations Benchmark v1.2.0 1.11]');
    expect(r.stdout).toContain('excepted (9): the password policy lacks passwords expiring within 90 days (excepted: No expiry until the identity provider enforces it.)');
    expect(r.stdout).toContain('not satisfied (1): the password policy lacks passwords expiring within 90 days\n    in network');
    expect(r.code).toBe(1);
  });

  test('--out reads an existing output directory; --format json; usage errors exit 2', async () => {
    const dir = tempDir('lz-audit-out-');
    expect((await lz(PROJECT_DIR, 'synth', '--out', join(dir, 'cdktf.out'))).code).toBe(0);
    const fromOut = await lz(PROJECT_DIR, 'audit', '--out', join(dir, 'cdktf.out'), '--format', 'json');
    const report = JSON.parse(fromOut.stdout) as { controls: Array<{ id: string; status: string; url: string }> };
    expect(report.controls.find((c) => c.id === 'KMS.4')).toMatchObject({ status: 'satisfied', url: 'https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html#kms-4' });
    const missing = await lz(PROJECT_DIR, 'audit', '--out', join(dir, 'nowhere'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nowhere has no stacks\/ directory: run `lz synth` first/);
    expect((await lz(PROJECT_DIR, 'audit', '--format', 'xml')).code).toBe(2);
  });
});
