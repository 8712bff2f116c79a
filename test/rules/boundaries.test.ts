/**
 * Each limit on both sides: the value at the limit is accepted, one past it is refused with its
 * pinned message. These are the off-by-one mutants (`>` for `>=`) a fixture far from the limit
 * cannot kill.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { formatPath, type Diagnostic } from '../../src/config/diagnostics';
import { FIXTURES, modelOf, validateYaml } from '../helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;

function fixture(name: string, change: (doc: Doc) => void): Diagnostic[] {
  const doc = parse(readFileSync(join(FIXTURES, 'valid', name), 'utf8')) as Doc;
  change(doc);
  return validateYaml(stringify(doc), join(FIXTURES, 'valid')).diagnostics;
}

/**
 * `severity path: message` of the diagnostics with that code. Any other error fails the test, so an
 * accepted case is accepted for the right reason and not because the document broke elsewhere.
 */
function withCode(diagnostics: readonly Diagnostic[], code: string): string[] {
  expect(diagnostics.filter((d) => d.severity === 'error' && d.code !== code).map((d) => `${d.code} ${d.message}`)).toEqual([]);
  return diagnostics.filter((d) => d.code === code).map((d) => `${d.severity} ${formatPath(d.path)}: ${d.message}`);
}

describe('account email length (CreateAccount: 6 to 64 characters)', () => {
  const email = (length: number) => `${'a'.repeat(length - '@example.com'.length)}@example.com`;
  const check = (address: string) => withCode(fixture('minimal.yaml', (d) => { d.accounts.management.email = address; }), 'LZ0107');

  test('64 and 6 characters are accepted', () => {
    expect(check(email(64))).toEqual([]);
    expect(check('a@b.co')).toEqual([]);
  });

  test('65 and 5 characters are refused', () => {
    expect(check(email(65))).toEqual([`error accounts.management.email: "${email(65)}" is not a valid account email: it has 65 characters; AWS accepts 6 to 64.`]);
    expect(check('a@b.c')).toEqual(['error accounts.management.email: "a@b.c" is not a valid account email: it has 5 characters; AWS accepts 6 to 64.']);
  });
});

describe('managed policies of a permission set (10 per role by default, 20 per permission set)', () => {
  const check = (count: number) => withCode(fixture('identity-center.yaml', (d) => {
    const ps = d.identityCenter.permissionSets.Operator;
    ps.managedPolicies = [];
    ps.customerManagedPolicies = Array.from({ length: count }, (_, i) => ({ name: `team-policy-${i}`, path: '/' }));
  }), 'LZ0305');

  test('exactly 10 raise nothing; 11 warn about the IAM role quota', () => {
    expect(check(10)).toEqual([]);
    expect(check(11)).toEqual(['warning identityCenter.permissionSets.Operator: The permission set `Operator` attaches 11 managed and customer managed policies; IAM allows 10 per role unless the quota "Managed policies per role" is raised.']);
  });

  test('exactly 20 only warn; 21 are refused', () => {
    expect(check(20).map((m) => m.split(' ')[0])).toEqual(['warning']);
    expect(check(21)).toEqual(['error identityCenter.permissionSets.Operator: The permission set `Operator` attaches 21 managed and customer managed policies; AWS allows 20.']);
  });
});

describe('object lock against expiration', () => {
  const check = (lockDays: number, expirationDays: number) => withCode(fixture('adopted-logging-security.yaml', (d) => {
    d.logging.objectLock.days = lockDays;
    d.logging.retention.expirationDays = expirationDays;
  }), 'LZ0403');

  test('a lock equal to the expiration is accepted; one day longer is refused', () => {
    expect(check(3650, 3650)).toEqual([]);
    expect(check(3651, 3650)).toEqual(['error logging.retention.expirationDays: Log objects expire after 3650 days but stay locked for 3651 days, so the expiration cannot remove them in time.']);
  });

  test('100 years of lock are accepted; one day more is refused', () => {
    expect(check(36500, 36500)).toEqual([]);
    expect(check(36501, 36501)).toEqual(['error logging.objectLock.days: An object-lock retention of 36501 days is more than the 36500 days (100 years) S3 allows.']);
  });
});

describe('CIDR blocks per VPC (5 by default)', () => {
  const check = (secondary: number) => withCode(fixture('network-egress.yaml', (d) => {
    d.network.accounts['big-prod'].vpcs.main.secondaryCidrs = Array.from({ length: secondary }, (_, i) => `100.64.${i * 4}.0/22`);
  }), 'LZ0505');

  test('exactly 5 (1 primary, 4 secondary) are accepted; 6 are refused', () => {
    expect(check(4)).toEqual([]);
    expect(check(5)).toEqual(['error network.accounts.big-prod.vpcs.main.secondaryCidrs: big-prod/main has 6 CIDRs (1 primary, 5 secondary); a VPC holds at most 5.']);
  });
});

describe('policy document size', () => {
  const tagPolicy = (size: number) => {
    const content = { tags: { costcenter: { tag_key: { '@@assign': 'CostCenter' }, tag_value: { '@@assign': [''] } } } };
    content.tags.costcenter.tag_value['@@assign'] = ['x'.repeat(size - JSON.stringify(content).length)];
    expect(JSON.stringify(content).length).toBe(size);
    return content;
  };
  const checkTag = (size: number) => withCode(fixture('minimal.yaml', (d) => {
    d.organization.policies = ['tagging'];
    d.policies = { tagging: { type: 'TAG_POLICY', description: 'Cost centers', content: tagPolicy(size) } };
  }), 'LZ0204');

  test('a tag policy of exactly 10,000 characters is accepted; 10,001 are refused', () => {
    expect(checkTag(10000)).toEqual([]);
    expect(checkTag(10001)).toEqual(['error policies.tagging: The policy `tagging` is 10001 characters minified; TAG_POLICY allows 10000.']);
  });

  const statement = (size: number) => {
    const s = { Sid: 'DenyBucket', Effect: 'Deny', Action: 's3:DeleteBucket', Resource: 'arn:aws:s3:::' };
    const wrapped = () => JSON.stringify({ Version: '2012-10-17', Statement: [s] }).length;
    s.Resource += 'b'.repeat(size - wrapped());
    expect(wrapped()).toBe(size);
    return s;
  };
  const checkScp = (size: number) => withCode(fixture('minimal.yaml', (d) => {
    d.organization.policies = ['big'];
    d.policies = { big: { description: 'One large statement', statements: [statement(size)] } };
  }), 'LZ0204');

  test('an SCP statement of exactly 5,120 characters is accepted; 5,121 are refused', () => {
    expect(checkScp(5120)).toEqual([]);
    expect(checkScp(5121)).toEqual(['error policies.big: A statement of `big` (DenyBucket) is 5121 characters minified by itself; SERVICE_CONTROL_POLICY allows 5120 (conservative profile).']);
  });
});

describe('policy files stay inside the directory of org.yaml', () => {
  const check = (file: string) => withCode(fixture('minimal.yaml', (d) => {
    d.organization.policies = ['from-file'];
    d.policies = { 'from-file': { file } };
  }), 'LZ0203');

  test('a path that climbs out through policies/ is refused', () => {
    expect(check('policies/../../x.json')).toEqual(['error policies.from-file.file: The policy file "policies/../../x.json" is outside the directory of org.yaml.']);
    expect(check('/etc/passwd')).toEqual(['error policies.from-file.file: The policy file "/etc/passwd" is outside the directory of org.yaml.']);
  });

  test('a path that climbs back into the directory is read', () => {
    expect(check('policies/../policies/billing-read.json')).toEqual([]);
  });
});

describe('static routes', () => {
  const check = (route: Record<string, unknown>) => fixture('network-egress.yaml', (d) => { d.network.segments.prod.routes['default-egress'] = route; })
    .filter((d) => d.severity === 'error').map((d) => `${d.code} ${formatPath(d.path)}: ${d.message}`);

  test('a route with neither vpc nor blackhole is refused', () => {
    expect(check({ destination: '0.0.0.0/0' })).toEqual(['LZ0013 network.segments.prod.routes.default-egress: {"destination":"0.0.0.0/0"} is not valid: give exactly one of `vpc` or `blackhole: true`.']);
  });

  test('a route with both is refused', () => {
    expect(check({ destination: '0.0.0.0/0', vpc: 'network/egress', blackhole: true })).toEqual([
      'LZ0013 network.segments.prod.routes.default-egress: {"destination":"0.0.0.0/0","vpc":"network/egress","blackhole":true} is not valid: give exactly one of `vpc` or `blackhole: true`.',
    ]);
  });
});

describe('reserved tag prefix', () => {
  const check = (key: string) => withCode(fixture('minimal.yaml', (d) => { d.accounts.management.tags = { [key]: 'x' }; }), 'LZ0114');

  test.each(['aws:team', 'AWS:team', 'Aws:team', 'aWs:team'])('%s is refused in any case', (key) => {
    expect(check(key)).toEqual([`error accounts.management.tags.${key}: The tag key "${key}" starts with "aws:", which AWS reserves for itself.`]);
  });

  test.each(['awsteam', 'aws-team', 'team:aws:x'])('%s is accepted', (key) => {
    expect(check(key)).toEqual([]);
  });
});

describe('detaching FullAWSAccess', () => {
  const allowList = { description: 'Allow-list', statements: [{ Sid: 'AllowEc2', Effect: 'Allow', Action: 'ec2:*', Resource: '*' }] };
  const check = (attachedTo: string) => withCode(fixture('network-egress.yaml', (d) => {
    d.organizationalUnits.Workloads.policies = attachedTo === 'Workloads' ? ['allow-list'] : undefined;
    d.organizationalUnits.Workloads.children.Prod.policies = attachedTo === 'Workloads/Prod' ? ['allow-list'] : undefined;
    d.policies = { 'allow-list': allowList };
    d.guardrails = { detachFullAWSAccess: ['Workloads/Prod'] };
  }), 'LZ0704');

  test('an allow-list attached to the parent OU does not count for the child', () => {
    expect(check('Workloads')).toEqual(['error guardrails.detachFullAWSAccess[0]: FullAWSAccess would be detached from Workloads/Prod, but no SCP attached there has an Allow statement, so every action in it would be denied.']);
  });

  test('an allow-list attached to the OU itself does', () => {
    expect(check('Workloads/Prod')).toEqual([]);
  });
});

describe('lowercase actions in policies', () => {
  test('IAM action names are case-insensitive: ec2:runinstances is a known action', () => {
    const diagnostics = fixture('minimal.yaml', (d) => {
      d.organization.policies = ['lower'];
      d.policies = { lower: { description: 'Lowercase', statements: [{ Effect: 'Deny', Action: ['ec2:runinstances', 'S3:DELETEBUCKET'], Resource: '*' }] } };
    });
    expect(diagnostics).toEqual([]);
  });
});

describe('log bucket names of 52 to 63 characters', () => {
  const logging = (bucketName: string) => {
    const doc = parse(readFileSync(join(FIXTURES, 'valid', 'adopted-logging-security.yaml'), 'utf8')) as Doc;
    doc.logging.bucketName = bucketName;
    return validateYaml(stringify(doc), join(FIXTURES, 'valid'));
  };

  test.each([52, 57, 62, 63])('a %i-character name keeps its access-log bucket within 63 characters', (length) => {
    const name = `logs-${'a'.repeat(length - 5)}`;
    const model = modelOf(logging(name)).logging!;
    expect(model.bucketName).toBe(name);
    expect(model.accessLogsBucketName).toBe(`${name.slice(0, 51)}-access-logs`);
    expect(model.accessLogsBucketName!.length).toBe(63);
  });

  test('a hyphen where the name is cut is dropped, so the name has no double hyphen', () => {
    const name = `${'a'.repeat(50)}-${'b'.repeat(6)}`;
    expect(modelOf(logging(name)).logging!.accessLogsBucketName).toBe(`${'a'.repeat(50)}-access-logs`);
  });

  test('64 characters are refused', () => {
    const name = `logs-${'a'.repeat(59)}`;
    expect(withCode(logging(name).diagnostics, 'LZ0013')).toEqual([
      `error logging.bucketName: "${name}" is not valid: a bucket name is 3-63 lowercase letters, digits and hyphens, starting and ending with a letter or digit.`,
    ]);
  });
});

describe('workspace name patterns against the longest stack name (HCP Terraform: 90 characters)', () => {
  const cloud = (doc: Doc, literal: number) => {
    doc.deployment = { backend: 'cloud', cloud: { organization: 'acme', workspaceName: `${'w'.repeat(literal - 1)}-{stack}` } };
  };

  test('a further network region leaves 12 characters: network-<id>_eu-west-1 is 78 long', () => {
    expect(withCode(fixture('network-regions.yaml', (d) => cloud(d, 12)), 'LZ0602')).toEqual([]);
    expect(withCode(fixture('network-regions.yaml', (d) => cloud(d, 13)), 'LZ0602')).toEqual([
      `error deployment.cloud.workspaceName: "${'w'.repeat(12)}-{stack}" leaves room for 77 characters of stack name, but stack names can be 78 long (\`network-<id>_eu-west-1\` with a stack id of up to 60) and workspace names at most 90.`,
    ]);
  });

  test('a tenth baseline region group leaves 19 characters: baseline10-<id> is 71 long', () => {
    // 28 allowed regions and the home region: ten groups of at most three.
    const regions = (d: Doc) => {
      const home = d.organization.homeRegion;
      d.organization.allowedRegions = ['af-south-1', 'ap-east-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-south-1', 'ap-south-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ca-central-1', 'ca-west-1', 'eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'il-central-1', 'me-central-1', 'me-south-1', 'sa-east-1', 'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2'].filter((r) => r !== home).slice(0, 28);
    };
    expect(withCode(fixture('baseline-overrides.yaml', (d) => { regions(d); cloud(d, 19); }), 'LZ0602')).toEqual([]);
    expect(withCode(fixture('baseline-overrides.yaml', (d) => { regions(d); cloud(d, 20); }), 'LZ0602')).toEqual([
      `error deployment.cloud.workspaceName: "${'w'.repeat(19)}-{stack}" leaves room for 70 characters of stack name, but stack names can be 71 long (\`baseline10-<id>\` with a stack id of up to 60) and workspace names at most 90.`,
    ]);
    // Nine groups (25 allowed regions and the home region): bootstrap-<id> is the longest again.
    expect(withCode(fixture('baseline-overrides.yaml', (d) => { regions(d); d.organization.allowedRegions = d.organization.allowedRegions.slice(0, 25); cloud(d, 20); }), 'LZ0602')).toEqual([]);
  });
});
