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
  else if (!model.logging.accessLogging) set(['CloudTrail.7'], 'logging.accessLogging: false');
  const services = model.security;
  if (!services?.guardDuty) set(['GuardDuty.1'], 'security.services.guardDuty (absent)');
  else if (services.guardDuty.autoEnable !== 'ALL') set(['GuardDuty.1'], `security.services.guardDuty.autoEnable: ${services.guardDuty.autoEnable}`);
  if (!services?.securityHub) set(['SecurityHub.1'], 'security.services.securityHub (absent)');
  if (!services?.accessAnalyzer) set(['IAM.28'], 'security.services.accessAnalyzer (absent)');
  return out;
}
