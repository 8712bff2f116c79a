import { error, type Finding, type YamlPath } from '../config/diagnostics';
import { sortedEntries, type Rule } from './rule';

/** AttachPolicy: at most 5 service control policies on the root, an OU or an account (quota, not adjustable). */
export const SCPS_PER_TARGET_LIMIT = 5;

export const scpsPerTargetWithinLimit: Rule = {
  code: 'LZ0810',
  name: 'scps-per-target-within-limit',
  check({ config, ous }) {
    const targets: Array<[YamlPath, string, readonly string[]]> = [
      [['organization', 'policies'], 'the organization root', config.organization.policies],
      ...ous.map((ou): [YamlPath, string, readonly string[]] => [[...ou.yamlPath, 'policies'], `OU ${ou.path}`, ou.policies]),
      ...sortedEntries(config.accounts).map(([key, a]): [YamlPath, string, readonly string[]] => [['accounts', key, 'policies'], `account ${key}`, a.policies ?? []]),
    ];
    const findings: Finding[] = [];
    for (const [path, what, policies] of targets) {
      const scps = [...new Set(policies)].filter((p) => config.policies[p]?.type === 'SERVICE_CONTROL_POLICY');
      if (scps.length > SCPS_PER_TARGET_LIMIT)
        findings.push(error(this.code, path, `${scps.length} service control policies are attached to ${what}; AWS allows ${SCPS_PER_TARGET_LIMIT} per target.`,
          'Merge policies into fewer documents, or attach some of them to a parent OU instead.'));
    }
    return findings;
  },
};
