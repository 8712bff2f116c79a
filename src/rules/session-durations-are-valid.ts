import { error, type Finding } from '../config/diagnostics';
import { sessionDurationSeconds } from '../model/identity-center';
import { sortedEntries, type Rule } from './rule';

/**
 * A permission set's session duration becomes the maximum session duration of the IAM role it
 * creates in each account, which IAM accepts from 1 to 12 hours; the API takes ISO 8601.
 * @see https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_CreatePermissionSet.html
 */
const MIN_SECONDS = 3600;
const MAX_SECONDS = 12 * 3600;

export const sessionDurationsAreValid: Rule = {
  code: 'LZ0303',
  name: 'session-durations-are-valid',
  check({ config }) {
    const findings: Finding[] = [];
    for (const [key, ps] of sortedEntries(config.identityCenter?.permissionSets)) {
      if (ps.sessionDuration === undefined) continue;
      const path = ['identityCenter', 'permissionSets', key, 'sessionDuration'];
      const seconds = sessionDurationSeconds(ps.sessionDuration);
      if (seconds === undefined)
        findings.push(error(this.code, path, `"${ps.sessionDuration}" is not an ISO 8601 duration of hours and minutes.`,
          'Write it as PT<hours>H<minutes>M, e.g. PT4H or PT1H30M.'));
      else if (seconds < MIN_SECONDS || seconds > MAX_SECONDS)
        findings.push(error(this.code, path, `The session duration "${ps.sessionDuration}" is ${seconds < MIN_SECONDS ? 'shorter' : 'longer'} than AWS accepts: from PT1H to PT12H.`,
          `Use a duration between PT1H and PT12H, e.g. ${seconds < MIN_SECONDS ? 'PT1H' : 'PT12H'}.`));
    }
    return findings;
  },
};
