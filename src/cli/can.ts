import { closest } from '../config/parse';
import { canAccount, type CanOptions } from '../model/account-access';
import type { LandingZoneModel } from '../model/types';

/** Exit codes of `lz can`: 0 allowed, 3 denied, 2 for an unknown account or a malformed action. */
export function runCan(model: LandingZoneModel, account: string, action: string, options: CanOptions): { text: string; exitCode: number } {
  if (!model.accounts.some((a) => a.key === account)) {
    const suggestion = closest(account, model.accounts.map((a) => a.key));
    return { text: `lz: unknown account \`${account}\`.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`, exitCode: 2 };
  }
  if (!/^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$/.test(action))
    return { text: `lz: "${action}" is not an action; write service:Action, e.g. ec2:RunInstances.`, exitCode: 2 };
  const decision = canAccount(model, account, action, options);
  const ctx = decision.request.context;
  const header = `${account}: ${action} in ${String(ctx['aws:RequestedRegion'])} as ${String(ctx['aws:PrincipalArn'])}`;
  return { text: `${header}\n${decision.explanation}`, exitCode: decision.allowed ? 0 : 3 };
}
