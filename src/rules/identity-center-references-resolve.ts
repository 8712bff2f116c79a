import { error, type Finding, type YamlPath } from '../config/diagnostics';
import { closest } from '../config/parse';
import { SSO_SERVICE_PRINCIPAL } from '../model/identity-center';
import { ROOT } from '../model/org-tree';
import type { Rule } from './rule';

const REGION = /^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;

function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

const didYouMean = (word: string, known: readonly string[], otherwise: string) => {
  const suggestion = closest(word, known);
  return suggestion ? `Did you mean \`${suggestion}\`?` : otherwise;
};

/**
 * Every name in the identityCenter section resolves: each assignment has one principal that is
 * defined, defined permission sets, and accounts and OUs of the organization; the delegated
 * administrator is a member account; the region is a region.
 */
export const identityCenterReferencesResolve: Rule = {
  code: 'LZ0307',
  name: 'identity-center-references-resolve',
  check({ config, ouByPath }) {
    const section = config.identityCenter;
    if (!section) return [];
    const findings: Finding[] = [];
    const accounts = Object.keys(config.accounts);
    const ous = [ROOT, ...ouByPath.keys()];
    const checkAccount = (key: string, path: YamlPath) => {
      if (!config.accounts[key]) findings.push(error(this.code, path, `The account \`${key}\` is not in accounts.`, didYouMean(key, accounts, 'Name an account key from accounts.')));
    };
    const checkOu = (ouPath: string, path: YamlPath) => {
      if (ouPath !== ROOT && !ouByPath.has(ouPath))
        findings.push(error(this.code, path, `The OU path "${ouPath}" does not exist in organizationalUnits.`,
          `${didYouMean(ouPath, ous, 'Write an OU path from the root, such as Workloads/Prod, or Root.')} OU paths are keys from the root joined by "/".`));
    };

    const partition = config.organization.partition;
    if (section.region !== undefined && !REGION.test(section.region))
      findings.push(error(this.code, ['identityCenter', 'region'], `"${section.region}" is not a region name.`, 'Use the region your IAM Identity Center instance lives in, such as us-east-1.'));
    else if (section.region !== undefined && partitionOf(section.region) !== partition)
      findings.push(error(this.code, ['identityCenter', 'region'], `The region ${section.region} belongs to the ${partitionOf(section.region)} partition, but organization.partition is ${partition}.`,
        `Use the region of your IAM Identity Center instance in ${partition}.`));

    const admin = section.delegatedAdministrator;
    if (admin !== undefined) {
      const path = ['identityCenter', 'delegatedAdministrator'];
      const registered = config.delegatedAdministrators[SSO_SERVICE_PRINCIPAL];
      if (!config.accounts[admin]) checkAccount(admin, path);
      else if (admin === config.organization.managementAccount)
        findings.push(error(this.code, path, `\`${admin}\` is the management account, which AWS cannot register as a delegated administrator.`,
          'Name a member account (often a dedicated identity or security tooling account), or remove delegatedAdministrator to deploy from the management account.'));
      else if (registered !== undefined && registered !== admin)
        findings.push(error(this.code, path, `delegatedAdministrators registers \`${registered}\` for ${SSO_SERVICE_PRINCIPAL}, but identityCenter.delegatedAdministrator is \`${admin}\`.`,
          `Keep one: remove ${SSO_SERVICE_PRINCIPAL} from delegatedAdministrators (identityCenter.delegatedAdministrator registers it).`));
    }

    const sets = Object.keys(section.permissionSets);
    const groups = Object.keys(section.groups);
    const users = Object.keys(section.users);
    section.assignments.forEach((a, i) => {
      const base = ['identityCenter', 'assignments', i];
      if (a.group !== undefined && a.user !== undefined)
        findings.push(error(this.code, base, 'The assignment names both a group and a user.', 'Split it into two assignments, one for the group and one for the user.'));
      else if (a.group === undefined && a.user === undefined)
        findings.push(error(this.code, base, 'The assignment names no principal.', 'Add `group:` with a key of identityCenter.groups, or `user:` with a key of identityCenter.users.'));
      else if (a.group !== undefined && !section.groups[a.group])
        findings.push(error(this.code, [...base, 'group'], `The group \`${a.group}\` is not in identityCenter.groups.`, didYouMean(a.group, groups, 'Define it under identityCenter.groups.')));
      else if (a.user !== undefined && !section.users[a.user])
        findings.push(error(this.code, [...base, 'user'], `The user \`${a.user}\` is not in identityCenter.users.`, didYouMean(a.user, users, 'Define it under identityCenter.users.')));
      a.permissionSets.forEach((s, j) => {
        if (!section.permissionSets[s])
          findings.push(error(this.code, [...base, 'permissionSets', j], `The permission set \`${s}\` is not in identityCenter.permissionSets.`,
            didYouMean(s, sets, 'Define it under identityCenter.permissionSets.')));
      });
      if (a.ous.length === 0 && a.accounts.length === 0)
        findings.push(error(this.code, base, 'The assignment has no target.', 'Add `ous:` with OU paths or `accounts:` with account keys.'));
      a.ous.forEach((o, j) => checkOu(o, [...base, 'ous', j]));
      a.accounts.forEach((k, j) => checkAccount(k, [...base, 'accounts', j]));
      a.excludeOus.forEach((o, j) => checkOu(o, [...base, 'excludeOus', j]));
      a.excludeAccounts.forEach((k, j) => checkAccount(k, [...base, 'excludeAccounts', j]));
    });
    return findings;
  },
};
