import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { PROJECT_DIR, tempDir, type TerraformJson } from '../helpers';
import { offlinePlan, testWithTerraform } from '../terraform';

async function run(args: string[], cwd: string) {
  let stdout = '';
  const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stdout += s) }, cwd, env: {} });
  return { code, stdout };
}

const ORG = `organization:
  name: readopt
  id: o-abcdef1234
  homeRegion: us-east-1
  managementAccount: management
organizationalUnits:
  Security: { id: ou-ab12-securit1 }
  Sandbox:
    id: ou-ab12-sandbox1
    policies: [sandbox-guardrails]
accounts:
  management: { name: Management, email: aws+management@example.com, ou: Root, id: "111122223333" }
  log-archive: { name: Log Archive, email: aws+log-archive@example.com, ou: Security }
  sandbox-bob:
    name: Sandbox Bob
    email: aws+sandbox-bob@example.com
    ou: Sandbox
    id: "333344445555"
  sandbox-carol: { name: Sandbox Carol, email: aws+sandbox-carol@example.com, ou: Sandbox }
policies:
  sandbox-guardrails:
    statements: [{ Effect: Deny, Action: "ec2:*", Resource: "*" }]
`;
const RELEASED = ORG.replace(/  Sandbox:\n(?:    .*\n)+/, '').replace(/  sandbox-bob:\n(?:    .*\n)+/, '').replace(/  sandbox-carol: .*\n/, '');
/** Declared again as a user would write it back: without the ids. */
const REDECLARED = ORG.replace('    id: ou-ab12-sandbox1\n', '').replace('    id: "333344445555"\n', '');
const RELEASE = ['--allow-removal', 'Sandbox', '--allow-removal', 'sandbox-bob', '--allow-removal', 'sandbox-carol'];

type Stacks = Record<string, TerraformJson>;
const stacksOf = (dir: string): Stacks => {
  const names = Object.keys(JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8')).stacks as object);
  return Object.fromEntries(names.map((name) => [name, JSON.parse(readFileSync(join(dir, 'out', 'stacks', name, 'cdk.tf.json'), 'utf8'))]));
};
const all = (stacks: Stacks, block: 'import' | 'removed') => Object.values(stacks).flatMap((s) => (s[block] ?? []) as TerraformJson[]);
/** `<stack>:<address>` of every block of a kind, since addresses inside an account's own stack do not name it. */
const where = (stacks: Stacks, block: 'import' | 'removed') =>
  Object.entries(stacks).flatMap(([name, s]) => ((s[block] ?? []) as TerraformJson[]).map((b) => (block === 'import' ? `${name}:${b.to}=${b.id}` : `${name}:${b.from}`)));
const record = (dir: string) => JSON.parse(readFileSync(join(dir, 'lz.lock.json'), 'utf8')).managed;
const holding = (stacks: Stacks, type: string, name: string) => Object.values(stacks).find((s) => s.resource?.[type]?.[name] !== undefined)!;

describe('declare, release, declare again: a released OU or account is imported, never created twice', () => {
  const dir = tempDir('lz-redeclare-');
  cpSync(join(PROJECT_DIR, 'policies'), join(dir, 'policies'), { recursive: true });
  const synthOf = async (text: string, extra: string[] = []) => {
    writeFileSync(join(dir, 'org.yaml'), text);
    return run(['synth', '--out', 'out', ...extra], dir);
  };
  let third: Stacks;

  beforeAll(async () => {
    expect((await synthOf(ORG)).code).toBe(0);
    expect((await synthOf(RELEASED, RELEASE)).code).toBe(0);
  });

  test('the release leaves the OU, the accounts and the OU\'s attachment with destroy = false, and the record keeps their ids', () => {
    const removed = where(stacksOf(dir), 'removed');
    expect(removed).toEqual(expect.arrayContaining([
      'organization:aws_organizations_organizational_unit.ou_Sandbox',
      'account-sandbox-bob:aws_organizations_account.account',
      'account-sandbox-carol:aws_organizations_account.account',
      'organization:aws_organizations_policy_attachment.attach_sandbox-guardrails__ou_Sandbox',
    ]));
    expect(record(dir).released).toEqual({
      accounts: { 'sandbox-bob': { id: '333344445555', stack: 'sandbox-bob' }, 'sandbox-carol': { stack: 'sandbox-carol' } },
      organizationalUnits: ['Sandbox'],
      attachments: { 'ou:Sandbox': ['sandbox-guardrails'] },
    });
    expect(record(dir).organizationalUnitIds).toEqual({ Sandbox: 'ou-ab12-sandbox1', Security: 'ou-ab12-securit1' });
  });

  test('declared again, an account whose id lz never knew is refused with the way to find it, and nothing is written', async () => {
    const before = readFileSync(join(dir, 'out', 'stacks', 'organization', 'cdk.tf.json'), 'utf8');
    const refused = await synthOf(REDECLARED);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('error  LZ0811  accounts.sandbox-carol\n'
      + '  The account `sandbox-carol` was released earlier (lz.lock.json) and still exists in AWS; declared without its id, the plan would create it a second time.\n'
      + '  Add its 12-digit id as `id: "..."` so it is imported: `aws organizations list-accounts --query "Accounts[?Email==\'aws+sandbox-carol@example.com\'].Id"` prints it.');
    expect(refused.stdout).not.toContain('sandbox-bob');
    expect(readFileSync(join(dir, 'out', 'stacks', 'organization', 'cdk.tf.json'), 'utf8')).toBe(before);
  });

  test('declared again with the ids lz recorded, or given, the OU, the accounts and the attachment are imported', async () => {
    const given = REDECLARED.replace('email: aws+sandbox-carol@example.com,', 'email: aws+sandbox-carol@example.com, id: "444455556666",');
    expect((await synthOf(given)).code).toBe(0);
    third = stacksOf(dir);
    const imports = where(third, 'import');
    expect(imports).toEqual(expect.arrayContaining([
      'organization:aws_organizations_organizational_unit.ou_Sandbox=ou-ab12-sandbox1',
      // Back in their own stacks, under the ids the record gave them.
      'account-sandbox-bob:aws_organizations_account.account=333344445555',
      'account-sandbox-carol:aws_organizations_account.account=444455556666',
      'organization:aws_organizations_policy_attachment.attach_sandbox-guardrails__ou_Sandbox=ou-ab12-sandbox1:${aws_organizations_policy.policy_sandbox-guardrails.id}',
    ]));
    const removed = all(third, 'removed').map((r) => r.from);
    expect(removed.filter((a) => /Sandbox|sandbox-/.test(a))).toEqual([]);
    expect(record(dir).released).toBeUndefined();
    expect(record(dir).accounts['sandbox-bob']).toEqual({ email: 'aws+sandbox-bob@example.com', id: '333344445555', stack: 'sandbox-bob' });
    expect(record(dir).organizationalUnitIds).toEqual({ Sandbox: 'ou-ab12-sandbox1', Security: 'ou-ab12-securit1' });
  });

  testWithTerraform('an offline plan of the third synth imports them instead of creating them', () => {
    const stack = holding(third, 'aws_organizations_organizational_unit', 'ou_Sandbox');
    // The state after the release was applied: the organization, the policy and Security are still managed.
    const policy = stack.resource.aws_organizations_policy['policy_sandbox-guardrails'];
    const plan = offlinePlan(stack, [
      { address: 'aws_organizations_organization.organization', attributes: { id: 'o-abcdef1234', feature_set: 'ALL', roots: [{ id: 'r-ab12', name: 'Root', arn: 'arn:aws:organizations::111122223333:root/o-abcdef1234/r-ab12', policy_types: [] }] } },
      { address: 'aws_organizations_policy.policy_sandbox-guardrails', attributes: { id: 'p-abcd1234', name: policy.name, type: policy.type, content: policy.content } },
      { address: 'aws_organizations_organizational_unit.ou_Security', attributes: { id: 'ou-ab12-securit1', name: 'Security', parent_id: 'r-ab12' } },
    ]);
    expect(plan.creates).toEqual([]);
    expect(plan.other.filter((c) => c.action !== 'update')).toEqual([]);
    // Each import reads its object by id (offline the read fails: no AWS), the attachment by target and policy id.
    expect(plan.reads).toEqual(['ou-ab12-sandbox1', 'ou-ab12-sandbox1:p-abcd1234']);
    expect(plan.errors.every((e) => e.includes('no such host'))).toBe(true);
    // Each account, in its own stack with an empty state, is imported, not created.
    for (const [key, id] of [['sandbox-bob', '333344445555'], ['sandbox-carol', '444455556666']] as const) {
      const account = offlinePlan(third[`account-${key}`]!, []);
      expect([key, account.creates, account.reads]).toEqual([key, [], [id]]);
    }
  });
});

describe('releasing an OU and deleting its policy in one change', () => {
  const dir = tempDir('lz-release-delete-');
  cpSync(join(PROJECT_DIR, 'policies'), join(dir, 'policies'), { recursive: true });
  const synthOf = async (text: string, extra: string[] = []) => {
    writeFileSync(join(dir, 'org.yaml'), text);
    return run(['synth', '--out', 'out', ...extra], dir);
  };
  const deleted = RELEASED.replace(/policies:\n  sandbox-guardrails:\n.*\n/, '');

  test('is refused: the released OU keeps the policy attached in AWS, so AWS would refuse the deletion', async () => {
    expect((await synthOf(ORG)).code).toBe(0);
    const refused = await synthOf(deleted, RELEASE);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('error  LZ0812  policies\n'
      + '  The policy `sandbox-guardrails` is no longer in org.yaml, but it is still attached in AWS to the OU `Sandbox`, released from lz (lz.lock.json); AWS refuses to delete a policy in use (PolicyInUseException), and lz does not detach it from what it no longer manages.\n');
  });

  test('once detached outside lz and confirmed, the policy is deleted and its attachment to the OU leaves the state untouched', async () => {
    expect((await synthOf(deleted, [...RELEASE, '--allow-removal', 'policies.sandbox-guardrails'])).code).toBe(0);
    const stack = holding(stacksOf(dir), 'aws_organizations_organizational_unit', 'ou_Security');
    expect(stack.resource.aws_organizations_policy).toBeUndefined();
    expect(all({ stack }, 'removed').map((r) => r.from)).toContain('aws_organizations_policy_attachment.attach_sandbox-guardrails__ou_Sandbox');
    expect(record(dir).released).toEqual({ accounts: { 'sandbox-bob': { id: '333344445555', stack: 'sandbox-bob' }, 'sandbox-carol': { stack: 'sandbox-carol' } }, organizationalUnits: ['Sandbox'] });
  });

  test('keeping the policy while releasing the OU records it as still attached there', async () => {
    const other = tempDir('lz-release-keep-');
    writeFileSync(join(other, 'org.yaml'), ORG);
    expect((await run(['synth', '--out', 'out'], other)).code).toBe(0);
    writeFileSync(join(other, 'org.yaml'), RELEASED);
    expect((await run(['synth', '--out', 'out', ...RELEASE], other)).code).toBe(0);
    expect(record(other).released.attachments).toEqual({ 'ou:Sandbox': ['sandbox-guardrails'] });
    // A later change that deletes it is refused the same way
    writeFileSync(join(other, 'org.yaml'), deleted);
    const later = await run(['validate'], other);
    expect(later.code).toBe(1);
    expect(later.stdout).toContain('LZ0812  policies');
  });
});

describe('an OU declared again without the policy it was released with', () => {
  test('is a warning: the attachment stays in AWS, unmanaged, until it is declared again or detached', async () => {
    const dir = tempDir('lz-redeclare-unattached-');
    for (const [text, extra] of [[ORG, []], [RELEASED, RELEASE]] as const) {
      writeFileSync(join(dir, 'org.yaml'), text);
      expect((await run(['synth', '--out', 'out', ...extra], dir)).code).toBe(0);
    }
    writeFileSync(join(dir, 'org.yaml'), REDECLARED.replace('  Sandbox:\n    policies: [sandbox-guardrails]\n', '  Sandbox: {}\n').replace(/  sandbox-carol: .*\n/, ''));
    const result = await run(['validate'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('warning  LZ0811  organizationalUnits.Sandbox\n'
      + '  The OU `Sandbox` still has the policy `sandbox-guardrails` attached in AWS from before its release; org.yaml no longer attaches it there, so it stays attached without lz managing it.\n'
      + '  Attach `sandbox-guardrails` to `Sandbox` in org.yaml to manage it again (it is imported), or detach it in AWS with `aws organizations detach-policy --policy-id <id of sandbox-guardrails> --target-id <id of Sandbox>`.');
  });
});
