import { error, type Finding } from '../config/diagnostics';
import { closest } from '../config/parse';
import { ROOT } from '../model/org-tree';
import { networkAllocation } from './network-facts';
import { sortedEntries, type Rule } from './rule';

/** Every account, OU, segment, pool, tier and VPC the network section names exists. */
export const networkReferencesResolve: Rule = {
  code: 'LZ0501',
  name: 'network-references-resolve',
  check(context) {
    const { config, ouByPath } = context;
    const network = config.network;
    if (!network) return [];
    const findings: Finding[] = [];
    const ref = (path: ReadonlyArray<string | number>, value: string, what: string, known: readonly string[], where: string) => {
      if (known.includes(value)) return;
      const suggestion = closest(value, known);
      findings.push(error(this.code, path, `The ${what} "${value}" is not defined in ${where}.`,
        suggestion ? `Did you mean "${suggestion}"?` : known.length > 0 ? `Use one of: ${known.join(', ')}.` : `Define it in ${where}.`));
    };
    const accounts = Object.keys(config.accounts).sort();
    const ous = [ROOT, ...ouByPath.keys()];
    const segments = Object.keys(network.segments).sort();
    const pools = Object.keys(network.pools).sort();

    ref(['network', 'account'], network.account, 'account', accounts, 'accounts');
    if (network.region !== undefined) {
      const allowed = [...new Set([config.organization.homeRegion, ...config.organization.allowedRegions])].sort();
      if (!allowed.includes(network.region))
        findings.push(error(this.code, ['network', 'region'], `The region "${network.region}" is not one the organization allows (${allowed.join(', ')}), so the network would be built where workloads may not run.`,
          `Use one of ${allowed.join(', ')}, or add ${network.region} to organization.allowedRegions.`));
    }
    network.sharing.ous.forEach((ou, i) => ref(['network', 'sharing', 'ous', i], ou, 'OU path', ous, 'organizationalUnits'));
    network.sharing.accounts.forEach((a, i) => ref(['network', 'sharing', 'accounts', i], a, 'account', accounts, 'accounts'));
    for (const [key] of sortedEntries(network.accounts)) if (!config.accounts[key]) ref(['network', 'accounts', key], key, 'account', accounts, 'accounts');
    for (const [key, template] of sortedEntries(network.templates))
      template.ous.forEach((ou, i) => ref(['network', 'templates', key, 'ous', i], ou, 'OU path', ous, 'organizationalUnits'));
    for (const [key, segment] of sortedEntries(network.segments)) {
      segment.reaches.forEach((s, i) => ref(['network', 'segments', key, 'reaches', i], s, 'segment', segments, 'network.segments'));
      for (const [routeKey, route] of sortedEntries(segment.routes))
        if (route.vpc !== undefined) {
          const vpcs = networkAllocation(context).definitions.map((d) => d.id);
          ref(['network', 'segments', key, 'routes', routeKey, 'vpc'], route.vpc, 'VPC', vpcs, 'the VPCs of network.accounts or network.templates (as <account>/<vpc>)');
        }
    }
    const seen = new Set<string>();
    for (const d of networkAllocation(context).definitions) {
      // A template VPC is checked once, not once per account it reaches.
      const at = d.yamlPath.join('.');
      if (seen.has(at)) continue;
      seen.add(at);
      if (d.fields.segment !== undefined) ref([...d.yamlPath, 'segment'], d.fields.segment, 'segment', segments, 'network.segments');
      if (d.fields.pool !== undefined) ref([...d.yamlPath, 'pool'], d.fields.pool, 'pool', pools, 'network.pools');
      if (d.fields.attachmentTier !== undefined && d.fields.subnets !== undefined)
        ref([...d.yamlPath, 'attachmentTier'], d.fields.attachmentTier, 'subnet tier', Object.keys(d.fields.subnets).sort(), `the subnets of ${d.id}`);
    }
    return findings;
  },
};
