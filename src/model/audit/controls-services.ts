import { notSatisfied, satisfied, type Control } from './control';
import { blocks, evidenceOf, type Inventory, type PlacedResource } from './inventory';

const CIS = 'CIS AWS Foundations Benchmark';
const CONFIG_SLR = /:role\/aws-service-role\/config\.amazonaws\.com\/AWSServiceRoleForConfig$/;

/** The recorder's role is AWS Config's service-linked role, by ARN or by reference to its aws_iam_service_linked_role. */
function usesConfigServiceLinkedRole(inventory: Inventory, recorder: PlacedResource): PlacedResource | true | undefined {
  const role = recorder.body.role_arn;
  if (typeof role === 'string' && CONFIG_SLR.test(role)) return true;
  const target = inventory.target(recorder.stack, role);
  return target?.type === 'aws_iam_service_linked_role' && target.body.aws_service_name === 'config.amazonaws.com' ? target : undefined;
}

/**
 * Regions where Security Hub central configuration reaches: the home region of the
 * CENTRAL organization configuration and the regions its finding aggregator links.
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/central-configuration-intro.html
 */
function centrallyConfiguredRegions(inventory: Inventory, regions: readonly string[]): Set<string> {
  const central = inventory.all('aws_securityhub_organization_configuration').filter((c) => blocks(c.body, 'organization_configuration').some((o) => o.configuration_type === 'CENTRAL'));
  const out = new Set<string>();
  for (const c of central) {
    if (c.region) out.add(c.region);
    for (const a of inventory.all('aws_securityhub_finding_aggregator').filter((x) => x.account === c.account && x.region === c.region)) {
      const specified = [a.body.specified_regions ?? []].flat() as string[];
      for (const r of regions) {
        if (a.body.linking_mode === 'ALL_REGIONS' || (a.body.linking_mode === 'SPECIFIED_REGIONS' && specified.includes(r)) || (a.body.linking_mode === 'ALL_REGIONS_EXCEPT_SPECIFIED' && !specified.includes(r))) out.add(r);
      }
    }
  }
  return out;
}

/** A central configuration policy that enables Security Hub, associated with the organization root. */
function enablingPolicyAtRoot(inventory: Inventory): PlacedResource[] {
  return inventory.all('aws_securityhub_configuration_policy_association').filter((assoc) => {
    const policy = inventory.target(assoc.stack, assoc.body.policy_id);
    const target = inventory.target(assoc.stack, assoc.body.target_id);
    const atRoot = target?.type === 'aws_organizations_organization' || (typeof assoc.body.target_id === 'string' && /^r-[0-9a-z]{4,32}$/.test(assoc.body.target_id));
    return policy !== undefined && atRoot && blocks(policy.body, 'configuration_policy').some((p) => p.service_enabled === true);
  });
}

export const SERVICE_CONTROLS: readonly Control[] = [
  {
    id: 'Config.1',
    title: 'AWS Config should be enabled and use the service-linked role for resource recording',
    standards: ['FSBP', `${CIS} v1.2.0 2.5`, `${CIS} v1.4.0 3.5`, `${CIS} v3.0.0 3.3`],
    severity: 'Critical',
    scope: 'account-region',
    requires: 'in the account and region: an aws_config_configuration_recorder recording all supported resource types (and global ones in the home region) with the config.amazonaws.com service-linked role, its aws_config_configuration_recorder_status enabled, and an aws_config_delivery_channel',
    limits: 'With Security Hub\'s own service-linked recorder AWS reports Config.1 as passed regardless; this check holds the landing zone to its own recorder.',
    check: (inventory, { account, region }) => {
      const recorder = inventory.in('aws_config_configuration_recorder', account!, region)[0];
      if (!recorder) return notSatisfied('no AWS Config recorder in this account and region');
      const group = blocks(recorder.body, 'recording_group')[0] ?? {};
      if (group.all_supported === false) return notSatisfied('the recorder does not record all supported resource types', [evidenceOf(recorder)]);
      if (region === inventory.scope.homeRegion && group.include_global_resource_types !== true) return notSatisfied('the home-region recorder does not record global resource types (IAM)', [evidenceOf(recorder)]);
      const role = usesConfigServiceLinkedRole(inventory, recorder);
      if (!role) return notSatisfied('the recorder does not use the AWSServiceRoleForConfig service-linked role', [evidenceOf(recorder)]);
      const status = inventory.in('aws_config_configuration_recorder_status', account!, region).find((s) => s.body.is_enabled === true && (inventory.refersTo(s.stack, s.body.name, recorder) || s.body.name === recorder.body.name));
      if (!status) return notSatisfied('the recorder is not turned on (no enabled aws_config_configuration_recorder_status)', [evidenceOf(recorder)]);
      const channel = inventory.in('aws_config_delivery_channel', account!, region)[0];
      if (!channel) return notSatisfied('no delivery channel: the recorder cannot start', [evidenceOf(recorder)]);
      return satisfied('recorder on, all resource types, service-linked role, delivery channel', [recorder, status, channel, ...(role === true ? [] : [role])].map(evidenceOf));
    },
  },
  {
    id: 'GuardDuty.1',
    title: 'GuardDuty should be enabled',
    standards: ['FSBP'],
    severity: 'High',
    scope: 'account-region',
    requires: 'in the region: an aws_guardduty_detector of the account, or an aws_guardduty_organization_configuration with auto_enable_organization_members = ALL (with the delegated administrator designated in that region)',
    check: (inventory, { account, region }) => {
      const detector = inventory.in('aws_guardduty_detector', account!, region).find((d) => d.body.enable !== false);
      if (detector) return satisfied('the account\'s detector is enabled', [evidenceOf(detector)]);
      const admin = inventory.all('aws_guardduty_organization_admin_account').filter((a) => a.region === region);
      const organization = inventory.all('aws_guardduty_organization_configuration').filter((c) => c.region === region);
      const all = organization.find((c) => c.body.auto_enable_organization_members === 'ALL');
      if (all && admin.length > 0) return satisfied('the organization configuration enables GuardDuty in every account (ALL)', [evidenceOf(admin[0]!), evidenceOf(all)]);
      if (organization.length > 0) return notSatisfied(`the organization configuration auto-enables ${String(organization[0]!.body.auto_enable_organization_members ?? organization[0]!.body.auto_enable)} accounts, not all existing ones`, organization.map(evidenceOf));
      const elsewhere = [...new Set(inventory.all('aws_guardduty_organization_configuration').map((c) => c.region))].filter((r) => r !== undefined);
      return notSatisfied(elsewhere.length > 0 ? `GuardDuty is configured for the organization in ${elsewhere.join(', ')} only` : 'GuardDuty is not enabled by the landing zone');
    },
  },
  {
    id: 'SecurityHub.1',
    title: 'Security Hub should be enabled',
    standards: [],
    severity: 'High',
    scope: 'account-region',
    requires: 'in the region: an aws_securityhub_account of the account, or central configuration (CENTRAL aws_securityhub_organization_configuration, an aws_securityhub_configuration_policy with service_enabled associated with the root, the region linked by the finding aggregator)',
    limits: 'A LOCAL organization configuration with auto_enable turns Security Hub on only in accounts that join after it is applied, so it proves nothing for existing accounts.',
    check: (inventory, { account, region }) => {
      const hub = inventory.in('aws_securityhub_account', account!, region)[0];
      if (hub) return satisfied('Security Hub is enabled in the account', [evidenceOf(hub)]);
      const policies = enablingPolicyAtRoot(inventory);
      if (policies.length > 0 && centrallyConfiguredRegions(inventory, inventory.scope.regions).has(region!)) return satisfied('a central configuration policy enables Security Hub for the whole organization in this region', policies.map(evidenceOf));
      const local = inventory.all('aws_securityhub_organization_configuration').filter((c) => c.region === region && c.body.auto_enable === true);
      if (local.length > 0) return notSatisfied('auto_enable (LOCAL configuration) enables only accounts that join later, not this existing account', local.map(evidenceOf));
      return notSatisfied('Security Hub is not enabled for this account in this region');
    },
  },
  {
    id: 'IAM.28',
    title: 'IAM Access Analyzer external access analyzer should be enabled',
    standards: [`${CIS} v3.0.0 1.20`],
    severity: 'High',
    scope: 'account-region',
    requires: 'an aws_accessanalyzer_analyzer (ACCOUNT, or ORGANIZATION in the account that holds it) in the account and region',
    limits: 'An organization analyzer is visible only in the account that holds it, so other accounts need their own.',
    check: (inventory, { account, region }) => {
      const analyzer = inventory.in('aws_accessanalyzer_analyzer', account!, region).find((a) => (a.body.type ?? 'ACCOUNT') === 'ACCOUNT' || a.body.type === 'ORGANIZATION');
      return analyzer ? satisfied(`an ${String(analyzer.body.type ?? 'ACCOUNT')} external access analyzer`, [evidenceOf(analyzer)]) : notSatisfied('no external access analyzer in this account and region');
    },
  },
];
