import type { AccountBaselineModel } from '../baseline';
import type { LandingZoneModel } from '../types';

/**
 * The org.yaml setting that turns a control off, by control id: what the report names when a
 * control is not satisfied because org.yaml chose so, rather than because the tool lacks it.
 * Controls that no org.yaml setting turns off (the trail's encryption, the buckets' policies, the
 * keys' rotation, the default security groups) have no entry: when they fail, the stacks were
 * changed after synthesis, and the report says so by naming no setting.
 */
export function offSwitchesOf(model: LandingZoneModel): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  const set = (ids: readonly string[], path: string) => {
    for (const id of ids) out[id] ??= path;
  };
  // Without `logging` there is no trail, so CloudTrail.6 and .7, which judge each trail's bucket, have nothing to judge.
  if (!model.logging) set(['CloudTrail.1', 'CloudTrail.2', 'CloudTrail.4', 'CloudTrail.5'], 'logging (absent: no organization trail)');
  else {
    if (!model.logging.accessLogging) set(['CloudTrail.7'], 'logging.accessLogging: false');
    if (!model.logging.cloudWatchLogs) set(['CloudTrail.5'], 'logging.cloudWatchLogs (absent)');
  }
  baselineOffSwitches(model, set);
  const services = model.security;
  if (!services?.guardDuty) set(['GuardDuty.1'], 'security.services.guardDuty (absent)');
  else if (services.guardDuty.autoEnable !== 'ALL') set(['GuardDuty.1'], `security.services.guardDuty.autoEnable: ${services.guardDuty.autoEnable}`);
  if (!services?.securityHub) set(['SecurityHub.1'], 'security.services.securityHub (absent)');
  else if (!services.securityHub.central) set(['SecurityHub.1'], 'security.services.securityHub.configurationPolicies (absent: local configuration enables only accounts that join later)');
  else if (!services.securityHub.central.policies.some((p) => p.targets.some((t) => t.kind === 'root'))) set(['SecurityHub.1'], 'security.services.securityHub.configurationPolicies (none associated with Root)');
  if (!services?.accessAnalyzer) set(['IAM.28'], 'security.services.accessAnalyzer (absent)');
  return out;
}

/** Why a baseline setting does not back a control in one account: it is off, not set, or set to a value that fails the control. */
type Off = { readonly setting: string; readonly state: 'off' | 'not set' } | { readonly setting: string; readonly value: string | number | boolean };
type Switch = readonly [readonly string[], (a: AccountBaselineModel) => Off | undefined];
type PasswordPolicy = NonNullable<AccountBaselineModel['passwordPolicy']>;

const off = (setting: string): Off => ({ setting, state: 'off' });

/** The password policy's own off switch first, then the attribute that fails the control. */
const password = (test: (p: PasswordPolicy) => Off | undefined) => (a: AccountBaselineModel) => (a.passwordPolicy ? test(a.passwordPolicy) : off('passwordPolicy'));
const required = (key: 'requireUppercase' | 'requireLowercase' | 'requireNumbers' | 'requireSymbols') => (p: PasswordPolicy): Off | undefined =>
  p[key] ? undefined : { setting: `passwordPolicy.${key}`, value: false };
const atLeast = (key: 'minimumLength' | 'reusePrevention', min: number) => (p: PasswordPolicy): Off | undefined =>
  p[key] >= min ? undefined : { setting: `passwordPolicy.${key}`, value: p[key] };

/** Baseline-backed controls and what turns each off in some account (at the root, an OU or the account). */
const BASELINE_SWITCHES: readonly Switch[] = [
  [['Config.1'], (a) => (a.config ? undefined : off('config'))],
  [['EC2.7'], (a) => (a.ebsEncryption ? undefined : off('ebsEncryption'))],
  [['EC2.8'], (a) => (!a.instanceMetadata ? off('instanceMetadata') : a.instanceMetadata.httpTokens === 'required' ? undefined : { setting: 'instanceMetadata.httpTokens', value: a.instanceMetadata.httpTokens })],
  [['S3.1'], (a) => (a.s3BlockPublicAccess ? undefined : off('s3BlockPublicAccess'))],
  [['EC2.6'], (a) => (!a.flowLogs ? off('flowLogs') : a.flowLogs.trafficType === 'ACCEPT' ? { setting: 'flowLogs.trafficType', value: 'ACCEPT' } : undefined)],
  [['IAM.7'], password((p) => required('requireUppercase')(p) ?? required('requireLowercase')(p) ?? required('requireNumbers')(p) ?? required('requireSymbols')(p) ?? atLeast('minimumLength', 8)(p))],
  [['IAM.11'], password(required('requireUppercase'))],
  [['IAM.12'], password(required('requireLowercase'))],
  [['IAM.13'], password(required('requireSymbols'))],
  [['IAM.14'], password(required('requireNumbers'))],
  [['IAM.15'], password(atLeast('minimumLength', 14))],
  [['IAM.16'], password(atLeast('reusePrevention', 24))],
  [['IAM.17'], password((p) => (p.maxAge === undefined ? { setting: 'passwordPolicy.maxAge', state: 'not set' } : p.maxAge > 90 ? { setting: 'passwordPolicy.maxAge', value: p.maxAge } : undefined))],
  [['IAM.28'], (a) => (a.accessAnalyzer ? undefined : off('accessAnalyzer'))],
  [['Account.1'], (a) => (a.alternateContacts.some((c) => c.type === 'SECURITY') ? undefined : { setting: 'alternateContacts.security', state: 'not set' })],
];

const listed = (keys: readonly string[]) => (keys.length <= 3 ? keys.join(', ') : `${keys.slice(0, 3).join(', ')} and ${keys.length - 3} more`);
const phrase = (o: Off, keys: readonly string[]) => ('value' in o ? `baseline.${o.setting}: ${String(o.value)} (for ${listed(keys)})` : `baseline.${o.setting} (${o.state} for ${listed(keys)})`);

function baselineOffSwitches(model: LandingZoneModel, set: (ids: readonly string[], path: string) => void): void {
  if (!model.baseline) {
    set(BASELINE_SWITCHES.flatMap(([ids]) => ids), 'baseline (absent)');
    return;
  }
  const accounts = Object.values(model.baseline.accounts);
  for (const [ids, offIn] of BASELINE_SWITCHES) {
    // Accounts grouped by what turns the control off in them, in the order first met.
    const byCause = new Map<string, { readonly cause: Off; readonly keys: string[] }>();
    for (const a of accounts) {
      const cause = offIn(a);
      if (!cause) continue;
      const group = byCause.get(phrase(cause, [])) ?? { cause, keys: [] };
      group.keys.push(a.accountKey);
      byCause.set(phrase(cause, []), group);
    }
    if (byCause.size > 0) set(ids, [...byCause.values()].map((g) => phrase(g.cause, g.keys)).join('; '));
  }
}
