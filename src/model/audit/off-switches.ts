import type { AccountBaselineModel } from '../baseline';
import type { LandingZoneModel } from '../types';

/**
 * The org.yaml setting that turns a control off, by control id: what the report names when a
 * control is not satisfied because org.yaml chose so, rather than because the tool lacks it.
 */
export function offSwitchesOf(model: LandingZoneModel): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  const set = (ids: readonly string[], path: string) => {
    for (const id of ids) out[id] ??= path;
  };
  if (!model.logging) set(['CloudTrail.1', 'CloudTrail.2', 'CloudTrail.4', 'CloudTrail.5', 'CloudTrail.6', 'CloudTrail.7'], 'logging (absent: no organization trail)');
  else {
    if (!model.logging.accessLogging) set(['CloudTrail.7'], 'logging.accessLogging: false');
    if (!model.logging.cloudWatchLogs) set(['CloudTrail.5'], 'logging.cloudWatchLogs (absent)');
  }
  baselineOffSwitches(model, set);
  const services = model.security;
  if (!services?.guardDuty) set(['GuardDuty.1'], 'security.services.guardDuty (absent)');
  else if (services.guardDuty.autoEnable !== 'ALL') set(['GuardDuty.1'], `security.services.guardDuty.autoEnable: ${services.guardDuty.autoEnable}`);
  if (!services?.securityHub) set(['SecurityHub.1'], 'security.services.securityHub (absent)');
  if (!services?.accessAnalyzer) set(['IAM.28'], 'security.services.accessAnalyzer (absent)');
  return out;
}

/** Baseline-backed controls, by the setting that turns each off in some account (at the root, an OU or the account). */
const BASELINE_SWITCHES: ReadonlyArray<readonly [readonly string[], string, (a: AccountBaselineModel) => boolean]> = [
  [['Config.1'], 'config', (a) => a.config !== undefined],
  [['EC2.7'], 'ebsEncryption', (a) => a.ebsEncryption !== undefined],
  [['EC2.8'], 'instanceMetadata', (a) => a.instanceMetadata?.httpTokens === 'required'],
  [['S3.1'], 's3BlockPublicAccess', (a) => a.s3BlockPublicAccess],
  [['EC2.6'], 'flowLogs', (a) => a.flowLogs !== undefined],
  [['IAM.7', 'IAM.11', 'IAM.12', 'IAM.13', 'IAM.14', 'IAM.15', 'IAM.16', 'IAM.17'], 'passwordPolicy', (a) => a.passwordPolicy !== undefined],
  [['IAM.28'], 'accessAnalyzer', (a) => a.accessAnalyzer],
  [['Account.1'], 'alternateContacts.security', (a) => a.alternateContacts.some((c) => c.type === 'SECURITY')],
];

function baselineOffSwitches(model: LandingZoneModel, set: (ids: readonly string[], path: string) => void): void {
  if (!model.baseline) {
    set(BASELINE_SWITCHES.flatMap(([ids]) => ids), 'baseline (absent)');
    return;
  }
  const accounts = Object.values(model.baseline.accounts);
  for (const [ids, setting, on] of BASELINE_SWITCHES) {
    const off = accounts.filter((a) => !on(a)).map((a) => a.accountKey);
    if (off.length === 0) continue;
    const where = off.length <= 3 ? off.join(', ') : `${off.slice(0, 3).join(', ')} and ${off.length - 3} more`;
    set(ids, setting === 'alternateContacts.security' ? `baseline.alternateContacts.security (not set for ${where})` : `baseline.${setting} (off for ${where})`);
  }
}
