/**
 * Terraform addresses derive from org.yaml keys and OU paths, never from list positions. Keys
 * admit only letters, digits and hyphens, so "_" and "__" separate parts unambiguously.
 * These functions are part of the contract: changing one is a breaking change that needs
 * `moved` blocks.
 */
export const ids = {
  organization: 'organization',
  ou: (path: string) => `ou_${path.split('/').join('_')}`,
  account: (key: string) => `account_${key}`,
  policy: (key: string) => `policy_${key}`,
  policyAttachment: (policyKey: string, target: { kind: 'root' } | { kind: 'ou'; path: string } | { kind: 'account'; key: string }) =>
    target.kind === 'root'
      ? `attach_${policyKey}__root`
      : target.kind === 'ou'
        ? `attach_${policyKey}__ou_${target.path.split('/').join('_')}`
        : `attach_${policyKey}__account_${target.key}`,
  /**
   * A packed policy document: the policy key (its pack identity), plus `__part<N>` from the second
   * part of a policy split to fit the size limit. An unsplit policy keeps the address `policy_<key>`.
   */
  policyDocument: (policyKey: string, part: number) => (part === 1 ? `policy_${policyKey}` : `policy_${policyKey}__part${part}`),
  /** The attachment of a packed document to a target: `attach_<policy>[__part<N>]__<target>`. */
  policyDocumentAttachment: (policyKey: string, part: number, target: { kind: 'root' } | { kind: 'ou'; path: string } | { kind: 'account'; key: string }) =>
    part === 1 ? ids.policyAttachment(policyKey, target) : ids.policyAttachment(`${policyKey}__part${part}`, target),
  delegatedAdministrator: (servicePrincipal: string) =>
    `delegated_admin_${servicePrincipal.replace(/\.amazonaws\.com(\.cn)?$/, '').split('.').join('_')}`,
} as const;
