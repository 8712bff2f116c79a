import type { OrgConfig } from '../config/schema';
import { SecurityHubStandard } from '../config/schema/security';
import { ROOT } from './org-tree';
import type { Partition } from './types';

/** A security control id as Security Hub names it: `IAM.6`, `EC2.19`. */
export const SECURITY_CONTROL_ID = /^[A-Za-z0-9]+\.\d+$/;

/** Where a configuration policy is associated: the root, an OU or an account. */
export type SecurityHubPolicyTarget = { readonly kind: 'root' } | { readonly kind: 'ou'; readonly path: string } | { readonly kind: 'account'; readonly key: string };

/** `Root`, `ou:<path>` or `account:<key>`: one string per target, to find a target named twice. */
export function securityHubTargetName(target: SecurityHubPolicyTarget): string {
  return target.kind === 'root' ? ROOT : target.kind === 'ou' ? `ou:${target.path}` : `account:${target.key}`;
}

export interface SecurityHubPolicyModel {
  readonly key: string;
  /** The policy's name in Security Hub. */
  readonly name: string;
  readonly description: string;
  /** Sorted. */
  readonly standardArns: readonly string[];
  /** Sorted, unique. */
  readonly disabledControls: readonly string[];
  /** Root first, then OUs by path, then accounts by key. */
  readonly targets: readonly SecurityHubPolicyTarget[];
}

/**
 * Security Hub central configuration: the delegated administrator's configuration policies, made
 * in the home region, take effect there and in every region the home region's finding aggregator
 * links. A member account or OU governed by a policy is centrally managed: only the delegated
 * administrator configures it.
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/central-configuration-intro.html
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/aggregation-central-configuration.html
 */
export interface SecurityHubCentralModel {
  /** The allowed regions other than the home region, sorted: the aggregator's linked regions. */
  readonly linkedRegions: readonly string[];
  /** Sorted by key. */
  readonly policies: readonly SecurityHubPolicyModel[];
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The targets of a policy as org.yaml lists them (`ous` with Root among them, `accounts`), in a
 * fixed order so that reordering either list changes nothing.
 */
export function securityHubPolicyTargets(policy: { readonly ous: readonly string[]; readonly accounts: readonly string[] }): SecurityHubPolicyTarget[] {
  const ous = [...new Set(policy.ous)].sort(byString);
  return [
    ...(ous.includes(ROOT) ? [{ kind: 'root' as const }] : []),
    ...ous.filter((p) => p !== ROOT).map((path) => ({ kind: 'ou' as const, path })),
    ...[...new Set(policy.accounts)].sort(byString).map((key) => ({ kind: 'account' as const, key })),
  ];
}

/**
 * Security Hub standard ARNs. CIS 1.2.0 predates regional standards and keeps its global
 * `ruleset` ARN; the others are regional.
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/standards-reference.html
 */
export function securityHubStandardArn(standard: SecurityHubStandard, partition: Partition, region: string): string {
  const regional = (path: string) => `arn:${partition}:securityhub:${region}::standards/${path}`;
  switch (standard) {
    case 'aws-foundational-security-best-practices-v1-0-0':
      return regional('aws-foundational-security-best-practices/v/1.0.0');
    case 'cis-aws-foundations-benchmark-v1-2-0':
      return `arn:${partition}:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0`;
    case 'cis-aws-foundations-benchmark-v1-4-0':
      return regional('cis-aws-foundations-benchmark/v/1.4.0');
    case 'cis-aws-foundations-benchmark-v3-0-0':
      return regional('cis-aws-foundations-benchmark/v/3.0.0');
    case 'nist-800-53-v5-0-0':
      return regional('nist-800-53/v/5.0.0');
    case 'pci-dss-v3-2-1':
      return regional('pci-dss/v/3.2.1');
  }
}

/**
 * The configuration policies of org.yaml, resolved. A policy names each standard by its home-region
 * ARN, the region of the policy itself; Security Hub enables the standard in every linked region.
 */
export function buildSecurityHubCentralModel(config: OrgConfig, namePrefix: string, allowedRegions: readonly string[]): SecurityHubCentralModel | undefined {
  const policies = config.security?.services.securityHub?.configurationPolicies;
  if (!policies) return undefined;
  const { partition, homeRegion } = config.organization;
  return {
    linkedRegions: allowedRegions.filter((r) => r !== homeRegion).sort(byString),
    policies: Object.keys(policies).sort(byString).map((key) => {
      const p = policies[key]!;
      const standards = [...new Set(p.standards)].map((s) => SecurityHubStandard.parse(s));
      return {
        key,
        name: `${namePrefix}-${key}`,
        description: p.description ?? `Security Hub configuration of the landing zone (${key}).`,
        standardArns: standards.map((s) => securityHubStandardArn(s, partition, homeRegion)).sort(byString),
        disabledControls: [...new Set(p.disabledControls)].sort(byString),
        targets: securityHubPolicyTargets(p),
      };
    }),
  };
}
