import { error, show, type Finding } from '../config/diagnostics';
import { pinRegionGroups, REGION_GROUPS_LOCK_SECTION } from '../model/baseline';
import { longestStackName, LONGEST_STACK_ID, STACK_PLACEHOLDER } from '../model/deployment';
import { allowedRegionsOf } from '../model/regions';
import type { Rule } from './rule';

/** What the pattern may contain around `{stack}`: the characters HCP Terraform allows in a workspace name. */
const LITERAL = /^[A-Za-z0-9_-]*$/;
const MAX_WORKSPACE_NAME = 90;

/**
 * Every stack gets its own workspace: the pattern must contain `{stack}` exactly once (so distinct
 * stacks get distinct names), and the expanded names must be valid HCP Terraform workspace names
 * for every stack the tool can generate for this org.yaml, now or for accounts added later
 * (longestStackName: further network regions and baseline region groups make longer names).
 */
export const workspaceNamesAreValidAndUnique: Rule = {
  code: 'LZ0602',
  name: 'workspace-names-are-valid-and-unique',
  check({ config, previousLock }) {
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
    else if (placeholders === 1) {
      // The highest baseline group number a stack is written for: an emptied group keeps its number but gets no stack.
      const groups = pinRegionGroups(allowedRegionsOf(config), previousLock[REGION_GROUPS_LOCK_SECTION]);
      const highestGroup = groups.reduce((n, regions, i) => (regions.length > 0 ? i + 1 : n), 1);
      const longest = longestStackName(config, highestGroup);
      if (literal.length + longest.length > MAX_WORKSPACE_NAME)
        findings.push(error(this.code, path,
          `${show(pattern)} leaves room for ${MAX_WORKSPACE_NAME - literal.length} characters of stack name, but stack names can be ${longest.length} long (\`${longest.form}\` with a stack id of up to ${LONGEST_STACK_ID}) and workspace names at most ${MAX_WORKSPACE_NAME}.`,
          `Shorten the text around {stack} to at most ${MAX_WORKSPACE_NAME - longest.length} characters.`));
    }
    return findings;
  },
};
