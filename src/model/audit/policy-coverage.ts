import { asList, parseDocument, type Inventory, type Json, type PlacedResource } from './inventory';

/**
 * The organization policies that apply to an account, read from the synthesized organization
 * stack: those attached to the root, to an OU on the account's path (its `parent_id`, then each
 * OU's), or to the account itself.
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_inheritance_auth.html
 */
export function policiesApplyingTo(inventory: Inventory, accountKey: string): PlacedResource[] {
  const stackId = inventory.scope.accounts.find((a) => a.key === accountKey)?.stackId;
  const account = inventory.all('aws_organizations_account').find((r) => r.stack === `account-${stackId}`);
  const path: PlacedResource[] = [];
  let parent = account?.body.parent_id;
  let from = account?.stack;
  for (let depth = 0; from !== undefined && depth < 10; depth++) {
    const ou = inventory.target(from, parent);
    if (!ou || ou.type !== 'aws_organizations_organizational_unit') break;
    path.push(ou);
    parent = ou.body.parent_id;
    from = ou.stack;
  }
  const applies = (attachment: PlacedResource): boolean => {
    const target = attachment.body.target_id;
    if (typeof target === 'string' && /^r-[0-9a-z]{4,32}$/.test(target)) return true;
    const resolved = inventory.target(attachment.stack, target);
    if (!resolved) return false;
    if (resolved.type === 'aws_organizations_organization') return true;
    return path.includes(resolved) || resolved === account;
  };
  return inventory
    .all('aws_organizations_policy_attachment')
    .filter(applies)
    .map((a) => inventory.target(a.stack, a.body.policy_id))
    .filter((p): p is PlacedResource => p?.type === 'aws_organizations_policy');
}

/** SCP statements that deny `action` (directly, `ec2:*` or `*`). */
export function denyingStatements(policy: PlacedResource, action: string): Json[] {
  if (policy.body.type !== undefined && policy.body.type !== 'SERVICE_CONTROL_POLICY') return [];
  const document = parseDocument(policy.body.content);
  const service = action.split(':')[0];
  return asList(document?.Statement)
    .filter((s): s is Json => s !== null && typeof s === 'object')
    .filter((s) => s.Effect === 'Deny' && asList(s.Action).some((a) => a === action || a === '*' || a === `${service}:*`));
}
