import type { OrgConfig } from '../config/schema';
import { ROOT } from './org-tree';

/** The prefix of the SCPs Control Tower creates for its controls; lz never declares or attaches one. */
export const CONTROL_TOWER_POLICY_PREFIX = 'aws-guardrails-';

/** The role Control Tower uses in every enrolled account; lz never creates or changes it. */
export const CONTROL_TOWER_EXECUTION_ROLE = 'AWSControlTowerExecution';

/**
 * Trusted access Control Tower depends on: its own, Config (controls and the aggregator), CloudTrail
 * (its organization trail) and CloudFormation StackSets (its account baselines). The organization
 * resource owns the whole list, so these stay in it whatever org.yaml says.
 * @see https://docs.aws.amazon.com/controltower/latest/userguide/orgs-guidance.html
 */
export const CONTROL_TOWER_SERVICE_PRINCIPALS = [
  'cloudtrail.amazonaws.com',
  'config.amazonaws.com',
  'controltower.amazonaws.com',
  'member.org.stacksets.cloudformation.amazonaws.com',
] as const;

export function controlTowerEnabled(config: OrgConfig): boolean {
  return config.organization.controlTower?.enabled === true;
}

/** Whether an OU path lies in (or is) an OU registered with Control Tower. */
export function isControlTowerGoverned(config: OrgConfig, ouPath: string): boolean {
  if (!controlTowerEnabled(config) || ouPath === ROOT) return false;
  return (config.organization.controlTower?.ous ?? []).some((ou) => ouPath === ou || ouPath.startsWith(`${ou}/`));
}

/** The number of Control Tower SCPs attached to a target (Root, an OU path or an account key). */
export function controlTowerAttachments(config: OrgConfig, target: string): number {
  if (!controlTowerEnabled(config)) return 0;
  return config.organization.controlTower?.guardrailAttachments[target] ?? 0;
}
