import { error } from '../config/diagnostics';
import { CONTROL_TOWER_POLICY_PREFIX, controlTowerEnabled } from '../model/control-tower';
import { sortedEntries, type Rule } from './rule';

/**
 * Under Control Tower, the aws-guardrails-* SCPs are Control Tower's: it rewrites them when a
 * control is enabled or its landing zone is updated, and reports drift when anything else does.
 */
export const controlTowerPoliciesAreLeftToControlTower: Rule = {
  code: 'LZ0902',
  name: 'control-tower-policies-are-left-to-control-tower',
  check({ config }) {
    if (!controlTowerEnabled(config)) return [];
    return sortedEntries(config.policies)
      .filter(([key, p]) => (p.name ?? key).toLowerCase().startsWith(CONTROL_TOWER_POLICY_PREFIX))
      .map(([key, p]) => error(this.code, p.name !== undefined ? ['policies', key, 'name'] : ['policies', key],
        `The policy "${p.name ?? key}" has Control Tower's name prefix ${CONTROL_TOWER_POLICY_PREFIX}; Control Tower owns those SCPs and would report lz's changes as drift.`,
        'Remove it from org.yaml and manage it with Control Tower controls, or give your own policy another name.'));
  },
};
