import { join } from 'node:path';
import { validateFile } from '../../src/pipeline';
import { FIXTURES, modelOf } from '../helpers';

describe('an organization governed by Control Tower', () => {
  // Given org.yaml with organization.controlTower.enabled and no service principal of Control Tower's listed
  const model = modelOf(validateFile(join(FIXTURES, 'valid', 'control-tower.yaml')));

  test('keeps the trusted access Control Tower depends on, whatever serviceAccessPrincipals says', () => {
    expect(model.organization.serviceAccessPrincipals).toEqual([
      'cloudtrail.amazonaws.com',
      'config.amazonaws.com',
      'controltower.amazonaws.com',
      'member.org.stacksets.cloudformation.amazonaws.com',
    ]);
  });

  test('keeps SCPs and the listed extra policy types enabled on the root', () => {
    expect(model.organization.enabledPolicyTypes).toEqual(['SERVICE_CONTROL_POLICY', 'TAG_POLICY']);
  });

  test('names the policy with its AWS name, not its key', () => {
    expect(model.guardrails!.documents.map((d) => [d.policyKey, d.name])).toEqual([['deny-leave', 'DenyLeaveOrganization']]);
  });
});
