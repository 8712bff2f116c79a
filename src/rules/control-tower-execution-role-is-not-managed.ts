import { error } from '../config/diagnostics';
import { CONTROL_TOWER_EXECUTION_ROLE, controlTowerEnabled } from '../model/control-tower';
import { sortedEntries, type Rule } from './rule';

/**
 * lz creates new accounts with `role_name = accessRoleName`; under Control Tower that role name
 * would make lz the creator of AWSControlTowerExecution, which Control Tower owns and manages.
 */
export const controlTowerExecutionRoleIsNotManaged: Rule = {
  code: 'LZ0904',
  name: 'control-tower-execution-role-is-not-managed',
  check({ config }) {
    if (!controlTowerEnabled(config) || config.organization.accessRoleName !== CONTROL_TOWER_EXECUTION_ROLE) return [];
    const created = sortedEntries(config.accounts).filter(([key, a]) => a.id === undefined && key !== config.organization.managementAccount).map(([key]) => key);
    if (created.length === 0) return [];
    return [error(this.code, ['organization', 'accessRoleName'],
      `accessRoleName is ${CONTROL_TOWER_EXECUTION_ROLE} and lz would create the accounts ${created.join(', ')} with that role; Control Tower owns it.`,
      'Vend those accounts with Account Factory and adopt them by id, or create new accounts with another accessRoleName (the default OrganizationAccountAccessRole).')];
  },
};
