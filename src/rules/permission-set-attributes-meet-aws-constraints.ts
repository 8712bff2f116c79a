import { error, type Finding } from '../config/diagnostics';
import { sortedEntries, type Rule } from './rule';
import { checkTags } from './tags-meet-aws-constraints';

/**
 * CreatePermissionSet: Description 1-700 characters of tab, newline and Latin-1 printable text;
 * RelayState 1-240 characters of URL-safe text.
 * @see https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_CreatePermissionSet.html
 */
const DESCRIPTION = /^[\t\n\r\u0020-\u007E\u00A1-\u00FF]{1,700}$/;
const RELAY_STATE = /^[a-zA-Z0-9&$@#\\/%?=~\-_'"|!:,.;*+[\] (){}]{1,240}$/;

export const permissionSetAttributesMeetAwsConstraints: Rule = {
  code: 'LZ0302',
  name: 'permission-set-attributes-meet-aws-constraints',
  check({ config }) {
    const findings: Finding[] = [];
    for (const [key, ps] of sortedEntries(config.identityCenter?.permissionSets)) {
      const base = ['identityCenter', 'permissionSets', key];
      if (ps.description !== undefined && !DESCRIPTION.test(ps.description))
        findings.push(error(this.code, [...base, 'description'],
          ps.description.length < 1 || ps.description.length > 700
            ? `The description has ${ps.description.length} characters; AWS accepts 1 to 700.`
            : 'The description contains characters AWS does not accept (outside Latin-1 printable text).',
          ps.description.length > 700 ? 'Shorten the description.' : 'Write the description with plain Latin-1 characters, or remove it.'));
      if (ps.relayState !== undefined && !RELAY_STATE.test(ps.relayState))
        findings.push(error(this.code, [...base, 'relayState'],
          ps.relayState.length < 1 || ps.relayState.length > 240
            ? `The relay state has ${ps.relayState.length} characters; AWS accepts 1 to 240.`
            : `The relay state "${ps.relayState}" contains characters AWS does not accept.`,
          'Use a console URL such as https://console.aws.amazon.com/billing/home, percent-encoding other characters.'));
      findings.push(...checkTags(this.code, ps.tags, [...base, 'tags']));
    }
    return findings;
  },
};
