import { Ec2DeclarativeSettings } from '../../src/config/schema/declarative';
import { compileEc2Declarative, declarativePolicyIssues } from '../../src/model/declarative-policy';

describe('compileEc2Declarative', () => {
  test('given the structured form, the document uses the declarative syntax and locks every setting', () => {
    const settings = Ec2DeclarativeSettings.parse({
      vpcBlockPublicAccess: { mode: 'block_bidirectional' },
      instanceMetadataDefaults: { httpTokens: 'required', httpPutResponseHopLimit: 2 },
    });

    const document = compileEc2Declarative(settings);

    const lock = { '@@operators_allowed_for_child_policies': ['@@none'] };
    expect(document).toEqual({
      ec2_attributes: {
        vpc_block_public_access: { internet_gateway_block: { mode: { '@@assign': 'block_bidirectional', ...lock }, exclusions_allowed: { '@@assign': 'disabled', ...lock } } },
        instance_metadata_defaults: { http_tokens: { '@@assign': 'required', ...lock }, http_put_response_hop_limit: { '@@assign': '2', ...lock } },
      },
    });
    expect(declarativePolicyIssues(document)).toEqual([]);
  });

  test('allowChildOverrides lets child policies change the settings; providers are sorted and de-duplicated', () => {
    const document = compileEc2Declarative(Ec2DeclarativeSettings.parse({
      allowedImages: { state: 'enabled', imageProviders: ['amazon', '111122223333', 'amazon'] }, allowChildOverrides: true,
    }));

    expect(document.ec2_attributes.allowed_images_settings).toEqual({
      state: { '@@assign': 'enabled', '@@operators_allowed_for_child_policies': ['@@all'] },
      image_criteria: { criteria_1: { allowed_image_providers: { '@@assign': ['111122223333', 'amazon'], '@@operators_allowed_for_child_policies': ['@@all'] } } },
    });
    expect(declarativePolicyIssues(document)).toEqual([]);
  });

  test('a form that sets nothing compiles to a document the grammar refuses', () => {
    expect(declarativePolicyIssues(compileEc2Declarative(Ec2DeclarativeSettings.parse({ exceptionMessage: 'no' })))).toEqual([
      expect.objectContaining({ path: ['ec2_attributes'], message: 'The policy sets no EC2 attribute.' }),
    ]);
  });
});

describe('declarativePolicyIssues', () => {
  test('the examples of the AWS syntax page conform', () => {
    const document = {
      ec2_attributes: {
        exception_message: { '@@assign': 'Ask the platform team.' },
        serial_console_access: { status: { '@@assign': 'disabled' } },
        image_block_public_access: { state: { '@@assign': 'block_new_sharing' } },
        snapshot_block_public_access: { state: { '@@assign': 'block_all_sharing', '@@operators_allowed_for_child_policies': ['@@all'] } },
        instance_metadata_defaults: { http_endpoint: { '@@assign': 'enabled' }, instance_metadata_tags: { '@@assign': 'no_preference' }, http_put_response_hop_limit: { '@@assign': '-1' } },
        allowed_images_settings: { state: { '@@assign': 'audit_mode' }, image_criteria: { criteria_10: { image_names: { '@@append': ['golden-*'] }, creation_date_condition: { maximum_days_since_created: { '@@assign': 300 } } } } },
      },
    };
    expect(declarativePolicyIssues(document)).toEqual([]);
  });

  test.each([
    [{ ec2: {} }, [], 'A declarative policy for EC2 is an object with `ec2_attributes`.'],
    [{ ec2_attributes: { serial_console_access: { status: { '@@assign': 'disabled' } } }, tags: {} }, ['tags'], '"tags" is not a declarative policy section; EC2 policies have only ec2_attributes.'],
    [{ ec2_attributes: { serial_console_access: { status: 'disabled' } } }, ['ec2_attributes', 'serial_console_access', 'status'], 'status must be an object such as {"@@assign": ...}; received "disabled".'],
    [{ ec2_attributes: { serial_console_access: { status: { '@@append': 'disabled' } } } }, ['ec2_attributes', 'serial_console_access', 'status', '@@append'], '"@@append" is not an operator of status.'],
    [{ ec2_attributes: { serial_console_access: { status: { '@@assign': 'off' } } } }, ['ec2_attributes', 'serial_console_access', 'status', '@@assign'], '"off" is not a value of status.'],
    [{ ec2_attributes: { image_block_public_access: { state: { '@@assign': 'block_all_sharing' } } } }, ['ec2_attributes', 'image_block_public_access', 'state', '@@assign'], '"block_all_sharing" is not a value of state.'],
    [{ ec2_attributes: { serial_console_access: { status: { '@@assign': 'disabled', '@@operators_allowed_for_child_policies': '@@none' } } } },
      ['ec2_attributes', 'serial_console_access', 'status', '@@operators_allowed_for_child_policies'], '@@operators_allowed_for_child_policies takes a list of operators; received "@@none".'],
    [{ ec2_attributes: { allowed_images_settings: { image_criteria: { criteria_11: {} } } } }, ['ec2_attributes', 'allowed_images_settings', 'image_criteria', 'criteria_11'], '"criteria_11" is not a field of image_criteria.'],
  ])('%j: %j', (document, path, message) => {
    expect(declarativePolicyIssues(document)).toContainEqual(expect.objectContaining({ path, message }));
  });
});
