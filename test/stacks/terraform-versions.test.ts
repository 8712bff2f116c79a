import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { join } from 'node:path';
import { admitsSomeVersionIn, AWS_PROVIDER_BINDINGS_VERSION, parseConstraint, versionOf } from '../../src/model/terraform-versions';
import { validateFile, validateText } from '../../src/pipeline';
import { defaultModel, FIXTURES, modelOf, synth, tempDir, type TerraformJson } from '../helpers';

const terraformBlocks = (stacks: Record<string, TerraformJson>) => Object.values(stacks).map((s) => s.terraform as TerraformJson);

describe('the version constraints in every stack', () => {
  test('AWS_PROVIDER_BINDINGS_VERSION is the version the bindings were generated from', () => {
    const provider = new AwsProvider(new TerraformStack(new App(), 'probe'), 'aws', { region: 'us-east-1' });
    expect(provider.terraformGeneratorMetadata?.providerVersion).toBe(AWS_PROVIDER_BINDINGS_VERSION);
  });

  test('by default: the bindings minor version and later 6.x, and Terraform 1.7 or later', () => {
    const blocks = terraformBlocks(synth(defaultModel()).stacks);
    expect(blocks.length).toBeGreaterThan(5);
    for (const block of blocks) {
      expect(block.required_version).toBe('>= 1.7');
      expect(block.required_providers.aws).toEqual({ source: 'aws', version: '~> 6.25' });
    }
  });

  test('deployment.awsProviderVersion and deployment.terraformVersion are written as given', () => {
    const blocks = terraformBlocks(synth(modelOf(validateFile(join(FIXTURES, 'valid', 's3-backend.yaml'), 'org.yaml'))).stacks);
    expect(blocks.map((b) => [b.required_version, b.required_providers.aws])).toEqual(blocks.map(() => ['~> 1.10', { source: 'aws', version: '>= 6.30, < 7.0' }]));
  });

  test('the S3 lock file raises the default Terraform version to 1.10', () => {
    const text = `organization: { name: x, homeRegion: eu-west-1, managementAccount: management }
accounts: { management: { name: Management, email: aws+m@example.com, ou: Root, id: "111122223333" } }
deployment: { backend: s3, s3: { bucket: b, region: eu-west-1 } }
`;
    expect(modelOf(validateText(text, 'org.yaml', tempDir())).versions).toEqual({ awsProvider: '~> 6.25', terraform: '>= 1.10' });
  });
});

describe('version constraints', () => {
  const range = (text: string, from: string, below: string) => admitsSomeVersionIn(parseConstraint(text)!, versionOf(from), versionOf(below));

  test.each([
    ['~> 6.25', true],
    ['~> 6.25.0', true],
    ['>= 6.30, < 7.0', true],
    ['6.25.1', true],
    ['~> 6', true],
    ['~> 5.90', false],
    ['< 6.25', false],
    ['>= 7.0', false],
    ['> 6.25.0, < 6.25.1', false],
    ['!= 6.25.0', true],
  ])('%s admits a 6.x from 6.25.0: %s', (text, admits) => {
    expect(range(text, '6.25.0', '7.0.0')).toBe(admits);
  });

  test.each(['6.x', '>= 1.10 < 2', '', '~>', 'latest', '>= 1.10,'])('%j is not a constraint', (text) => {
    expect(parseConstraint(text)).toBeUndefined();
  });
});
