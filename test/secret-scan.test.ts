import fc from 'fast-check';
import { copyFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../src/cli/main';
import { DEFAULT_ORG, modelOf, PROJECT_DIR, readTree, synth, tempDir } from './helpers';
import { orgDocument, validateGenerated } from './properties/org-arbitrary';
import { scanForLeaks } from './secret-scan';

describe('synthesized output holds no secrets and no paths of the machine that ran synth', () => {
  test('lz synth of the default org.yaml, run from a temporary project directory', async () => {
    const dir = tempDir('lz-leaks-');
    copyFileSync(DEFAULT_ORG, join(dir, 'org.yaml'));
    cpSync(join(PROJECT_DIR, 'policies'), join(dir, 'policies'), { recursive: true });
    const code = await main(['synth', '--out', 'out'], { stdout: { write: () => true }, stderr: { write: () => true }, cwd: dir, env: {} });
    expect(code).toBe(0);

    const files = { ...readTree(join(dir, 'out')), 'lz.lock.json': readTree(dir)['lz.lock.json']! };

    expect(Object.keys(files).length).toBeGreaterThan(2);
    expect(scanForLeaks(files, [dir, join(dir, 'out'), PROJECT_DIR])).toEqual([]);
  });

  test('the property-test corpus (8 random valid org.yaml documents)', () => {
    fc.assert(
      fc.property(orgDocument, (doc) => {
        expect(scanForLeaks(synth(modelOf(validateGenerated(doc))).files, [PROJECT_DIR])).toEqual([]);
      }),
      { seed: 5, numRuns: 8 },
    );
  });
});

describe('the scan itself', () => {
  test.each([
    ['AWS access key id', '{"key": "AKIAIOSFODNN7EXAMPLE"}'],
    ['AWS secret access key', '{"aws_secret_access_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}'],
    ['private key', '-----BEGIN RSA PRIVATE KEY-----\nMIIE'],
    ['GitHub token', 'token ghp_0123456789abcdefghijABCDEFGHIJ012345'],
    ['Terraform Cloud token', `"abcdefghijklmn.atlasv1.${'x'.repeat(64)}"`],
    ['password or token literal', '{"password": "hunter2hunter2"}'],
    ['home directory path', '{"path": "/home/ci/project/terraform.tfstate"}'],
    ['temporary directory path', '{"path": "/tmp/lz-test-abc/cdktf.out"}'],
    ['path of this machine', `{"path": "${PROJECT_DIR}/x"}`],
  ])('finds a %s', (kind, content) => {
    expect(scanForLeaks({ 'cdk.tf.json': content }, [PROJECT_DIR]).map((l) => l.kind)).toContain(kind);
  });

  test('accepts relative paths, ARNs and references', () => {
    const content = '{"path": "../../terraform.organization.tfstate", "arn": "arn:aws:iam::123456789012:role/OrganizationAccountAccessRole", "id": "${aws_organizations_account.account_x.id}"}';
    expect(scanForLeaks({ 'cdk.tf.json': content })).toEqual([]);
  });
});
