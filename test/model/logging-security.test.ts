import { resourceNamePrefix } from '../../src/model/logging';
import { securityHubStandardArn } from '../../src/model/security';
import { defaultModel, modelOf, validateYaml } from '../helpers';

const base = `
organization: { name: Acme, homeRegion: eu-west-1, managementAccount: management }
organizationalUnits: { Security: {}, Workloads: {} }
accounts:
  management: { name: Management, email: aws+management@example.com, ou: Root, id: "111122223333" }
  logs: { name: Logs, email: aws+logs@example.com, ou: Security }
  sec: { name: Sec, email: aws+sec@example.com, ou: Security }
  app: { name: App, email: aws+app@example.com, ou: Workloads }
`;

describe('resource names derived from the organization name', () => {
  test.each([
    ['Acme Corp', 'acme-corp'],
    ['--ACME__prod--', 'acme-prod'],
    ['a'.repeat(60), 'a'.repeat(37)],
    ['***', 'lz'],
  ])('%s gives the prefix %s', (name, prefix) => {
    expect(resourceNamePrefix(name)).toBe(prefix);
  });

  test('the longest default bucket name stays within the 63 characters S3 allows', () => {
    const longest = `${resourceNamePrefix('x'.repeat(200))}-log-archive-123456789012`;
    expect(longest.length).toBeLessThanOrEqual(63);
    expect(`${resourceNamePrefix('x'.repeat(200))}-s3-access-123456789012`.length).toBeLessThanOrEqual(63);
  });
});

describe('Security Hub standard ARNs', () => {
  test('are regional, except CIS 1.2.0 whose ruleset ARN has no region', () => {
    expect(securityHubStandardArn('pci-dss-v3-2-1', 'aws-cn', 'cn-north-1')).toBe('arn:aws-cn:securityhub:cn-north-1::standards/pci-dss/v/3.2.1');
    expect(securityHubStandardArn('cis-aws-foundations-benchmark-v1-2-0', 'aws', 'eu-west-1')).toBe('arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0');
  });
});

describe('the logging and security model', () => {
  test('the default org.yaml: CloudTrail and the enabled services get organization access; Config and Access Analyzer are delegated through Organizations', () => {
    const model = defaultModel();
    expect(model.logging).toMatchObject({ accountKey: 'log-archive', allowAwsConfig: true, objectLock: { mode: 'GOVERNANCE', days: 365 } });
    expect(model.delegatedAdministrators).toEqual([
      { servicePrincipal: 'access-analyzer.amazonaws.com', accountKey: 'security-tooling' },
      { servicePrincipal: 'config.amazonaws.com', accountKey: 'security-tooling' },
    ]);
    expect(model.security!.serviceAdministrators.map((d) => [d.servicePrincipal, d.adminApi])).toEqual([
      ['guardduty.amazonaws.com', 'guardduty'],
      ['securityhub.amazonaws.com', 'securityhub'],
    ]);
  });

  test('schema defaults apply when the sections give only the accounts', () => {
    const model = modelOf(validateYaml(`${base}logging: { account: logs }\nsecurity: { account: sec, services: { guardDuty: {}, inspector: {} } }\n`));
    expect(model.logging).toMatchObject({
      bucketNamePrefix: 'acme-log-archive',
      trailArn: 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/acme-organization-trail',
      retention: { transitionDays: 90, transitionStorageClass: 'GLACIER', expirationDays: 2557, noncurrentExpirationDays: 90 },
      objectLock: { mode: 'GOVERNANCE', days: 365 },
      accessLogging: false,
      allowAwsConfig: false,
    });
    expect(model.security).toMatchObject({ guardDuty: { autoEnable: 'ALL' }, inspector: { ec2: true, ecr: true, lambda: true, lambdaCode: false } });
    expect(model.security!.securityHub).toBeUndefined();
    expect(model.delegatedAdministrators).toEqual([]);
    expect(model.organization.serviceAccessPrincipals).toEqual(['cloudtrail.amazonaws.com', 'guardduty.amazonaws.com', 'inspector2.amazonaws.com']);
  });

  test('an unknown Security Hub standard is a schema error listing the known ones', () => {
    const result = validateYaml(`${base}security: { account: sec, services: { securityHub: { standards: [cis-1.4] } } }\n`);
    expect(result.model).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(['LZ0013']);
    expect(result.diagnostics[0]!.fix).toContain('cis-aws-foundations-benchmark-v1-4-0');
  });

  test('logging and security may share one account in a small organization', () => {
    const withoutLogs = base.replace(/^  logs: .*\n/m, '');
    expect(withoutLogs).not.toContain('logs:');
    const result = validateYaml(`${withoutLogs}logging: { account: sec }\nsecurity: { account: sec, services: { accessAnalyzer: {} } }\n`);
    expect(result.diagnostics).toEqual([]);
  });

  test('a log archive sharing its OU with a workload account is a warning only: the model is still built', () => {
    const shared = base.replace('ou: Workloads }', 'ou: Security }');
    const result = validateYaml(`${shared}logging: { account: logs }\nsecurity: { account: sec, services: { accessAnalyzer: {} } }\n`);
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.path.join('.')])).toEqual([
      ['LZ0402', 'warning', 'logging.account'],
      ['LZ0402', 'warning', 'security.account'],
    ]);
    expect(result.model?.logging?.accountKey).toBe('logs');
  });
});
