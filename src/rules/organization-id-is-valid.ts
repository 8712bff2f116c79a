import { error } from '../config/diagnostics';
import type { Rule } from './rule';

/** Organization ids are o- followed by 10 to 32 lowercase letters or digits. */
const ORGANIZATION_ID = /^o-[a-z0-9]{10,32}$/;

export const organizationIdIsValid: Rule = {
  code: 'LZ0112',
  name: 'organization-id-is-valid',
  check({ config }) {
    const id = config.organization.id;
    if (id === undefined || ORGANIZATION_ID.test(id)) return [];
    return [error(this.code, ['organization', 'id'], `"${id}" is not an organization id: expected "o-" and 10 to 32 lowercase letters or digits.`,
      'Copy the id from `aws organizations describe-organization` (Organization.Id), or remove the key to create a new organization.')];
  },
};
