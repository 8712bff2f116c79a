import { error } from '../config/diagnostics';
import type { Rule } from './rule';

/** CreateOrganizationalUnit Name: 1-128 characters. */
export const ouNamesMeetAwsConstraints: Rule = {
  code: 'LZ0110',
  name: 'ou-names-meet-aws-constraints',
  check({ ous }) {
    return ous
      .filter((ou) => ou.name.length < 1 || ou.name.length > 128 || ou.name.trim() !== ou.name)
      .map((ou) => error(this.code, [...ou.yamlPath, 'name'],
        `The OU name "${ou.name}" is not accepted: AWS takes 1-128 characters, and leading or trailing spaces would make a name that looks like another.`,
        'Shorten the name and trim spaces.'));
  },
};
