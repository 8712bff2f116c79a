import { error, show, type Finding } from '../config/diagnostics';
import { LONGEST_STACK_NAME, STACK_PLACEHOLDER } from '../model/deployment';
import type { Rule } from './rule';

/** What the pattern may contain around `{stack}`: the characters HCP Terraform allows in a workspace name. */
const LITERAL = /^[A-Za-z0-9_-]*$/;
const MAX_WORKSPACE_NAME = 90;

/**
 * Every stack gets its own workspace: the pattern must contain `{stack}` exactly once (so distinct
 * stacks get distinct names), and the expanded names must be valid HCP Terraform workspace names
 * for every stack the tool can generate.
 */
export const workspaceNamesAreValidAndUnique: Rule = {
  code: 'LZ0602',
  name: 'workspace-names-are-valid-and-unique',
  check({ config }) {
    const cloud = config.deployment?.cloud;
    if (cloud === undefined) return [];
    const pattern = cloud.workspaceName;
    const path = ['deployment', 'cloud', 'workspaceName'];
    const placeholders = pattern.split(STACK_PLACEHOLDER).length - 1;
    const findings: Finding[] = [];
    if (placeholders !== 1)
      findings.push(error(this.code, path,
        `${show(pattern)} contains ${STACK_PLACEHOLDER} ${placeholders} times; with anything but exactly once, stacks would not get one distinct workspace each.`,
        `Put ${STACK_PLACEHOLDER} in the pattern once, e.g. \`workspaceName: lz-${STACK_PLACEHOLDER}\`.`));
    const literal = pattern.split(STACK_PLACEHOLDER).join('');
    if (!LITERAL.test(literal))
      findings.push(error(this.code, path, `${show(pattern)} has characters that HCP Terraform does not allow in a workspace name.`,
        'Use only letters, digits, hyphens and underscores around {stack}, e.g. `acme-lz-{stack}`.'));
    else if (placeholders === 1 && literal.length + LONGEST_STACK_NAME > MAX_WORKSPACE_NAME)
      findings.push(error(this.code, path,
        `${show(pattern)} leaves room for ${MAX_WORKSPACE_NAME - literal.length} characters of stack name, but stack names can be ${LONGEST_STACK_NAME} long (\`bootstrap-\` and a stack id of up to 60) and workspace names at most ${MAX_WORKSPACE_NAME}.`,
        `Shorten the text around {stack} to at most ${MAX_WORKSPACE_NAME - LONGEST_STACK_NAME} characters.`));
    return findings;
  },
};
