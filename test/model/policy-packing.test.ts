import fc from 'fast-check';
import { stringify } from 'yaml';
import type { PolicyStatement } from '../../src/config/schema/common';
import { splitStatements } from '../../src/model/policy-packing';
import { policyLimits } from '../../src/model/policy-limits';
import { defaultModel, modelOf, resources, synth, validateYaml } from '../helpers';

/** A statement of `n` S3 bucket ARNs: about 60 characters per bucket. */
function bucketStatement(sid: string, n: number): PolicyStatement {
  return { Sid: sid, Effect: 'Deny', Action: 's3:DeleteBucket', Resource: Array.from({ length: n }, (_, i) => `arn:aws:s3:::${sid.toLowerCase()}-bucket-number-${String(i).padStart(4, '0')}`) };
}

/** An org.yaml with one OU and one account, and the given policies attached as given. */
function orgYaml(policies: Record<string, unknown>, attach: { root?: string[]; ou?: string[]; account?: string[] }, guardrails: Record<string, unknown> = {}, account: Record<string, unknown> = {}): string {
  return stringify({
    organization: { name: 'pack', homeRegion: 'eu-west-1', managementAccount: 'management', policies: attach.root ?? [] },
    organizationalUnits: { Workloads: { policies: attach.ou ?? [] } },
    accounts: {
      management: { name: 'Management', email: 'aws+management@example.com', ou: 'Root', id: '111122223333' },
      app: { name: 'App', email: 'aws+app@example.com', ou: 'Workloads', policies: attach.account ?? [], ...account },
    },
    policies,
    guardrails,
  });
}

describe('splitStatements', () => {
  test.each([['conservative', 5120], ['raised', 10240]] as const)('under the %s profile every document fits %i characters and no statement is lost', (profile, max) => {
    expect(policyLimits('SERVICE_CONTROL_POLICY', profile).maxSize).toBe(max);
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 25 }), (sizes) => {
      const statements = sizes.map((n, i) => bucketStatement(`S${i}`, n));
      const documents = splitStatements(statements, max);
      for (const d of documents) expect(d.length).toBeLessThanOrEqual(max);
      const sids = documents.flatMap((d) => (JSON.parse(d) as { Statement: PolicyStatement[] }).Statement.map((s) => s.Sid)).sort();
      expect(sids).toEqual(statements.map((s) => s.Sid).sort());
      // As few as a greedy pass allows: no two neighbouring documents would fit in one.
      for (let i = 1; i < documents.length; i++) expect(documents[i - 1]!.length + documents[i]!.length).toBeGreaterThan(max);
    }), { seed: 7, numRuns: 200 });
  });

  test('a policy that fits stays one document; a bigger one is split into parts in canonical order', () => {
    expect(splitStatements([bucketStatement('A', 10)], 5120)).toHaveLength(1);
    expect(splitStatements([bucketStatement('A', 80), bucketStatement('B', 80)], 5120)).toHaveLength(2);
    expect(splitStatements([bucketStatement('A', 80), bucketStatement('B', 80)], 10240)).toHaveLength(1);
  });
});

describe('packing is stable', () => {
  test('adding a statement to one policy leaves every other policy\'s documents and addresses as they were', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 2, maxLength: 6 }), fc.nat(), (sizes, pick) => {
      const policies = (extra: boolean) => Object.fromEntries(sizes.map((n, i) => [`p${i}`, {
        statements: [bucketStatement(`P${i}`, n), ...(extra && i === pick % sizes.length ? [bucketStatement(`Extra${i}`, 40)] : [])],
      }]));
      const build = (extra: boolean) => modelOf(validateYaml(orgYaml(policies(extra), { account: Object.keys(policies(extra)) }, { profile: 'raised' }))).guardrails!.documents;
      const before = build(false);
      const after = build(true);
      const changed = `p${pick % sizes.length}`;
      const unrelated = (docs: typeof before) => docs.filter((d) => d.policyKey !== changed).map((d) => [d.name, d.content]);
      expect(unrelated(after)).toEqual(unrelated(before));
    }), { seed: 11, numRuns: 25 });
  });
});

describe('limits', () => {
  const five = Object.fromEntries(['deny-leave-organization', 'deny-root-user', 'deny-iam-users', 'deny-default-vpc', 'deny-ebs-encryption-disable'].map((g) => [g, { guardrail: g }]));

  test('five policies plus FullAWSAccess exceed the conservative profile and fit the raised one', () => {
    const conservative = validateYaml(orgYaml(five, { ou: Object.keys(five) }));
    expect(conservative.diagnostics.map((d) => [d.code, d.message])).toEqual([[
      'LZ0702',
      'The OU Workloads would have 6 SERVICE_CONTROL_POLICY attachments (FullAWSAccess, deny-default-vpc, deny-ebs-encryption-disable, deny-iam-users, deny-leave-organization, deny-root-user); the conservative profile allows 5.',
    ]]);
    expect(validateYaml(orgYaml(five, { ou: Object.keys(five) }, { profile: 'raised' })).diagnostics).toEqual([]);
  });

  test('a split policy counts each part as an attachment', () => {
    const big = { big: { statements: [bucketStatement('A', 70), bucketStatement('B', 70), bucketStatement('C', 70)] } };
    const model = modelOf(validateYaml(orgYaml(big, { account: ['big'] })));
    expect(model.guardrails!.documents.map((d) => d.name)).toEqual(['big', 'big-part2', 'big-part3']);
    const withMore = { ...big, ...Object.fromEntries(Object.entries(five).slice(0, 2)) };
    const result = validateYaml(orgYaml(withMore, { account: Object.keys(withMore) }));
    expect(result.diagnostics.map((d) => d.code)).toEqual(['LZ0702']);
    expect(result.diagnostics[0]!.message).toContain('would have 6 SERVICE_CONTROL_POLICY attachments (FullAWSAccess, big (3 parts),');
  });

  test('detaching FullAWSAccess frees a slot once an allow-list is attached there', () => {
    const allow = { allow: { statements: [{ Sid: 'AllowList', Effect: 'Allow', Action: ['ec2:*', 's3:*'], Resource: '*' }] } };
    const policies = { ...allow, ...Object.fromEntries(Object.entries(five).slice(0, 4)) };
    const yaml = orgYaml(policies, { ou: Object.keys(policies) }, { detachFullAWSAccess: ['Workloads'] });
    const model = modelOf(validateYaml(yaml));
    expect(model.guardrails!.fullAwsAccessDetached).toEqual([{ kind: 'ou', path: 'Workloads' }]);
  });

  test('every SCP synthesized from the default org.yaml is within the conservative limits', () => {
    const model = defaultModel();
    expect(model.guardrails!.profile).toBe('conservative');
    const out = synth(model);
    const policies = Object.values(resources(out.stacks['organization']!, 'aws_organizations_policy'));
    expect(policies.length).toBe(model.guardrails!.documents.length);
    for (const p of policies) expect(p.content.length).toBeLessThanOrEqual(5120);
    // Attachments to the root and OUs are in the organization stack, those to one account in its own stack.
    const perTarget = new Map<string, number>();
    for (const [name, stack] of Object.entries(out.stacks))
      for (const a of Object.values(resources(stack, 'aws_organizations_policy_attachment'))) {
        const target = `${name} ${a.target_id}`;
        perTarget.set(target, (perTarget.get(target) ?? 0) + 1);
      }
    expect(perTarget.size).toBeGreaterThan(0);
    for (const [, count] of perTarget) expect(count + 1).toBeLessThanOrEqual(5);
  });
});

describe('other policy types and the quarantine', () => {
  test('tag, backup and AI opt-out policies are content documents with their own limits, and their types are enabled', () => {
    const policies = {
      tags: { type: 'TAG_POLICY', content: { tags: { costcenter: { tag_key: { '@@assign': 'CostCenter' } } } } },
      'ai-opt-out': { type: 'AISERVICES_OPT_OUT_POLICY', content: { services: { default: { opt_out_policy: { '@@assign': 'optOut' } } } } },
      'deny-s3-outside': { type: 'RESOURCE_CONTROL_POLICY', statements: [{ Sid: 'OrgOnly', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abcdefghij' } } }] },
    };
    const model = modelOf(validateYaml(orgYaml(policies, { root: Object.keys(policies) })));
    expect(model.organization.enabledPolicyTypes).toEqual(['AISERVICES_OPT_OUT_POLICY', 'RESOURCE_CONTROL_POLICY', 'TAG_POLICY']);
    const stack = synth(model).stacks['organization']!;
    const tag = resources(stack, 'aws_organizations_policy')['policy_tags']!;
    expect(tag.type).toBe('TAG_POLICY');
    expect(tag.content).toBe('{"tags":{"costcenter":{"tag_key":{"@@assign":"CostCenter"}}}}');
    expect(stack.resource.aws_organizations_organization.organization.enabled_policy_types).toEqual(['AISERVICES_OPT_OUT_POLICY', 'RESOURCE_CONTROL_POLICY', 'TAG_POLICY']);
  });

  test('an AI opt-out policy over 2,500 characters is an error', () => {
    const huge = { type: 'AISERVICES_OPT_OUT_POLICY', content: { services: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`service${i}`, { opt_out_policy: { '@@assign': 'optOut' } }])) } };
    const result = validateYaml(orgYaml({ huge }, { root: ['huge'] }));
    expect(result.diagnostics.map((d) => d.code)).toEqual(['LZ0204']);
    expect(result.diagnostics[0]!.message).toMatch(/^The policy `huge` is \d+ characters minified; AISERVICES_OPT_OUT_POLICY allows 2500\.$/);
  });

  test('new accounts get the quarantine policy until they set quarantine: false; adopted accounts do not', () => {
    const policies = { hold: { guardrail: 'quarantine', parameters: { exemptRoles: ['BreakGlass'] } } };
    const held = modelOf(validateYaml(orgYaml(policies, {}, { quarantinePolicy: 'hold' })));
    expect(held.guardrails!.documents[0]!.targets).toEqual([{ kind: 'account', key: 'app' }]);
    const out = synth(held);
    expect(resources(out.stacks['organization']!, 'aws_organizations_policy_attachment')).toEqual({});
    const attachments = resources(out.stacks['account-app']!, 'aws_organizations_policy_attachment');
    expect(Object.keys(attachments)).toEqual(['attach_hold']);
    expect(attachments.attach_hold).toMatchObject({
      policy_id: '${data.terraform_remote_state.cross-stack-reference-input-organization.outputs.cross-stack-output-aws_organizations_policypolicy_holdid}',
      target_id: '${aws_organizations_account.account.id}',
    });
    const released = modelOf(validateYaml(orgYaml(policies, {}, { quarantinePolicy: 'hold' }, { quarantine: false })));
    expect(released.guardrails!.documents[0]!.targets).toEqual([]);
    const adopted = modelOf(validateYaml(orgYaml(policies, {}, { quarantinePolicy: 'hold' }, { id: '444455556666' })));
    expect(adopted.guardrails!.documents[0]!.targets).toEqual([]);
  });
});
