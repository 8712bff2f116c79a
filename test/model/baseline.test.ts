import { join } from 'node:path';
import { mergeBaselineLayers, pinRegionGroups } from '../../src/model/baseline';
import { validateFile } from '../../src/pipeline';
import { FIXTURES, defaultModel, modelOf } from '../helpers';

describe('the effective baseline', () => {
  const model = modelOf(validateFile(join(FIXTURES, 'valid', 'baseline-overrides.yaml'), 'org.yaml'));
  const of = (key: string) => model.baseline!.accounts[key]!;

  test('root < OU < nested OU < account, field by field', () => {
    expect(of('payments-prod').passwordPolicy).toMatchObject({ minimumLength: 14, maxAge: 90 });
    expect(of('payments-prod').flowLogs).toMatchObject({ maxAggregationInterval: 60, fileFormat: 'parquet', trafficType: 'ALL' });
    expect(of('payments-prod').accessAnalyzer).toBe(true);
    expect(of('log-archive').accessAnalyzer).toBe(false);
    expect(of('payments-prod').alternateContacts.map((c) => c.type)).toEqual(['OPERATIONS', 'SECURITY']);
  });

  test('a lower level turns a setting off', () => {
    expect(of('legacy-prod').config).toBeUndefined();
    expect(of('legacy-prod').serialConsole).toEqual({ allowAccess: true });
    expect(of('legacy-prod').alternateContacts.map((c) => c.type)).toEqual(['OPERATIONS']);
  });

  test('every account has one, the management account included; new accounts create the Config role, adopted ones find it', () => {
    expect(Object.keys(model.baseline!.accounts).sort()).toEqual(['legacy-prod', 'log-archive', 'management', 'payments-prod']);
    expect(of('payments-prod').config?.serviceLinkedRole).toBe('create');
    expect(of('management').config?.serviceLinkedRole).toBe('existing');
  });

  test('the merge keeps lower levels\' unset fields', () => {
    expect(mergeBaselineLayers([{ flowLogs: { trafficType: 'REJECT' } }, { flowLogs: { enabled: false } }])).toEqual({ flowLogs: { trafficType: 'REJECT', enabled: false } });
  });

  test('the default org.yaml turns the baseline on, with a security contact', () => {
    const b = defaultModel().baseline!;
    expect(b.regionGroups).toEqual([['us-east-1', 'eu-west-1', 'us-west-2']]);
    expect(b.accounts['payments-prod']!.alternateContacts).toEqual([expect.objectContaining({ type: 'SECURITY', email: 'security@example.com' })]);
  });
});

describe('region groups', () => {
  test('home first, at most 3 per group', () => {
    expect(pinRegionGroups(['eu-west-1', 'ap-southeast-2', 'eu-central-1', 'us-east-1'], undefined)).toEqual([['eu-west-1', 'ap-southeast-2', 'eu-central-1'], ['us-east-1']]);
  });

  test('recorded groups never reshuffle; a new region fills the first free slot; a removed one frees its slot', () => {
    const recorded = [['us-east-1', 'us-west-2', 'eu-west-1'], ['ap-southeast-2']];
    expect(pinRegionGroups(['us-east-1', 'ap-southeast-2', 'eu-west-1', 'us-west-2'], recorded)).toEqual(recorded);
    expect(pinRegionGroups(['us-east-1', 'ap-southeast-2', 'eu-west-1', 'us-west-2', 'ca-central-1'], recorded)).toEqual([['us-east-1', 'us-west-2', 'eu-west-1'], ['ap-southeast-2', 'ca-central-1']]);
    expect(pinRegionGroups(['us-east-1', 'eu-west-1', 'us-west-2'], recorded)).toEqual([['us-east-1', 'us-west-2', 'eu-west-1'], []]);
  });
});
