import { error, show, type Finding } from '../config/diagnostics';
import { admitsSomeVersionIn, AWS_PROVIDER_BINDINGS_VERSION, compatibleAwsProviderRange, oldestTerraform, parseConstraint, versionOf } from '../model/terraform-versions';
import type { Rule } from './rule';

const SYNTAX = 'Write a Terraform version constraint: comma-separated clauses of =, !=, >, >=, <, <= or ~> and a version, e.g. `~> 6.25` or `>= 1.10, < 2.0`.';

/**
 * The constraints written into every stack's `terraform` block are well-formed, and admit a
 * version that reads what is written: an AWS provider of the bindings' major version from the
 * bindings' own version on (older or other majors may lack arguments the stacks use), and a
 * Terraform that knows every block kind written. A constraint nothing can satisfy would only fail
 * at `terraform init`, in CI, after the pull request was reviewed.
 */
export const versionConstraintsAreValid: Rule = {
  code: 'LZ0603',
  name: 'version-constraints-are-valid',
  check({ config }) {
    const deployment = config.deployment;
    if (deployment === undefined) return [];
    const findings: Finding[] = [];
    if (deployment.awsProviderVersion !== undefined) {
      const path = ['deployment', 'awsProviderVersion'];
      const clauses = parseConstraint(deployment.awsProviderVersion);
      const { from, below } = compatibleAwsProviderRange();
      if (clauses === undefined) findings.push(error(this.code, path, `${show(deployment.awsProviderVersion)} is not a version constraint.`, SYNTAX));
      else if (!admitsSomeVersionIn(clauses, from, below))
        findings.push(error(this.code, path,
          `${show(deployment.awsProviderVersion)} admits no AWS provider from ${AWS_PROVIDER_BINDINGS_VERSION} (the version the stacks are generated for) below ${below[0]}.0.0.`,
          `Use a range of ${from[0]}.x from ${from[0]}.${from[1]} on, e.g. \`~> ${from[0]}.${from[1]}\` (the default), or leave awsProviderVersion out.`));
    }
    if (deployment.terraformVersion !== undefined) {
      const path = ['deployment', 'terraformVersion'];
      const clauses = parseConstraint(deployment.terraformVersion);
      const oldest = oldestTerraform(deployment);
      if (clauses === undefined) findings.push(error(this.code, path, `${show(deployment.terraformVersion)} is not a version constraint.`, SYNTAX));
      else if (!admitsSomeVersionIn(clauses, versionOf(oldest), [Infinity, 0, 0]))
        findings.push(error(this.code, path,
          `${show(deployment.terraformVersion)} admits no Terraform from ${oldest} on, the oldest that reads the blocks these stacks contain.`,
          `Allow Terraform ${oldest} or later, e.g. \`>= ${oldest}\` (the default), or leave terraformVersion out.`));
    }
    return findings;
  },
};
