/**
 * The bare cdktf baseline: the same resources as `lz synth` creates for a synthetic organization,
 * built directly from the generator's spec with the provider classes: no org.yaml, no
 * validation, no model. The tool's own overhead is its time divided by this program's.
 *
 * Usage: node dist/bench/baseline.js <spec.json> <outdir>
 */
import { OrganizationsAccount } from '@cdktf/provider-aws/lib/organizations-account';
import { OrganizationsOrganization } from '@cdktf/provider-aws/lib/organizations-organization';
import { OrganizationsOrganizationalUnit } from '@cdktf/provider-aws/lib/organizations-organizational-unit';
import { OrganizationsPolicy } from '@cdktf/provider-aws/lib/organizations-policy';
import { OrganizationsPolicyAttachment } from '@cdktf/provider-aws/lib/organizations-policy-attachment';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { readFileSync } from 'node:fs';
import type { OrgSpec } from './generate';

function main(specFile: string, outdir: string): void {
  const spec = JSON.parse(readFileSync(specFile, 'utf8')) as OrgSpec;
  // The same App settings as the tool, so the ratio measures the tool, not a cdktf option.
  const app = new App({ outdir, stackTraces: false });
  const stack = new TerraformStack(app, 'organization');
  new AwsProvider(stack, 'aws', { region: spec.region, allowedAccountIds: [spec.managementId] });
  new LocalBackend(stack, { path: '../../../terraform.organization.tfstate' });
  const org = new OrganizationsOrganization(stack, 'organization', { featureSet: 'ALL', enabledPolicyTypes: ['SERVICE_CONTROL_POLICY'] });
  const root = org.roots.get(0).id;
  const ouIds = new Map<string, string>();
  for (const path of spec.ous) {
    const parent = path.includes('/') ? ouIds.get(path.slice(0, path.lastIndexOf('/')))! : root;
    const ou = new OrganizationsOrganizationalUnit(stack, `ou_${path.replace(/\//g, '_')}`, { name: path.split('/').pop()!, parentId: parent });
    ouIds.set(path, ou.id);
  }
  for (const a of spec.accounts) {
    new OrganizationsAccount(stack, `account_${a.key}`, {
      name: a.name,
      email: a.email,
      parentId: ouIds.get(a.ou)!,
      closeOnDeletion: false,
      lifecycle: { preventDestroy: true, ignoreChanges: ['role_name', 'iam_user_access_to_billing'] },
    });
  }
  for (const p of spec.policies) {
    const policy = new OrganizationsPolicy(stack, `policy_${p.key}`, {
      name: p.key,
      type: 'SERVICE_CONTROL_POLICY',
      content: JSON.stringify({ Version: '2012-10-17', Statement: p.statements }),
    });
    for (const t of p.targets)
      new OrganizationsPolicyAttachment(stack, `attach_${p.key}__${t}`, { policyId: policy.id, targetId: t === 'Root' ? root : ouIds.get(t)! });
  }
  app.synth();
}

main(process.argv[2]!, process.argv[3]!);
