import { closest } from '../config/parse';
import { canAccount, type CanOptions } from '../model/account-access';
import { conditionKeyExists, lookupAction } from '../model/iam-reference';
import { checkRegion } from '../model/regions';
import type { LandingZoneModel } from '../model/types';

export interface CanCliOptions {
  readonly resource?: string;
  readonly principalArn?: string;
  readonly region?: string;
  /** `key=value` pairs; a key given twice is a multivalued key. */
  readonly context?: readonly string[];
}

type Outcome = { text: string; exitCode: number };
const usage = (text: string): Outcome => ({ text: `lz: ${text}`, exitCode: 2 });

/**
 * Exit codes of `lz can`: 0 allowed, 3 denied, 2 when the question cannot be judged (an unknown
 * account, action, service prefix, region or condition key, or a malformed --context).
 */
export function runCan(model: LandingZoneModel, account: string, action: string, options: CanCliOptions): Outcome {
  if (!model.accounts.some((a) => a.key === account)) {
    const suggestion = closest(account, model.accounts.map((a) => a.key));
    return usage(`unknown account \`${account}\`.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`);
  }
  const found = lookupAction(action);
  if (!found.ok) return usage(found.problem);
  const { partition } = model.organization;
  if (options.region !== undefined) {
    const region = checkRegion(options.region, partition);
    if (!region.ok && region.reason === 'other-partition')
      return usage(`the region ${options.region} belongs to the ${region.partition} partition; this organization is in ${partition}.`);
    if (!region.ok) return usage(`unknown region \`${options.region}\` in ${partition}.${region.suggestion ? ` Did you mean \`${region.suggestion}\`?` : ''}`);
  }
  const context = parseContext(options.context ?? []);
  if (typeof context === 'string') return usage(context);
  const canOptions: CanOptions = {
    ...(options.resource !== undefined ? { resource: options.resource } : {}),
    ...(options.principalArn !== undefined ? { principalArn: options.principalArn } : {}),
    ...(options.region !== undefined ? { region: options.region } : {}),
    context,
  };
  const decision = canAccount(model, account, found.action, canOptions);
  const ctx = decision.request.context;
  const header = `${account}: ${found.action} in ${String(ctx['aws:RequestedRegion'])} as ${String(ctx['aws:PrincipalArn'])}`;
  return { text: `${header}\n${decision.explanation}`, exitCode: decision.allowed ? 0 : 3 };
}

/** `--context key=value` pairs into a request context, or the reason they cannot be. */
function parseContext(pairs: readonly string[]): Record<string, string | string[]> | string {
  const context: Record<string, string[]> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return `--context takes key=value, e.g. --context ec2:MetadataHttpTokens=required; received "${pair}".`;
    const key = pair.slice(0, eq);
    if (!conditionKeyExists(key)) return `unknown condition key \`${key}\` in --context ${pair}: it is neither a global key (aws:...) nor a key of the service it names.`;
    const existing = Object.keys(context).find((k) => k.toLowerCase() === key.toLowerCase()) ?? key;
    context[existing] = [...(context[existing] ?? []), pair.slice(eq + 1)];
  }
  return Object.fromEntries(Object.entries(context).map(([k, v]) => [k, v.length === 1 ? v[0]! : v]));
}
