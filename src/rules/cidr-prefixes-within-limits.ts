import { error, type Finding } from '../config/diagnostics';
import { block } from '../model/network/cidr';
import { networkAllocation } from './network-facts';
import type { Rule } from './rule';

/** AWS accepts VPC and subnet CIDRs from /16 to /28. */
export const cidrPrefixesWithinLimits: Rule = {
  code: 'LZ0504',
  name: 'cidr-prefixes-within-limits',
  check(context) {
    const findings: Finding[] = [];
    const seen = new Set<string>();
    const check = (path: ReadonlyArray<string | number>, prefix: number, what: string) => {
      const at = path.join('.');
      if ((prefix >= 16 && prefix <= 28) || seen.has(at)) return;
      seen.add(at);
      findings.push(error(this.code, path, `The ${what} is a /${prefix}; AWS accepts /16 to /28.`, `Use a prefix length between 16 and 28.`));
    };
    for (const d of networkAllocation(context).definitions) {
      const f = d.fields;
      if (f.cidr !== undefined) check([...d.yamlPath, 'cidr'], block(f.cidr).prefixLength, `CIDR of ${d.id}`);
      if (f.prefixLength !== undefined) check([...d.yamlPath, 'prefixLength'], f.prefixLength, `size of ${d.id}`);
      (f.secondaryCidrs ?? []).forEach((c, i) => check([...d.yamlPath, 'secondaryCidrs', i], block(c).prefixLength, `secondary CIDR ${c} of ${d.id}`));
      for (const [tier, t] of Object.entries(f.subnets ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
        if (t.prefixLength !== undefined) check([...d.yamlPath, 'subnets', tier, 'prefixLength'], t.prefixLength, `subnet size of tier ${tier}`);
        for (const [az, c] of Object.entries(t.cidrs ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) check([...d.yamlPath, 'subnets', tier, 'cidrs', az], block(c).prefixLength, `subnet ${c} of tier ${tier}`);
      }
    }
    return findings;
  },
};
