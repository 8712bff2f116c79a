import { copyFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { DEFAULT_ORG, PROJECT_DIR, readTree, tempDir } from '../helpers';

async function run(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd, env: {} });
  return { code, stdout, stderr };
}

describe('lz synth keeps a removed account open and under review', () => {
  test('refuses the removal, then releases it with --allow-removal and updates the record', async () => {
    // Given an organization synthesized once, and org.yaml without sandbox-alice
    const dir = tempDir('lz-safe-cli-');
    copyFileSync(DEFAULT_ORG, join(dir, 'org.yaml'));
    cpSync(join(PROJECT_DIR, 'policies'), join(dir, 'policies'), { recursive: true });
    expect((await run(['synth', '--out', 'out'], dir)).code).toBe(0);
    const record = readFileSync(join(dir, 'lz.lock.json'), 'utf8');
    expect(JSON.parse(record).managed.accounts['sandbox-alice']).toEqual({ email: 'aws+sandbox-alice@example.com', stack: 'sandbox-alice', stacks: ['access', 'network', 'baseline'] });
    const output = readTree(join(dir, 'out'));
    writeFileSync(join(dir, 'org.yaml'), readFileSync(DEFAULT_ORG, 'utf8').replace(/  sandbox-alice:\n(?:    .*\n)+/, ''));

    // When synthesized without confirmation, then it fails and touches nothing
    const refused = await run(['synth', '--out', 'out'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('error  LZ0801  accounts\n  The account `sandbox-alice` is in lz.lock.json but no longer in accounts');
    expect(readTree(join(dir, 'out'))).toEqual(output);
    expect(readFileSync(join(dir, 'lz.lock.json'), 'utf8')).toBe(record);

    // A mistyped confirmation is an error, not a silent no-op
    expect((await run(['validate', '--allow-removal', 'sandbox-alcie'], dir)).code).toBe(1);

    // When confirmed, then the account is released with destroy = false and leaves the record
    const released = await run(['synth', '--out', 'out', '--allow-removal', 'sandbox-alice'], dir);
    expect(released.code).toBe(0);
    // Its account stack stays, holding only `removed` blocks: for the account and for the attachments any policy could have on it.
    const stack = JSON.parse(readFileSync(join(dir, 'out', 'stacks', 'account-sandbox-alice', 'cdk.tf.json'), 'utf8'));
    expect(stack.resource).toBeUndefined();
    expect(stack.removed).toContainEqual({ from: 'aws_organizations_account.account', lifecycle: { destroy: false } });
    expect(stack.removed).toContainEqual({ from: 'aws_organizations_policy_attachment.attach_baseline', lifecycle: { destroy: false } });
    for (const block of stack.removed) expect(block.lifecycle).toEqual({ destroy: false });
    const organization = JSON.parse(readFileSync(join(dir, 'out', 'stacks', 'organization', 'cdk.tf.json'), 'utf8'));
    expect(organization.resource.aws_organizations_account).toBeUndefined();
    expect(readTree(join(dir, 'out'))['stacks/access-sandbox-alice/cdk.tf.json']).toBeUndefined();
    const after = JSON.parse(readFileSync(join(dir, 'lz.lock.json'), 'utf8')).managed;
    expect(after.accounts['sandbox-alice']).toBeUndefined();
    expect(after.released.accounts['sandbox-alice']).toMatchObject({ stack: 'sandbox-alice' });
  });
});
