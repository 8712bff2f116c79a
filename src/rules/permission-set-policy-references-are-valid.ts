import { error, warning, type Finding, type YamlPath } from '../config/diagnostics';
import { closest } from '../config/parse';
import { AWS_MANAGED_POLICIES } from '../model/iam-reference';
import { AWS_MANAGED_POLICY_ARN, customerManagedPolicyRef, managedPolicyRef } from '../model/identity-center';
import { sortedEntries, type Rule } from './rule';

/**
 * CustomerManagedPolicyReference: Name 1-128 of `[\w+=,.@-]`, Path 1-512 of the form /a/b/.
 * @see https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_CustomerManagedPolicyReference.html
 */
const POLICY_NAME = /^[\w+=,.@-]{1,128}$/;
const POLICY_PATH = /^\/(?:[\w+=,.@-]+\/)*$/;

/**
 * Managed policies are AWS managed policies of the organization's partition, written by name,
 * path or ARN; customer managed policies are a name and a path; a permissions boundary is one of
 * the two. Each policy is attached once.
 */
export const permissionSetPolicyReferencesAreValid: Rule = {
  code: 'LZ0306',
  name: 'permission-set-policy-references-are-valid',
  check({ config }) {
    const partition = config.organization.partition;
    const findings: Finding[] = [];
    const checkManaged = (value: string, path: YamlPath): string | undefined => {
      const arn = /^arn:([^:]*):iam::([^:]*):policy\//.exec(value);
      if (arn && arn[2] !== 'aws') {
        findings.push(error(this.code, path, `"${value}" is a customer managed policy ARN; permission sets reference customer managed policies by name and path, in each account.`,
          'Move it to customerManagedPolicies as { name, path }, and create the policy in every account the permission set is assigned to.'));
        return undefined;
      }
      const ref = managedPolicyRef(value, partition);
      if (!ref) {
        findings.push(error(this.code, path, `"${value}" is not an AWS managed policy name, path or ARN.`,
          'Write a name such as ReadOnlyAccess, a path and name such as job-function/ViewOnlyAccess, or an ARN such as arn:aws:iam::aws:policy/ReadOnlyAccess.'));
        return undefined;
      }
      const match = AWS_MANAGED_POLICY_ARN.exec(value);
      if (match && match[1] !== partition) {
        findings.push(error(this.code, path, `"${value}" is in the ${match[1]} partition, but organization.partition is ${partition}.`,
          `Write the policy by name (${match[2]}); the tool builds the ARN of the organization's partition.`));
        return undefined;
      }
      const pathAndName = ref.arn.slice(ref.arn.indexOf(':policy/') + ':policy/'.length);
      if (!AWS_MANAGED_POLICIES.names.has(pathAndName)) {
        // Only names of about the same length can be a typo of it; that keeps the search short.
        const suggestion = closest(pathAndName, [...AWS_MANAGED_POLICIES.names].filter((n) => Math.abs(n.length - pathAndName.length) <= 3));
        // A warning: AWS adds managed policies faster than any snapshot of the list.
        findings.push(warning(this.code, path, `"${value}" is not an AWS managed policy in the IAM reference (${AWS_MANAGED_POLICIES.source}); attaching it would fail at apply.`,
          suggestion ? `Did you mean ${suggestion}? Names are case-sensitive and include the path, e.g. job-function/ViewOnlyAccess.` : 'Check the name in the IAM console (Policies, filter "AWS managed"); names are case-sensitive and include the path.'));
      }
      return ref.arn;
    };
    const checkCustomer = (name: string, policyPath: string, path: YamlPath) => {
      if (!POLICY_NAME.test(name))
        findings.push(error(this.code, [...path, 'name'], `"${name}" is not an IAM policy name (1-128 letters, digits and +=,.@_- characters).`, 'Use the name the policy has in IAM, without its path.'));
      if (!POLICY_PATH.test(policyPath) || policyPath.length > 512)
        findings.push(error(this.code, [...path, 'path'], `"${policyPath}" is not an IAM path.`, 'Write a path that starts and ends with "/", e.g. / or /platform/.'));
    };
    for (const [key, ps] of sortedEntries(config.identityCenter?.permissionSets)) {
      const base = ['identityCenter', 'permissionSets', key];
      const seen = new Map<string, number>();
      const slugs = new Map<string, string>();
      ps.managedPolicies.forEach((value, i) => {
        const arn = checkManaged(value, [...base, 'managedPolicies', i]);
        if (arn === undefined) return;
        const slug = managedPolicyRef(value, partition)!.slug;
        if (seen.has(arn))
          findings.push(error(this.code, [...base, 'managedPolicies', i], `"${value}" is the same policy as managedPolicies[${seen.get(arn)}] (${arn}).`, 'Remove the duplicate.'));
        else if (slugs.has(slug))
          findings.push(error(this.code, [...base, 'managedPolicies', i], `"${value}" and ${slugs.get(slug)} differ only in punctuation, so their attachments would share the Terraform address suffix ${slug}.`,
            'Check the policy names: AWS managed policy names this close are almost certainly a typo.'));
        else {
          seen.set(arn, i);
          slugs.set(slug, arn);
        }
      });
      const customers = new Map<string, number>();
      const customerSlugs = new Map<string, string>();
      ps.customerManagedPolicies.forEach((p, i) => {
        checkCustomer(p.name, p.path, [...base, 'customerManagedPolicies', i]);
        const id = `${p.path}${p.name}`;
        const slug = customerManagedPolicyRef(p.name, p.path).slug;
        if (customers.has(id))
          findings.push(error(this.code, [...base, 'customerManagedPolicies', i], `The customer managed policy ${id} is also customerManagedPolicies[${customers.get(id)}].`, 'Remove the duplicate.'));
        else if (customerSlugs.has(slug))
          findings.push(error(this.code, [...base, 'customerManagedPolicies', i], `The customer managed policies ${id} and ${customerSlugs.get(slug)} differ only in punctuation or path separators, so their attachments would share the Terraform address suffix ${slug}.`,
            'Rename one of the two policies in IAM, or keep one of them.'));
        else {
          customers.set(id, i);
          customerSlugs.set(slug, id);
        }
      });
      const boundary = ps.permissionsBoundary;
      if (boundary === undefined) continue;
      const boundaryPath = [...base, 'permissionsBoundary'];
      if ((boundary.managedPolicy === undefined) === (boundary.customerManagedPolicy === undefined))
        findings.push(error(this.code, boundaryPath, `The permissions boundary of \`${key}\` names ${boundary.managedPolicy === undefined ? 'no policy' : 'two policies'}; a boundary is exactly one policy.`,
          'Give either `managedPolicy:` or `customerManagedPolicy:`.', true));
      else if (boundary.managedPolicy !== undefined) checkManaged(boundary.managedPolicy, [...boundaryPath, 'managedPolicy']);
      else checkCustomer(boundary.customerManagedPolicy!.name, boundary.customerManagedPolicy!.path, [...boundaryPath, 'customerManagedPolicy']);
    }
    return findings;
  },
};
