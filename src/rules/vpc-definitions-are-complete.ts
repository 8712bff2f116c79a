import { error, type Finding } from '../config/diagnostics';
import { networkAllocation } from './network-facts';
import type { Rule } from './rule';

/** After templates and account entries are merged, a VPC has everything it needs to be built. */
export const vpcDefinitionsAreComplete: Rule = {
  code: 'LZ0513',
  name: 'vpc-definitions-are-complete',
  check(context) {
    const findings: Finding[] = [];
    const seen = new Set<string>();
    // Without a Transit Gateway a VPC attaches to nothing (LZ0562 refuses the keys).
    const attached = context.config.network?.transitGateway.enabled !== false;
    for (const d of networkAllocation(context).definitions) {
      const f = d.fields;
      const missing: string[] = [];
      if (attached && f.segment === undefined) missing.push('segment');
      if (f.subnets === undefined || Object.keys(f.subnets).length === 0) missing.push('subnets');
      if (attached && f.attachmentTier === undefined) missing.push('attachmentTier');
      if (f.cidr === undefined && (f.pool === undefined || f.prefixLength === undefined)) missing.push('cidr, or pool and prefixLength');
      const at = d.yamlPath.join('.');
      if (missing.length === 0 || seen.has(at)) continue;
      seen.add(at);
      findings.push(error(this.code, d.yamlPath, `The VPC ${d.id} has no ${missing.join(', no ')}.`,
        'Set the missing keys in the VPC (or in the template it overrides).', true));
    }
    return findings;
  },
};
