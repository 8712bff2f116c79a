import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { FIXTURES, modelOf, validateYaml } from '../../helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const egressDoc = (): any => parse(readFileSync(join(FIXTURES, 'valid', 'network-egress.yaml'), 'utf8'));
const networkOf = (doc: unknown) => modelOf(validateYaml(stringify(doc))).network!;

describe('the network model', () => {
  test('`reaches` is symmetric: listed on one side, both tables get the other side\'s propagations', () => {
    const network = networkOf(egressDoc());
    expect(network.segments.map((s) => [s.key, s.peers])).toEqual([
      ['egress', ['prod']],
      ['prod', ['egress', 'prod', 'shared']],
      ['shared', ['prod']],
    ]);
    expect(network.propagations.filter((p) => p.vpc === 'shared-services/main')).toEqual([{ vpc: 'shared-services/main', segment: 'prod' }]);
  });

  test('an account entry overrides only the fields it sets of a template VPC', () => {
    const big = networkOf(egressDoc()).vpcs.find((v) => v.id === 'big-prod/main')!;
    expect(big).toMatchObject({ cidr: '10.0.64.0/20', azCount: 3, segment: 'prod', attachmentTier: 'attachment', source: 'template:prod+account' });
    expect(big.tiers.map((t) => t.key)).toEqual(['app', 'attachment']);
  });

  test('sharing with the Root OU is sharing with the organization, with one principal', () => {
    const doc = egressDoc();
    doc.network.sharing = { organization: false, ous: ['Root', 'Workloads'] };
    expect(networkOf(doc).sharing).toEqual({ organization: true, ous: ['Workloads'], accounts: [] });
  });

  test('accounts outside every template OU and without an entry get no VPC', () => {
    expect(networkOf(egressDoc()).vpcs.map((v) => v.accountKey)).not.toContain('management');
  });
});
