import fc from 'fast-check';
import { defaultModel, modelOf, synth } from '../helpers';
import { orgDocument, validateGenerated } from '../properties/org-arbitrary';
import { ARGUMENT_SHAPES, checkConformance } from './argument-shapes';
import { loadServiceModel, resolveShape } from './aws-api-models';

const SERVICES = ['organizations', 'sso-admin', 'identitystore', 'ram', 'ec2'];
const CORPUS_RUNS = 10;

describe('the AWS API models (python3-botocore)', () => {
  test.each(SERVICES)('%s is installed and readable', (service) => {
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
    const report = checkConformance(synth(defaultModel()).stacks);
    expect(report.unmapped).toEqual([]);
    expect(report.violations).toEqual([]);
    // Not vacuous: names, emails, policies and tags of the default org.yaml were all checked.
    expect(report.checked['aws_organizations_account.name']).toBe(9);
    expect(report.checked['aws_organizations_account.email']).toBe(9);
    expect(report.checked['aws_organizations_policy.content']).toBe(3);
    expect(report.checked['aws_organizations_organizational_unit.tags']).toBeGreaterThan(0);
    expect(report.checked['aws_organizations_organization.<import id>']).toBeUndefined();
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

  test('the check finds a value one past a limit, a broken pattern and a wrong enum', () => {
    const stacks = synth(defaultModel()).stacks;
    const org = stacks.organization!;
    org.resource.aws_organizations_account.account_network.name = 'N'.repeat(51);
    org.resource.aws_organizations_account.account_network.tags = { 'bad#key': 'v' };
    org.resource.aws_organizations_policy['policy_deny-all'].type = 'SERVICE_CONTROL';
    org.resource.aws_organizations_account.account_network.surprise = 'x';

    const report = checkConformance(stacks);

    expect(report.violations).toEqual([
      expect.stringMatching(/^organization: aws_organizations_account\.account_network\.name: "N+" is longer than CreateAccountName\.max 50$/),
      expect.stringMatching(/^organization: aws_organizations_account\.account_network\.tags\[0\]\.Key: "bad#key" does not match TagKey\.pattern/),
      expect.stringMatching(/^organization: aws_organizations_policy\.policy_deny-all\.type: "SERVICE_CONTROL" is not one of PolicyType\.enum/),
    ]);
    expect(report.unmapped).toEqual(['aws_organizations_account.surprise']);
  });
});
