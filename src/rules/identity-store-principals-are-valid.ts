import { error, type Finding } from '../config/diagnostics';
import { sortedEntries, type Rule } from './rule';

/**
 * Identity store limits: a group DisplayName has 1-1024 characters, a UserName 1-128; a user
 * created in the store needs a given and a family name. Attributes of a looked-up principal
 * belong to the identity provider, so org.yaml does not set them. Administrator and
 * AWSAdministrators are reserved names.
 * @see https://docs.aws.amazon.com/singlesignon/latest/IdentityStoreAPIReference/API_CreateGroup.html
 * @see https://docs.aws.amazon.com/singlesignon/latest/IdentityStoreAPIReference/API_CreateUser.html
 */
const RESERVED = new Set(['Administrator', 'AWSAdministrators']);

export const identityStorePrincipalsAreValid: Rule = {
  code: 'LZ0311',
  name: 'identity-store-principals-are-valid',
  check({ config }) {
    const section = config.identityCenter;
    if (!section) return [];
    const findings: Finding[] = [];
    const displayNames = new Map<string, string>();
    for (const [key, g] of sortedEntries(section.groups)) {
      const base = ['identityCenter', 'groups', key];
      const name = g.displayName ?? key;
      if (name.length < 1 || name.length > 1024)
        findings.push(error(this.code, [...base, 'displayName'], `The display name has ${name.length} characters; AWS accepts 1 to 1024.`, 'Use the group\'s display name exactly as the identity store shows it.'));
      else if (g.create && RESERVED.has(name))
        findings.push(error(this.code, [...base, 'displayName'], `"${name}" is a name the identity store reserves; a group cannot be created with it.`, 'Choose another display name.'));
      const other = displayNames.get(name);
      if (other !== undefined)
        findings.push(error(this.code, base, `The groups \`${other}\` and \`${key}\` both have the display name "${name}", so both would be the same group.`, 'Remove one of the two groups.', true));
      displayNames.set(name, key);
      if (!g.create && g.description !== undefined)
        findings.push(error(this.code, [...base, 'description'], `The group \`${key}\` is looked up, not created, so its description is not set by org.yaml.`, 'Remove description, or set `create: true` to create the group.'));
    }
    const userNames = new Map<string, string>();
    for (const [key, u] of sortedEntries(section.users)) {
      const base = ['identityCenter', 'users', key];
      if (u.userName.length < 1 || u.userName.length > 128)
        findings.push(error(this.code, [...base, 'userName'], `The user name has ${u.userName.length} characters; AWS accepts 1 to 128.`, 'Use the user name exactly as the identity store shows it.'));
      else if (u.create && RESERVED.has(u.userName))
        findings.push(error(this.code, [...base, 'userName'], `"${u.userName}" is a name the identity store reserves; a user cannot be created with it.`, 'Choose another user name.'));
      const other = userNames.get(u.userName.toLowerCase());
      if (other !== undefined)
        findings.push(error(this.code, base, `The users \`${other}\` and \`${key}\` both have the user name "${u.userName}".`, 'Remove one of the two users.', true));
      userNames.set(u.userName.toLowerCase(), key);
      const profile = (['displayName', 'givenName', 'familyName', 'email'] as const).filter((k) => u[k] !== undefined);
      if (u.create) {
        for (const k of ['givenName', 'familyName'] as const)
          if (u[k] === undefined || u[k].length === 0)
            findings.push(error(this.code, base, `The user \`${key}\` is created in the identity store but has no ${k}.`, `Add \`${k}:\`; the identity store requires it.`, true));
      } else if (profile.length > 0)
        findings.push(error(this.code, [...base, profile[0]!], `The user \`${key}\` is looked up, not created, so ${profile.join(', ')} ${profile.length === 1 ? 'is' : 'are'} not set by org.yaml.`,
          `Remove ${profile.join(', ')}, or set \`create: true\` to create the user.`));
    }
    return findings;
  },
};
