import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { validateFile } from '../../src/pipeline';
import { FIXTURES, defaultModel, modelOf, synth, type TerraformJson } from '../helpers';
import { foundationDocument, orgDocument, validateGenerated } from '../properties/org-arbitrary';
import { ARGUMENT_SHAPES, checkConformance } from './argument-shapes';
import { loadServiceModel, readConstraints, resolveShape } from './aws-api-models';

/** How many resources of a type all stacks hold together. */
const countOf = (stacks: Record<string, TerraformJson>, type: string) =>
  Object.values(stacks).reduce((n, stack) => n + Object.keys(stack.resource?.[type] ?? {}).length, 0);

const SERVICES = [...new Set(Object.values(ARGUMENT_SHAPES).map((target) => target.service))].sort();
const VALID_FIXTURES = readdirSync(join(FIXTURES, 'valid')).filter((f) => f.endsWith('.yaml')).sort();
const CORPUS_RUNS = 8;
const FUZZ_RUNS = 40;

describe('the committed AWS API constraints (test/conformance/aws-api-constraints.json)', () => {
  test('record the version of the models they were extracted from, and cover exactly the mapped services', () => {
    const file = readConstraints();
    expect(file.botocoreVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Object.keys(file.services).sort()).toEqual(SERVICES);
  });

  test.each(SERVICES)('%s is present and readable', (service) => {
    const model = loadServiceModel(service);
    expect(Object.keys(model.operations).length).toBeGreaterThan(0);
    expect(model.apiVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test.each(Object.entries(ARGUMENT_SHAPES))('%s resolves to a shape of the model', (_key, target) => {
    const { model, shapeName } = resolveShape(target);
    expect(model.shapes[shapeName]).toBeDefined();
  });
});

describe('every literal the tool writes conforms to the AWS API model', () => {
  test('the default org.yaml', () => {
    const stacks = synth(defaultModel()).stacks;
    const report = checkConformance(stacks);
    expect(report.unmapped).toEqual([]);
    expect(report.violations).toEqual([]);
    // Not vacuous: names, emails, policies, tags, permission sets, the log bucket and the trail were all checked,
    // in every stack: the accounts in their account-<key> stacks, assignments in access-<key>, routing in network-<key>.
    expect(countOf(stacks, 'aws_organizations_account')).toBe(9);
    expect(report.checked['aws_organizations_account.name']).toBe(9);
    expect(report.checked['aws_organizations_account.email']).toBe(9);
    expect(report.checked['aws_organizations_policy.content']).toBe(Object.keys(stacks.organization!.resource.aws_organizations_policy).length);
    expect(report.checked['aws_ssoadmin_permission_set.name']).toBe(Object.keys(stacks['identity-center']!.resource.aws_ssoadmin_permission_set).length);
    expect(countOf(stacks, 'aws_ssoadmin_account_assignment')).toBeGreaterThan(0);
    expect(report.checked['aws_ssoadmin_account_assignment.principal_type']).toBe(countOf(stacks, 'aws_ssoadmin_account_assignment'));
    expect(report.checked['aws_ssoadmin_account_assignment.target_id']).toBe(Object.keys(stacks['access-management']!.resource.aws_ssoadmin_account_assignment).length);
    expect(countOf(stacks, 'aws_ec2_transit_gateway_vpc_attachment_accepter')).toBe(6);
    expect(report.checked['aws_ec2_transit_gateway_vpc_attachment_accepter.tags']).toBe(6);
    expect(report.checked['aws_ec2_transit_gateway_route.destination_cidr_block']).toBe(countOf(stacks, 'aws_ec2_transit_gateway_route'));
    expect(Object.keys(stacks['network-network']!.resource.aws_ec2_transit_gateway_route)).not.toHaveLength(0);
    expect(report.checked['data.aws_identitystore_group.alternate_identifier.unique_attribute.attribute_path']).toBeGreaterThan(0);
    // The log bucket and its server access log bucket (logging.accessLogging).
    expect(report.checked['aws_s3_bucket.bucket']).toBe(2);
    // Security Hub central configuration: the home region's aggregator links the other allowed regions.
    expect(report.checked['aws_securityhub_finding_aggregator.specified_regions']).toBe(1);
    expect(report.checked['aws_cloudtrail.name']).toBe(1);
    expect(report.checked['aws_s3_bucket_lifecycle_configuration.rule.expiration.days']).toBe(2);
    expect(report.checked['aws_organizations_organizational_unit.tags']).toBeGreaterThan(0);
    expect(report.checked['aws_organizations_organization.<import id>']).toBeUndefined();
  });

  test.each(VALID_FIXTURES)('test/fixtures/valid/%s', (fixture) => {
    const stacks = synth(modelOf(validateFile(join(FIXTURES, 'valid', fixture), 'org.yaml'))).stacks;

    const report = checkConformance(stacks);

    expect(report.unmapped).toEqual([]);
    expect(report.violations).toEqual([]);
    // Not vacuous: even the smallest fixture writes literals (the organization's feature set, account ids).
    expect(report.checked['aws_organizations_organization.feature_set']).toBe(1);
  });

  test('the fixtures check values the default org.yaml does not write', () => {
    const checked = (fixture: string) => checkConformance(synth(modelOf(validateFile(join(FIXTURES, 'valid', fixture), 'org.yaml'))).stacks).checked;
    expect(checked('identity-center.yaml')).toMatchObject({
      'aws_identitystore_group.display_name': expect.any(Number),
      'aws_identitystore_user.user_name': expect.any(Number),
      'aws_identitystore_user.emails.value': expect.any(Number),
      'aws_identitystore_user.name.given_name': expect.any(Number),
      'aws_ssoadmin_permission_set.relay_state': expect.any(Number),
      'aws_ssoadmin_permission_set_inline_policy.inline_policy': expect.any(Number),
      'aws_ssoadmin_customer_managed_policy_attachment.customer_managed_policy_reference.path': expect.any(Number),
      'aws_ssoadmin_permissions_boundary_attachment.permissions_boundary.managed_policy_arn': expect.any(Number),
      'data.aws_identitystore_user.alternate_identifier.unique_attribute.attribute_value': expect.any(Number),
    });
    expect(checked('adopted-logging-security.yaml')).toMatchObject({
      'aws_s3_bucket_logging.target_prefix': expect.any(Number),
      'aws_kms_key.policy': expect.any(Number),
      'aws_s3_bucket_policy.policy': expect.any(Number),
    });
  });

  test(`the property-test corpus (${CORPUS_RUNS} random valid org.yaml documents)`, () => {
    fc.assert(
      fc.property(orgDocument, (doc) => {
        const report = checkConformance(synth(modelOf(validateGenerated(doc))).stacks);
        expect(report.unmapped).toEqual([]);
        expect(report.violations).toEqual([]);
      }),
      { seed: 8, numRuns: CORPUS_RUNS },
    );
  });

  test(`whatever the validator accepts conforms: one free-text value fuzzed per document (${FUZZ_RUNS} runs)`, () => {
    const plain = fc.constantFrom('a', 'Z', '0', 'q', '-', '_', '.', ' ');
    const odd = fc.constantFrom(':', '/', '=', '+', '@', '#', '*', ',', 'é', 'ß', '東', '\t', '\n', '"', "'", '\u00a0', '😀', '\u0000');
    const text = (maxLength: number) => fc.string({ unit: fc.oneof({ weight: 9, arbitrary: plain }, { weight: 1, arbitrary: odd }), maxLength });
    const edits: Record<string, [fc.Arbitrary<string>, (doc: Record<string, any>, value: string, account: string, ou: string | undefined) => void]> = {
      'account name': [text(60), (d, v, a) => { d.accounts[a].name = v; }],
      'account email': [text(70), (d, v, a) => { d.accounts[a].email = `${v}@example.com`; }],
      'tag key': [text(140), (d, v, a) => { d.accounts[a].tags = { [v]: 'x' }; }],
      'tag value': [text(270), (d, v, a) => { d.accounts[a].tags = { owner: v }; }],
      'OU name': [text(140), (d, v, _a, ou) => { if (ou) d.organizationalUnits[ou].name = v; }],
      'access role name': [text(70), (d, v) => { d.organization.accessRoleName = v; }],
      'policy description': [text(520), (d, v) => { for (const p of Object.values(d.policies) as Array<Record<string, unknown>>) p.description = v; }],
    };
    let accepted = 0;
    fc.assert(
      fc.property(foundationDocument, fc.constantFrom(...Object.keys(edits)).chain((field) => fc.tuple(fc.constant(field), edits[field]![0])), (generated, [field, value]) => {
        // A copy: fast-check reuses generated values while shrinking.
        const doc = structuredClone(generated);
        const account = Object.keys(doc.accounts).find((k) => k !== 'management');
        if (!account) return;
        edits[field]![1](doc, value, account, Object.keys(doc.organizationalUnits)[0]);
        const validation = validateGenerated(doc);
        if (!validation.model) return;
        accepted++;
        const report = checkConformance(synth(validation.model).stacks);
        expect([field, report.violations]).toEqual([field, []]);
      }),
      { seed: 11, numRuns: FUZZ_RUNS },
    );
    // Not vacuous: most fuzzed documents pass the validator and are checked.
    expect(accepted).toBeGreaterThan(FUZZ_RUNS / 4);
  });

  test('the check finds a value one past a limit, a broken pattern and a wrong enum', () => {
    const stacks = synth(defaultModel()).stacks;
    const org = stacks.organization!;
    const account = stacks['account-network']!.resource.aws_organizations_account.account;
    account.name = 'N'.repeat(51);
    account.tags = { 'bad#key': 'v' };
    org.resource.aws_organizations_policy['policy_deny-all'].type = 'SERVICE_CONTROL';
    account.surprise = 'x';

    const report = checkConformance(stacks);

    expect(report.violations).toEqual([
      expect.stringMatching(/^account-network: aws_organizations_account\.account\.name: "N+" is longer than CreateAccountName\.max 50$/),
      expect.stringMatching(/^account-network: aws_organizations_account\.account\.tags\[0\]\.Key: "bad#key" does not match TagKey\.pattern/),
      expect.stringMatching(/^organization: aws_organizations_policy\.policy_deny-all\.type: "SERVICE_CONTROL" is not one of PolicyType\.enum/),
    ]);
    expect(report.unmapped).toEqual(['aws_organizations_account.surprise']);
  });

  test('the check finds a permission set name one past its limit, a wrong principal type and a broken attribute path', () => {
    const stacks = synth(defaultModel()).stacks;
    const identity = stacks['identity-center']!;
    const [setName] = Object.keys(identity.resource.aws_ssoadmin_permission_set);
    identity.resource.aws_ssoadmin_permission_set[setName!].name = 'P'.repeat(33);
    const access = stacks['access-payments-prod']!;
    const [assignment] = Object.keys(access.resource.aws_ssoadmin_account_assignment);
    access.resource.aws_ssoadmin_account_assignment[assignment!].principal_type = 'ROLE';
    const [group] = Object.keys(identity.data.aws_identitystore_group);
    identity.data.aws_identitystore_group[group!].alternate_identifier.unique_attribute.attribute_path = 'Display Name';

    const report = checkConformance(stacks);

    expect(report.violations).toEqual([
      `access-payments-prod: aws_ssoadmin_account_assignment.${assignment}.principal_type: "ROLE" is not one of PrincipalType.enum USER, GROUP`,
      `identity-center: aws_ssoadmin_permission_set.${setName}.name: "${'P'.repeat(33)}" is longer than PermissionSetName.max 32`,
      expect.stringMatching(new RegExp(`^identity-center: data\\.aws_identitystore_group\\.${group}\\.alternate_identifier\\.unique_attribute\\.attribute_path: "Display Name" does not match AttributePath\\.pattern`)),
    ]);
    expect(report.unmapped).toEqual([]);
  });
});
