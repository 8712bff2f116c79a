import type { OrgConfig } from '../config/schema';
import type { GuardDutyProtectionPlans, SecurityHubStandard } from '../config/schema/security';
import { buildSecurityHubCentralModel, securityHubStandardArn, type SecurityHubCentralModel } from './security-hub-central';

export { securityHubStandardArn } from './security-hub-central';

export type SecurityServiceKey = 'guardDuty' | 'securityHub' | 'configAggregator' | 'accessAnalyzer' | 'inspector' | 'macie' | 'detective';

/**
 * How AWS wants the delegated administrator of a service registered. GuardDuty, Security Hub,
 * Inspector and Macie have their own admin API, called from the management account: it registers
 * the account with Organizations itself and also turns the service on there, so registering the
 * same principal again with RegisterDelegatedAdministrator is refused (AccountAlreadyRegistered).
 * Detective has one too, but its designation creates a behavior graph in the account when it has
 * none, so it runs in its own stack after the graph exists (see SecurityModel.detective).
 * Config and IAM Access Analyzer have no such API: Organizations' RegisterDelegatedAdministrator is
 * their only way.
 */
export type AdminApi = 'organizations' | 'guardduty' | 'securityhub' | 'inspector2' | 'macie2' | 'detective';

export const SECURITY_SERVICES: Readonly<Record<SecurityServiceKey, { readonly servicePrincipal: string; readonly adminApi: AdminApi }>> = {
  accessAnalyzer: { servicePrincipal: 'access-analyzer.amazonaws.com', adminApi: 'organizations' },
  configAggregator: { servicePrincipal: 'config.amazonaws.com', adminApi: 'organizations' },
  detective: { servicePrincipal: 'detective.amazonaws.com', adminApi: 'detective' },
  guardDuty: { servicePrincipal: 'guardduty.amazonaws.com', adminApi: 'guardduty' },
  inspector: { servicePrincipal: 'inspector2.amazonaws.com', adminApi: 'inspector2' },
  macie: { servicePrincipal: 'macie.amazonaws.com', adminApi: 'macie2' },
  securityHub: { servicePrincipal: 'securityhub.amazonaws.com', adminApi: 'securityhub' },
};

export interface SecurityDelegation {
  readonly service: SecurityServiceKey;
  readonly servicePrincipal: string;
  readonly accountKey: string;
  readonly adminApi: AdminApi;
}

/** The delegated administrators the security section implies, by service principal. */
export function securityDelegations(config: OrgConfig): SecurityDelegation[] {
  const security = config.security;
  if (!security) return [];
  return (Object.keys(SECURITY_SERVICES) as SecurityServiceKey[])
    .filter((service) => security.services[service] !== undefined)
    .map((service) => ({ service, ...SECURITY_SERVICES[service], accountKey: security.account }))
    .sort((a, b) => (a.servicePrincipal < b.servicePrincipal ? -1 : 1));
}

/** One GuardDuty protection plan (a detector feature) as org.yaml sets it, sorted by name. */
export interface GuardDutyFeatureModel {
  /** The DetectorFeature / OrgFeature name of the API, e.g. S3_DATA_EVENTS. */
  readonly name: string;
  readonly enabled: boolean;
  /** Agent management of Runtime Monitoring (FeatureAdditionalConfiguration names), sorted. */
  readonly additional: ReadonlyArray<{ readonly name: string; readonly enabled: boolean }>;
}

const AGENT_MANAGEMENT = { EKS: 'EKS_ADDON_MANAGEMENT', ECS_FARGATE: 'ECS_FARGATE_AGENT_MANAGEMENT', EC2: 'EC2_AGENT_MANAGEMENT' } as const;

/**
 * The features org.yaml manages. Runtime Monitoring lists every agent-management configuration,
 * enabled or not, so that removing one from org.yaml turns it off instead of leaving it as it was.
 * @see https://docs.aws.amazon.com/guardduty/latest/APIReference/API_DetectorAdditionalConfiguration.html
 */
export function guardDutyFeatures(plans: GuardDutyProtectionPlans): GuardDutyFeatureModel[] {
  const out: GuardDutyFeatureModel[] = [];
  const simple = [['s3DataEvents', 'S3_DATA_EVENTS'], ['eksAuditLogs', 'EKS_AUDIT_LOGS'], ['ebsMalwareProtection', 'EBS_MALWARE_PROTECTION'],
    ['rdsLoginEvents', 'RDS_LOGIN_EVENTS'], ['lambdaNetworkLogs', 'LAMBDA_NETWORK_LOGS']] as const;
  for (const [key, name] of simple) if (plans[key] !== undefined) out.push({ name, enabled: plans[key], additional: [] });
  if (plans.runtimeMonitoring)
    out.push({ name: 'RUNTIME_MONITORING', enabled: true,
      additional: (Object.keys(AGENT_MANAGEMENT) as Array<keyof typeof AGENT_MANAGEMENT>).map((k) => ({ name: AGENT_MANAGEMENT[k], enabled: plans.runtimeMonitoring!.agentManagement.includes(k) })) });
  if (plans.eksRuntimeMonitoring)
    out.push({ name: 'EKS_RUNTIME_MONITORING', enabled: true, additional: [{ name: 'EKS_ADDON_MANAGEMENT', enabled: plans.eksRuntimeMonitoring.agentManagement }] });
  const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return out.map((f) => ({ ...f, additional: [...f.additional].sort(byName) })).sort(byName);
}

/** The Inspector scan types (Enable resourceTypes) of the auto-enable settings, in the API's order. */
export function inspectorResourceTypes(inspector: NonNullable<SecurityModel['inspector']>): string[] {
  return [['EC2', inspector.ec2], ['ECR', inspector.ecr], ['LAMBDA', inspector.lambda], ['LAMBDA_CODE', inspector.lambdaCode]].filter(([, on]) => on).map(([type]) => type as string);
}

export interface SecurityHubStandardModel {
  readonly key: SecurityHubStandard;
  readonly arn: string;
}

export interface SecurityModel {
  /** Key of the security tooling account: delegated administrator of every enabled service. */
  readonly accountKey: string;
  /**
   * GuardDuty is regional: the administrator is designated, and the organization configured, in
   * every allowed region. `regionGroups` are the baseline's pinned groups of at most 3 regions
   * (lz.lock.json `baselineRegionGroups`), one stack each, home region first in the first group.
   */
  readonly guardDuty?: { readonly autoEnable: 'ALL' | 'NEW' | 'NONE'; readonly features: readonly GuardDutyFeatureModel[]; readonly regionGroups: readonly (readonly string[])[] };
  /**
   * Standards sorted by key (local configuration). With `central`, Security Hub is configured by
   * configuration policies and `autoEnable` and `standards` are not used (rule LZ0411).
   */
  readonly securityHub?: { readonly autoEnable: boolean; readonly standards: readonly SecurityHubStandardModel[]; readonly central?: SecurityHubCentralModel };
  readonly configAggregator?: { readonly name: string; readonly roleName: string };
  readonly accessAnalyzer?: { readonly name: string };
  readonly inspector?: { readonly ec2: boolean; readonly ecr: boolean; readonly lambda: boolean; readonly lambdaCode: boolean };
  readonly macie?: { readonly autoEnable: boolean };
  /**
   * The behavior graph is created in the security account first (security-tooling), so that the
   * designation adopts it instead of creating one whose ARN Terraform could not read back; the
   * designation (detective-administration, management account) comes next, then the organization
   * configuration of that graph (detective-configuration, security account).
   */
  readonly detective?: { readonly autoEnable: boolean; readonly graphName: string; readonly administrator: SecurityDelegation };
  /**
   * Services whose administrator the organization stack designates through the service's own API
   * (see AdminApi), sorted by principal. Detective is not among them: see `detective`.
   */
  readonly serviceAdministrators: readonly SecurityDelegation[];
}

export function buildSecurityModel(config: OrgConfig, namePrefix: string, allowedRegions: readonly string[], regionGroups: readonly (readonly string[])[]): SecurityModel | undefined {
  const security = config.security;
  if (!security) return undefined;
  const { partition, homeRegion } = config.organization;
  const s = security.services;
  const inspectorTypes = new Set(s.inspector?.resourceTypes ?? []);
  const delegations = securityDelegations(config);
  const delegation = (service: SecurityServiceKey) => delegations.find((d) => d.service === service)!;
  const central = buildSecurityHubCentralModel(config, namePrefix, allowedRegions);
  return {
    accountKey: security.account,
    ...(s.guardDuty ? { guardDuty: { autoEnable: s.guardDuty.autoEnable, features: guardDutyFeatures(s.guardDuty.protectionPlans), regionGroups } } : {}),
    ...(s.securityHub
      ? {
          securityHub: {
            autoEnable: s.securityHub.autoEnable,
            standards: [...new Set(s.securityHub.standards)].sort().map((key) => ({ key, arn: securityHubStandardArn(key, partition, homeRegion) })),
            ...(central ? { central } : {}),
          },
        }
      : {}),
    ...(s.configAggregator ? { configAggregator: { name: `${namePrefix}-organization`, roleName: `${namePrefix}-config-aggregator` } } : {}),
    ...(s.accessAnalyzer ? { accessAnalyzer: { name: `${namePrefix}-organization` } } : {}),
    ...(s.inspector
      ? { inspector: { ec2: inspectorTypes.has('EC2'), ecr: inspectorTypes.has('ECR'), lambda: inspectorTypes.has('LAMBDA'), lambdaCode: inspectorTypes.has('LAMBDA_CODE') } }
      : {}),
    ...(s.macie ? { macie: { autoEnable: s.macie.autoEnable } } : {}),
    ...(s.detective ? { detective: { autoEnable: s.detective.autoEnable, graphName: `${namePrefix}-organization`, administrator: delegation('detective') } } : {}),
    serviceAdministrators: delegations.filter((d) => d.adminApi !== 'organizations' && d.adminApi !== 'detective'),
  };
}
