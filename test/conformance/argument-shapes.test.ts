import { ARGUMENT_SHAPES, MODEL_GAPS, TERRAFORM_ONLY, checkConformance } from './argument-shapes';
import { ENUM_GAPS, LIST_MAX_GAPS, loadServiceModel, resolveShape } from './aws-api-models';

/** A hub-and-spoke network as a network stack would synthesize it: tokens where the values are only known at apply. */
function networkStack() {
  return {
    provider: { aws: [{ region: 'eu-west-1', allowed_account_ids: ['222233334444'] }] },
    resource: {
      aws_ec2_transit_gateway: {
        hub: {
          description: 'Organization hub', amazon_side_asn: 64512, auto_accept_shared_attachments: 'enable',
          default_route_table_association: 'disable', default_route_table_propagation: 'disable',
          dns_support: 'enable', vpn_ecmp_support: 'enable', tags: { Name: 'hub' },
        },
      },
      aws_ec2_transit_gateway_route_table: { spokes: { transit_gateway_id: '${aws_ec2_transit_gateway.hub.id}', tags: { Name: 'spokes' } } },
      aws_ec2_transit_gateway_vpc_attachment: {
        shared: {
          transit_gateway_id: '${aws_ec2_transit_gateway.hub.id}', vpc_id: '${aws_vpc.shared.id}', subnet_ids: ['${aws_subnet.shared_a.id}'],
          dns_support: 'enable', appliance_mode_support: 'disable',
          transit_gateway_default_route_table_association: false, transit_gateway_default_route_table_propagation: false,
        },
      },
      aws_ec2_transit_gateway_route_table_association: {
        shared: { transit_gateway_attachment_id: '${aws_ec2_transit_gateway_vpc_attachment.shared.id}', transit_gateway_route_table_id: '${aws_ec2_transit_gateway_route_table.spokes.id}' },
      },
      aws_ec2_transit_gateway_route_table_propagation: {
        shared: { transit_gateway_attachment_id: '${aws_ec2_transit_gateway_vpc_attachment.shared.id}', transit_gateway_route_table_id: '${aws_ec2_transit_gateway_route_table.spokes.id}' },
      },
      aws_ec2_transit_gateway_route: {
        deny_onprem: { destination_cidr_block: '192.168.0.0/16', blackhole: true, transit_gateway_route_table_id: '${aws_ec2_transit_gateway_route_table.spokes.id}' },
      },
      aws_vpc: { shared: { cidr_block: '10.0.0.0/16', enable_dns_support: true, enable_dns_hostnames: true, instance_tenancy: 'default', tags: { Name: 'shared' } } },
      aws_subnet: { shared_a: { vpc_id: '${aws_vpc.shared.id}', cidr_block: '10.0.0.0/24', availability_zone_id: 'euw1-az1', tags: { Name: 'shared-a' } } },
      aws_route_table: { shared: { vpc_id: '${aws_vpc.shared.id}' } },
      aws_route: { to_hub: { route_table_id: '${aws_route_table.shared.id}', destination_cidr_block: '0.0.0.0/0', transit_gateway_id: '${aws_ec2_transit_gateway.hub.id}' } },
      aws_eip: { nat: { domain: 'vpc' } },
      aws_ram_resource_share: { hub: { name: 'transit-gateway', allow_external_principals: false, tags: { Name: 'hub' } } },
      aws_ram_resource_association: { hub: { resource_arn: '${aws_ec2_transit_gateway.hub.arn}', resource_share_arn: '${aws_ram_resource_share.hub.arn}' } },
      aws_ram_principal_association: {
        org: { principal: 'arn:aws:organizations::111122223333:organization/o-abcdef1234', resource_share_arn: '${aws_ram_resource_share.hub.arn}' },
      },
      aws_ram_sharing_with_organization: { org: {} },
    },
  } as Record<string, any>;
}

describe('the mapping table', () => {
  test('no argument is both mapped and Terraform-only', () => {
    const both = Object.keys(ARGUMENT_SHAPES).filter((key) => TERRAFORM_ONLY[key] !== undefined || MODEL_GAPS[key] !== undefined);
    expect(both).toEqual([]);
  });

  test.each(Object.entries(MODEL_GAPS))('%s is still missing from the models of aws-api-constraints.json (else map it)', (_key, gap) => {
    expect(() => resolveShape(gap.target)).toThrow(/no member|no operation/);
  });

  test.each(Object.entries(ENUM_GAPS))('the values of %s are still missing from its enum in the models (else drop them)', (key, gap) => {
    const [service, shape] = key.split('.') as [string, string];
    const known = loadServiceModel(service).shapes[shape]!.enum!;
    for (const value of gap.values) expect(known).not.toContain(value);
  });

  test.each(Object.entries(LIST_MAX_GAPS))('the maximum of %s is still below the raised one in the models (else drop it)', (key, gap) => {
    const [service, shape] = key.split('.') as [string, string];
    expect(loadServiceModel(service).shapes[shape]!.max).toBeLessThan(gap.max);
  });
});

describe('the network lines (ahead of the network stacks)', () => {
  test('a hand-written hub-and-spoke network conforms, and its literals were checked', () => {
    const report = checkConformance({ network: networkStack() });

    expect(report.unmapped).toEqual([]);
    expect(report.violations).toEqual([]);
    expect(report.checked).toMatchObject({
      'aws_ec2_transit_gateway.amazon_side_asn': 1,
      'aws_ec2_transit_gateway.auto_accept_shared_attachments': 1,
      'aws_ec2_transit_gateway.tags': 1,
      'aws_ec2_transit_gateway_vpc_attachment.dns_support': 1,
      'aws_ec2_transit_gateway_route.destination_cidr_block': 1,
      'aws_ec2_transit_gateway_route.blackhole': 1,
      'aws_vpc.enable_dns_support': 1,
      'aws_vpc.instance_tenancy': 1,
      'aws_subnet.availability_zone_id': 1,
      'aws_eip.domain': 1,
      'aws_ram_resource_share.name': 1,
      'aws_ram_resource_share.allow_external_principals': 1,
      'aws_ram_principal_association.principal': 1,
    });
    // References are checked once they are literals, not before.
    expect(report.checked['aws_ram_resource_association.resource_arn']).toBeUndefined();
  });

  test('wrong enums and types in the network lines are flagged', () => {
    const stack = networkStack();
    stack.resource.aws_ec2_transit_gateway.hub.auto_accept_shared_attachments = 'true';
    stack.resource.aws_ec2_transit_gateway.hub.default_route_table_propagation = 'disabled';
    stack.resource.aws_vpc.shared.instance_tenancy = 'shared';
    stack.resource.aws_vpc.shared.enable_dns_hostnames = 'yes';
    stack.resource.aws_eip.nat.domain = 'ipv4';
    stack.resource.aws_ram_resource_share.hub.allow_external_principals = 'false';

    const report = checkConformance({ network: stack });

    expect(report.violations).toEqual([
      'network: aws_ec2_transit_gateway.hub.auto_accept_shared_attachments: "true" is not one of AutoAcceptSharedAttachmentsValue.enum enable, disable',
      'network: aws_ec2_transit_gateway.hub.default_route_table_propagation: "disabled" is not one of DefaultRouteTablePropagationValue.enum enable, disable',
      'network: aws_vpc.shared.enable_dns_hostnames: expected true or false for Boolean, got "yes"',
      'network: aws_vpc.shared.instance_tenancy: "shared" is not one of Tenancy.enum default, dedicated, host',
      'network: aws_eip.nat.domain: "ipv4" is not one of DomainType.enum vpc, standard',
      'network: aws_ram_resource_share.hub.allow_external_principals: expected true or false for Boolean, got "false"',
    ]);
  });
});

describe('tags in every shape the models use', () => {
  test('Key/Value lists, TagKey/TagValue lists (KMS), key/value lists (RAM) and maps (Access Analyzer) are checked key by key', () => {
    const long = 'k'.repeat(129);
    const stack = {
      resource: {
        aws_kms_key: { logs: { tags: { [long]: 'v' } } },
        aws_ram_resource_share: { hub: { tags: { [long]: 'v' } } },
        aws_iam_role: { r: { tags: { [long]: 'v' } } },
        aws_accessanalyzer_analyzer: { a: { tags: { team: 'platform' } } },
      },
    };

    const report = checkConformance({ s: stack });

    expect(report.violations).toEqual([
      expect.stringMatching(/^s: aws_kms_key\.logs\.tags\[0\]\.TagKey: "k+ is longer than TagKeyType\.max 128$/),
      expect.stringMatching(/^s: aws_iam_role\.r\.tags\[0\]\.Key: "k+ is longer than tagKeyType\.max 128$/),
    ]);
    // The 2022 RAM model sets no tag limits, but the key/value structure itself was matched.
    expect(report.checked['aws_ram_resource_share.tags']).toBe(1);
    expect(report.checked['aws_accessanalyzer_analyzer.tags']).toBe(1);
  });
});

describe('what the walk refuses', () => {
  test('an unknown attribute of a mapped nested block, an unknown data source argument and an unknown resource type', () => {
    const stack = networkStack();
    stack.resource.aws_s3_bucket_versioning = { logs: { bucket: 'logs', versioning_configuration: { status: 'Enabled', surprise: 'x' } } };
    stack.data = { aws_identitystore_group: { g: { identity_store_id: 'd-1234567890', filter: { attribute_path: 'DisplayName' } } } };
    stack.resource.aws_networkfirewall_tls_inspection_configuration = { tls: { name: 'tls' } };

    const report = checkConformance({ network: stack });

    expect(report.unmapped).toEqual([
      'aws_s3_bucket_versioning.versioning_configuration.surprise',
      'aws_networkfirewall_tls_inspection_configuration.name',
      'data.aws_identitystore_group.filter',
    ]);
    expect(report.checked['aws_s3_bucket_versioning.versioning_configuration.status']).toBe(1);
    expect(report.checked['data.aws_identitystore_group.identity_store_id']).toBe(1);
  });
});
