import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers';
import { installMockOrganization } from './mock-organization';
import { run } from './run-import';

describe('lz import on the command line', () => {
  let restore: () => void = () => undefined;
  afterEach(() => restore());

  test('a missing permission exits 2, names the IAM action, and writes nothing', async () => {
    restore = installMockOrganization({ denied: ['ListAccountsForParent'] }).restore;
    const dir = tempDir('lz-import-denied-');
    const r = await run(['import', '--region', 'eu-west-1'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('lz: access denied for organizations:ListAccountsForParent in the management account (User: arn:aws:sts::111111111111:assumed-role/ReadOnly/me is not authorized to perform: ListAccountsForParent). Grant organizations:ListAccountsForParent to the credentials lz import runs with.\n');
    expect(existsSync(join(dir, 'org.yaml'))).toBe(false);
    expect(existsSync(join(dir, 'lz.lock.json'))).toBe(false);
  });

  test('--without identity-center skips a denied Identity Center and says so in the report', async () => {
    restore = installMockOrganization({ denied: ['ListInstances'] }).restore;
    const dir = tempDir('lz-import-without-');
    const denied = await run(['import', '--region', 'eu-west-1'], dir);
    expect(denied.code).toBe(2);
    expect(denied.stderr).toContain('Grant sso:ListInstances to the credentials lz import runs with, or leave identity-center out with --without identity-center.');
    const r = await run(['import', '--region', 'eu-west-1', '--without', 'identity-center'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  - IAM Identity Center: left out on the command line (--without).');
    expect(readFileSync(join(dir, 'org.yaml'), 'utf8')).not.toContain('identityCenter');
  });

  test('existing files are never replaced without --force; the organization name defaults to the management account key', async () => {
    restore = installMockOrganization().restore;
    const dir = tempDir('lz-import-exists-');
    writeFileSync(join(dir, 'org.yaml'), 'hand-written\n');
    const r = await run(['import', '--region', 'eu-west-1'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('already exists; lz import writes a new configuration. Choose another --out directory, or pass --force to replace them.');
    expect(readFileSync(join(dir, 'org.yaml'), 'utf8')).toBe('hand-written\n');
    expect((await run(['import', '--region', 'eu-west-1', '--force'], dir)).code).toBe(0);
    const yaml = readFileSync(join(dir, 'org.yaml'), 'utf8');
    expect(yaml).toContain('organization:\n  name: acme-management\n  id: o-a1b2c3d4e5\n');
    expect(yaml).toContain('  data-lake-555555555591:\n    name: Data Lake\n');
    expect(yaml).toContain('      Non-Prod:\n        id: ou-a1b2-nonprod1\n        name: Non Prod\n');
    expect(readFileSync(join(dir, 'policies', 'DenyLeaveOrganization.json'), 'utf8')).toContain('"organizations:LeaveOrganization"');
  });

  test('throttling is retried until the answer comes', async () => {
    const mock = installMockOrganization({ throttled: { DescribeOrganization: 2 } });
    restore = mock.restore;
    const r = await run(['import', '--region', 'eu-west-1', '--without', 'identity-center'], tempDir('lz-import-throttle-'));
    expect(r.code).toBe(0);
    expect(mock.mocks.organizations.commandCalls((await import('@aws-sdk/client-organizations')).DescribeOrganizationCommand)).toHaveLength(3);
  });
});

test('missing credentials are a usage problem with the SDK\'s words, not an internal error', async () => {
  const { restore, mocks } = installMockOrganization();
  try {
    const { DescribeOrganizationCommand } = await import('@aws-sdk/client-organizations');
    mocks.organizations.on(DescribeOrganizationCommand).rejects(Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }));
    const r = await run(['import', '--region', 'eu-west-1'], tempDir('lz-import-nocreds-'));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('lz: reading the organization failed: CredentialsProviderError: Could not load credentials from any providers\n');
  } finally {
    restore();
  }
});
