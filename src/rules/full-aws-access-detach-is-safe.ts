import { error, type Finding } from '../config/diagnostics';
import { closest } from '../config/parse';
import { flattenOus } from '../model/org-tree';
import { policyTargets, resolveTarget, targetKey } from '../model/policy-packing';
import type { Rule } from './rule';

/**
 * FullAWSAccess is the allow-list of every level; detaching it where no other SCP allows anything
 * denies every action in every account below (the management account aside). A detach entry must
 * name a target, and that target must keep an SCP with an Allow statement.
 */
export const fullAwsAccessDetachIsSafe: Rule = {
  code: 'LZ0704',
  name: 'full-aws-access-detach-is-safe',
  check({ config, statementsOf }) {
    const findings: Finding[] = [];
    const names = ['Root', ...flattenOus(config.organizationalUnits).map((o) => o.path), ...Object.keys(config.accounts)];
    const attached = policyTargets(config);
    config.guardrails.detachFullAWSAccess.forEach((name, i) => {
      const path = ['guardrails', 'detachFullAWSAccess', i];
      const target = resolveTarget(config, name);
      if (!target) {
        const suggestion = closest(name, names);
        findings.push(error(this.code, path, `"${name}" is neither Root, an OU path nor an account key.`, suggestion ? `Did you mean \`${suggestion}\`?` : 'Name Root, an OU path (e.g. Workloads/Prod) or an account key.'));
        return;
      }
      const allows = [...attached].some(([policy, targets]) =>
        config.policies[policy]?.type === 'SERVICE_CONTROL_POLICY' &&
        targets.some((t) => targetKey(t) === targetKey(target)) &&
        (statementsOf(policy) ?? []).some((s) => s.Effect === 'Allow'));
      if (!allows)
        findings.push(error(this.code, path, `FullAWSAccess would be detached from ${name}, but no SCP attached there has an Allow statement, so every action in it would be denied.`,
          `Attach an allow-list SCP (statements with Effect: Allow) to ${name} first, or remove it from detachFullAWSAccess.`));
    });
    return findings;
  },
};
