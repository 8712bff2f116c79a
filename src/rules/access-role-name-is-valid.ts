import { error } from '../config/diagnostics';
import type { Rule } from './rule';

/** IAM role names: 1-64 characters of [\w+=,.@-]. The name goes into every member provider's role ARN. */
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

export const accessRoleNameIsValid: Rule = {
  code: 'LZ0115',
  name: 'access-role-name-is-valid',
  check({ config }) {
    const name = config.organization.accessRoleName;
    if (ROLE_NAME.test(name)) return [];
    return [error(this.code, ['organization', 'accessRoleName'], `"${name}" is not a valid IAM role name: 1-64 letters, digits and +=,.@_- only.`,
      'Use the name of the role that exists in every member account, e.g. OrganizationAccountAccessRole.')];
  },
};
