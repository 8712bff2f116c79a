import type { YamlPath } from '../../config/diagnostics';
import type { OrgConfig } from '../../config/schema';
import type { NetworkConfig, VpcConfig } from '../../config/schema/network';
import { isWithin, ROOT } from '../org-tree';

/** A VPC of one account as org.yaml defines it, after a template and an account entry are merged. */
export interface VpcDefinition {
  readonly id: string;
  readonly accountKey: string;
  readonly key: string;
  readonly fields: VpcConfig;
  /** Where to point diagnostics: the account entry when there is one, else the template's VPC. */
  readonly yamlPath: YamlPath;
  readonly source: string;
}

export interface TemplateGrant {
  readonly template: string;
  readonly accountKey: string;
  readonly vpcKey: string;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every (template, account, VPC key) a template grants: accounts in or under any of its OUs. */
export function templateGrants(config: OrgConfig, network: NetworkConfig): TemplateGrant[] {
  const grants: TemplateGrant[] = [];
  for (const template of Object.keys(network.templates).sort(byString)) {
    const { ous, vpcs } = network.templates[template]!;
    for (const accountKey of Object.keys(config.accounts).sort(byString)) {
      const accountOu = config.accounts[accountKey]!.ou;
      const under = ous.some((ou) => ou === ROOT || (accountOu !== ROOT && isWithin(accountOu, ou)));
      if (!under) continue;
      for (const vpcKey of Object.keys(vpcs).sort(byString)) grants.push({ template, accountKey, vpcKey });
    }
  }
  return grants;
}

/**
 * Resolves templates and account entries into one definition per VPC, sorted by id. An account
 * entry whose key a template also grants overrides the fields it sets (shallow merge), so a
 * single account can get a bigger VPC or a pinned CIDR without leaving the template. When two
 * templates grant the same key to one account the first by template key is used here and rule
 * LZ0512 reports the collision. Tolerates unresolved references: rules report those.
 */
export function resolveVpcDefinitions(config: OrgConfig): VpcDefinition[] {
  const network = config.network;
  if (!network) return [];
  const out = new Map<string, VpcDefinition>();
  for (const grant of templateGrants(config, network)) {
    const id = `${grant.accountKey}/${grant.vpcKey}`;
    if (out.has(id)) continue;
    out.set(id, {
      id,
      accountKey: grant.accountKey,
      key: grant.vpcKey,
      fields: network.templates[grant.template]!.vpcs[grant.vpcKey]!,
      yamlPath: ['network', 'templates', grant.template, 'vpcs', grant.vpcKey],
      source: `template:${grant.template}`,
    });
  }
  for (const accountKey of Object.keys(network.accounts).sort(byString)) {
    const vpcs = network.accounts[accountKey]!.vpcs;
    for (const key of Object.keys(vpcs).sort(byString)) {
      const id = `${accountKey}/${key}`;
      const inherited = out.get(id);
      out.set(id, {
        id,
        accountKey,
        key,
        fields: { ...(inherited?.fields ?? {}), ...definedFields(vpcs[key]!) },
        yamlPath: ['network', 'accounts', accountKey, 'vpcs', key],
        source: inherited ? `${inherited.source}+account` : 'account',
      });
    }
  }
  return [...out.values()].sort((a, b) => byString(a.id, b.id));
}

function definedFields(vpc: VpcConfig): VpcConfig {
  return Object.fromEntries(Object.entries(vpc).filter(([, v]) => v !== undefined)) as VpcConfig;
}

/** The effective AZ count of a VPC. @default 2 */
export function azCountOf(vpc: VpcConfig): number {
  return vpc.azCount ?? 2;
}
