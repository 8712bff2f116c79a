import type { PolicyStatement } from '../config/schema/common';
import type { RequestContext } from './iam-conditions';
import { ancestorsOf, ROOT } from './org-tree';
import { targetKey } from './policy-packing';
import { evaluateScps, explainScpDecision, type AuthorizationRequest, type EvaluatedPolicy, type PolicyLevel, type ScpDecision } from './scp-evaluation';
import type { LandingZoneModel, PolicyTarget } from './types';

/** The AWS-managed SCP that every root, OU and account has unless org.yaml detaches it. */
export const FULL_AWS_ACCESS: EvaluatedPolicy = { name: 'FullAWSAccess', statements: [{ Sid: 'FullAWSAccess', Effect: 'Allow', Action: '*', Resource: '*' }] };

/** The AWS-managed RCP attached everywhere; it cannot be detached. */
export const RCP_FULL_AWS_ACCESS: EvaluatedPolicy = { name: 'RCPFullAWSAccess', statements: [{ Sid: 'RCPFullAWSAccess', Effect: 'Allow', Action: '*', Resource: '*' }] };

/** Stand-in id for accounts that are not created yet. */
export const UNKNOWN_ACCOUNT_ID = '000000000000';

/** The SCPs at each level of an account's path, as deployed (packed documents, quarantine included). */
export function scpLevelsOf(model: LandingZoneModel, accountKey: string): PolicyLevel[] {
  return policyLevelsOf(model, accountKey, 'SERVICE_CONTROL_POLICY');
}

/** The RCPs at each level of an account's path, RCPFullAWSAccess included. */
export function rcpLevelsOf(model: LandingZoneModel, accountKey: string): PolicyLevel[] {
  return policyLevelsOf(model, accountKey, 'RESOURCE_CONTROL_POLICY');
}

function policyLevelsOf(model: LandingZoneModel, accountKey: string, type: 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY'): PolicyLevel[] {
  const account = model.accounts.find((a) => a.key === accountKey);
  if (!account) throw new Error(`unknown account ${accountKey}`);
  const detached = new Set(type === 'SERVICE_CONTROL_POLICY' ? (model.guardrails?.fullAwsAccessDetached ?? []).map(targetKey) : []);
  const managed = type === 'SERVICE_CONTROL_POLICY' ? FULL_AWS_ACCESS : RCP_FULL_AWS_ACCESS;
  const targets: PolicyTarget[] = [
    ...ancestorsOf(account.ouPath).map((p): PolicyTarget => (p === ROOT ? { kind: 'root' } : { kind: 'ou', path: p })),
    { kind: 'account', key: accountKey },
  ];
  return targets.map((t) => {
    const id = targetKey(t);
    const policies = (model.guardrails?.documents ?? [])
      .filter((d) => d.type === type && d.targets.some((x) => targetKey(x) === id))
      .map((d): EvaluatedPolicy => ({ name: d.name, statements: (JSON.parse(d.content) as { Statement: PolicyStatement[] }).Statement }));
    return {
      level: t.kind === 'root' ? ROOT : t.kind === 'ou' ? t.path : `account ${t.key}`,
      policies: detached.has(id) ? policies : [managed, ...policies],
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
  /** The RCPs of the resource's account, when it is an account of this organization and RCPs exist. */
  readonly rcp?: ScpDecision & { readonly resourceAccount: string };
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
  // A question, not a recorded request: keys and resources it does not give are unknown, not absent.
  const request: AuthorizationRequest = { action, ...(options.resource !== undefined ? { resource: options.resource } : {}), context, partial: true };
  if (account.isManagement) {
    const decision: ScpDecision = { allowed: true, reason: 'allowed', levels: [] };
    return { ...decision, account: accountKey, managementAccount: true, request,
      explanation: `ALLOWED: SCPs do not apply to the management account ${accountKey}; only its IAM policies decide.` };
  }
  const scp = evaluateScps(scpLevelsOf(model, accountKey), request);
  const rcp = rcpDecision(model, accountKey, accountId, request);
  if (!rcp) return { ...scp, account: accountKey, managementAccount: false, request, explanation: explainScpDecision(scp, request) };
  const explanation = `SCPs of ${accountKey}: ${explainScpDecision(scp, request)}\nRCPs of ${rcp.resourceAccount}: ${explainScpDecision(rcp, request, 'RCP')}`;
  const allowed = scp.allowed && rcp.allowed;
  const reason = scp.reason === 'explicit-deny' || rcp.reason === 'explicit-deny' ? 'explicit-deny' : allowed ? 'allowed' : 'no-allow';
  return { allowed, reason, levels: scp.levels, rcp, account: accountKey, managementAccount: false, request, explanation };
}

/**
 * RCPs apply to the resources of member accounts, whoever calls. They are evaluated when the
 * organization has RCPs and the resource's account is one of its member accounts (the caller's
 * own account when the ARN names none).
 */
function rcpDecision(model: LandingZoneModel, accountKey: string, accountId: string, request: AuthorizationRequest): (ScpDecision & { resourceAccount: string }) | undefined {
  if (!(model.guardrails?.documents ?? []).some((d) => d.type === 'RESOURCE_CONTROL_POLICY')) return undefined;
  const resourceAccountId = String(request.context['aws:ResourceAccount']);
  const owner = resourceAccountId === accountId ? model.accounts.find((a) => a.key === accountKey) : model.accounts.find((a) => a.id === resourceAccountId);
  if (!owner || owner.isManagement) return undefined;
  return { ...evaluateScps(rcpLevelsOf(model, owner.key), request), resourceAccount: owner.key };
}
