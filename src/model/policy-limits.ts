import type { GuardrailsConfig } from '../config/schema/guardrails';

export interface PolicyTypeLimits {
  /** Characters of the minified document. */
  readonly maxSize: number;
  /** Policies of this type attached to one root, OU or account, the AWS-managed one included. */
  readonly maxPerTarget: number;
  /** The AWS-managed policy attached everywhere by default, which counts towards maxPerTarget. */
  readonly managedPolicy?: string;
}

/**
 * Default quotas of AWS Organizations by policy type.
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html
 * SCPs and RCPs: 5,120 characters, 5 per target. Tag and backup policies: 10,000 characters,
 * 10 per target. AI-services opt-out policies: 2,500 characters, 5 per target. Declarative policies:
 * 10,000 characters, 10 per target; no AWS-managed one is attached by default.
 */
const DEFAULT_LIMITS: Record<string, PolicyTypeLimits> = {
  SERVICE_CONTROL_POLICY: { maxSize: 5120, maxPerTarget: 5, managedPolicy: 'FullAWSAccess' },
  RESOURCE_CONTROL_POLICY: { maxSize: 5120, maxPerTarget: 5, managedPolicy: 'RCPFullAWSAccess' },
  TAG_POLICY: { maxSize: 10000, maxPerTarget: 10 },
  BACKUP_POLICY: { maxSize: 10000, maxPerTarget: 10 },
  AISERVICES_OPT_OUT_POLICY: { maxSize: 2500, maxPerTarget: 5 },
  DECLARATIVE_POLICY_EC2: { maxSize: 10000, maxPerTarget: 10 },
};

/** The raised SCP quotas that a management account can request through Service Quotas. */
const RAISED_SCP: PolicyTypeLimits = { maxSize: 10240, maxPerTarget: 10, managedPolicy: 'FullAWSAccess' };

/** The limits a policy type is checked against under the chosen profile. */
export function policyLimits(type: string, profile: GuardrailsConfig['profile']): PolicyTypeLimits {
  if (type === 'SERVICE_CONTROL_POLICY' && profile === 'raised') return RAISED_SCP;
  const limits = DEFAULT_LIMITS[type];
  if (!limits) throw new Error(`no limits known for policy type ${type}`);
  return limits;
}
