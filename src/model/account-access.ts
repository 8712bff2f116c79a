import type { PolicyStatement } from '../config/schema/common';
import type { RequestContext } from './iam-conditions';
import { ancestorsOf, ROOT } from './org-tree';
import { targetKey } from './policy-packing';
import { evaluateScps, explainScpDecision, type AuthorizationRequest, type EvaluatedPolicy, type PolicyLevel, type ScpDecision } from './scp-evaluation';
import type { LandingZoneModel, PolicyTarget } from './types';

/** The AWS-managed SCP that every root, OU and account has unless org.yaml detaches it. */
export const FULL_AWS_ACCESS: EvaluatedPolicy = { name: 'FullAWSAccess', statements: [{ Sid: 'FullAWSAccess', Effect: 'Allow', Action: '*', Resource: '*' }] };

/** Stand-in id for accounts that are not created yet. */
export const UNKNOWN_ACCOUNT_ID = '000000000000';

/** The SCPs at each level of an account's path, as deployed (packed documents, quarantine included). */
export function scpLevelsOf(model: LandingZoneModel, accountKey: string): PolicyLevel[] {
  const account = model.accounts.find((a) => a.key === accountKey);
  if (!account) throw new Error(`unknown account ${accountKey}`);
  const detached = new Set((model.guardrails?.fullAwsAccessDetached ?? []).map(targetKey));
  const targets: PolicyTarget[] = [
    ...ancestorsOf(account.ouPath).map((p): PolicyTarget => (p === ROOT ? { kind: 'root' } : { kind: 'ou', path: p })),
    { kind: 'account', key: accountKey },
  ];
  return targets.map((t) => {
    const id = targetKey(t);
    const policies = (model.guardrails?.documents ?? [])
      .filter((d) => d.type === 'SERVICE_CONTROL_POLICY' && d.targets.some((x) => targetKey(x) === id))
      .map((d): EvaluatedPolicy => ({ name: d.name, statements: (JSON.parse(d.content) as { Statement: PolicyStatement[] }).Statement }));
    return {
      level: t.kind === 'root' ? ROOT : t.kind === 'ou' ? t.path : `account ${t.key}`,
      policies: detached.has(id) ? policies : [FULL_AWS_ACCESS, ...policies],
    };
  });
}

export interface CanOptions {
  readonly resource?: string;
  /** @default arn:<partition>:iam::<account id>:role/lz-can-principal, a role no guardrail exempts */
  readonly principalArn?: string;
  /** @default the home region */
  readonly region?: string;
  /** More condition keys, or overrides of the ones derived here. */
  readonly context?: RequestContext;
}

export interface AccountDecision extends ScpDecision {
  readonly account: string;
  /** SCPs do not apply to the management account; everything its IAM allows is allowed. */
  readonly managementAccount: boolean;
  readonly request: AuthorizationRequest;
  readonly explanation: string;
}

/**
 * May a principal of `accountKey` perform `action`, as far as the organization's SCPs decide?
 * Derives aws:RequestedRegion, aws:PrincipalArn, aws:PrincipalAccount, aws:ResourceAccount and
 * (for adopted organizations) aws:PrincipalOrgID, then evaluates the account's path.
 */
export function canAccount(model: LandingZoneModel, accountKey: string, action: string, options: CanOptions = {}): AccountDecision {
  const account = model.accounts.find((a) => a.key === accountKey);
  if (!account) throw new Error(`unknown account ${accountKey}`);
  const { partition, homeRegion, id: orgId } = model.organization;
  const accountId = account.id ?? UNKNOWN_ACCOUNT_ID;
  const principalArn = options.principalArn ?? `arn:${partition}:iam::${accountId}:role/lz-can-principal`;
  const resourceAccount = options.resource?.split(':')[4];
  const context: RequestContext = {
    'aws:RequestedRegion': options.region ?? homeRegion,
    'aws:PrincipalArn': principalArn,
    'aws:PrincipalAccount': principalArn.split(':')[4] || accountId,
    'aws:ResourceAccount': resourceAccount || accountId,
    ...(orgId !== undefined ? { 'aws:PrincipalOrgID': orgId } : {}),
    ...options.context,
  };
  const request: AuthorizationRequest = { action, ...(options.resource !== undefined ? { resource: options.resource } : {}), context };
  if (account.isManagement) {
    const decision: ScpDecision = { allowed: true, reason: 'allowed', levels: [] };
    return { ...decision, account: accountKey, managementAccount: true, request,
      explanation: `ALLOWED: SCPs do not apply to the management account ${accountKey}; only its IAM policies decide.` };
  }
  const decision = evaluateScps(scpLevelsOf(model, accountKey), request);
  return { ...decision, account: accountKey, managementAccount: false, request, explanation: explainScpDecision(decision, request) };
}
