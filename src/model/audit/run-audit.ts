import { CONTROLS } from './catalog';
import { controlUrl, type Control, type ControlScope, type Outcome, type Status, type Unit } from './control';
import type { Evidence, Inventory } from './inventory';

/** org.yaml `audit`: which controls must hold, and the accepted exceptions. */
export interface AuditRequirements {
  readonly required: 'all' | readonly string[];
  readonly exceptions: Readonly<Record<string, { readonly reason: string; readonly accounts?: readonly string[] }>>;
}

export interface UnitReport {
  readonly account?: string;
  readonly region?: string;
  /** `<stack>: <address>` of the judged resource, for `resource` scope. */
  readonly resource?: string;
  readonly status: Status;
  readonly reason: string;
  readonly evidence: readonly Evidence[];
  /** The reason of the org.yaml exception that accepts this unit's failure. */
  readonly excepted?: string;
}

export type ControlStatus = Status | 'excepted';

export interface ControlReport {
  readonly id: string;
  readonly title: string;
  readonly standards: readonly string[];
  readonly severity: Control['severity'];
  readonly scope: ControlScope;
  readonly url: string;
  readonly requires: string;
  readonly limits?: string;
  readonly required: boolean;
  readonly status: ControlStatus;
  readonly units: readonly UnitReport[];
  /** The org.yaml setting that turns the control off, when it is not satisfied. */
  readonly turnedOffBy?: string;
}

export interface AuditReport {
  readonly accounts: number;
  readonly regions: readonly string[];
  readonly controls: readonly ControlReport[];
  /** Required controls that are not satisfied: `lz audit` exits 1 when there is one. */
  readonly failedRequired: readonly string[];
}

function unitsOf(control: Control, inventory: Inventory): Unit[] {
  const { accounts, regions } = inventory.scope;
  switch (control.scope) {
    case 'account-region':
      return accounts.flatMap((a) => regions.map((region) => ({ account: a.key, region })));
    case 'account':
      return accounts.map((a) => ({ account: a.key }));
    case 'organization':
      return [{}];
    case 'resource':
      return (control.resources?.(inventory) ?? []).map((resource) => ({ resource, ...(resource.account !== undefined ? { account: resource.account } : {}), ...(resource.region !== undefined ? { region: resource.region } : {}) }));
  }
}

function statusOf(units: readonly UnitReport[]): ControlStatus {
  if (units.some((u) => u.status === 'not-satisfied' && u.excepted === undefined)) return 'not-satisfied';
  if (units.some((u) => u.excepted !== undefined)) return 'excepted';
  return units.some((u) => u.status === 'satisfied') ? 'satisfied' : 'not-applicable';
}

/** Runs every control of the catalog (or `controls`) over the synthesized stacks. */
export function runAudit(
  inventory: Inventory,
  requirements: AuditRequirements | undefined,
  offSwitches: Readonly<Record<string, string>> = {},
  controls: readonly Control[] = CONTROLS,
): AuditReport {
  const reports = controls.map((control): ControlReport => {
    const exception = requirements?.exceptions[control.id];
    const units = unitsOf(control, inventory).map((unit): UnitReport => {
      const outcome: Outcome = control.check(inventory, unit);
      const accepted = exception !== undefined && outcome.status === 'not-satisfied' && (exception.accounts === undefined || (unit.account !== undefined && exception.accounts.includes(unit.account)));
      return {
        ...(unit.account !== undefined ? { account: unit.account } : {}),
        ...(unit.region !== undefined ? { region: unit.region } : {}),
        ...(unit.resource ? { resource: `${unit.resource.stack}: ${unit.resource.address}` } : {}),
        ...outcome,
        ...(accepted ? { excepted: exception.reason } : {}),
      };
    });
    const status = statusOf(units);
    const required = requirements !== undefined && (requirements.required === 'all' || requirements.required.includes(control.id));
    return {
      id: control.id,
      title: control.title,
      standards: control.standards,
      severity: control.severity,
      scope: control.scope,
      url: controlUrl(control.id),
      requires: control.requires,
      ...(control.limits !== undefined ? { limits: control.limits } : {}),
      required,
      status,
      units,
      ...(status === 'not-satisfied' && offSwitches[control.id] !== undefined ? { turnedOffBy: offSwitches[control.id] } : {}),
    };
  });
  return {
    accounts: inventory.scope.accounts.length,
    regions: inventory.scope.regions,
    controls: reports,
    failedRequired: reports.filter((r) => r.required && r.status === 'not-satisfied').map((r) => r.id),
  };
}
