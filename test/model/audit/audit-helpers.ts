import { Inventory, type StackJson } from '../../../src/model/audit/inventory';
import { auditScopeOf, type AuditScope } from '../../../src/model/audit/scope';
import { offSwitchesOf } from '../../../src/model/audit/off-switches';
import { runAudit, type AuditReport, type AuditRequirements, type ControlReport } from '../../../src/model/audit/run-audit';
import { synth } from '../../helpers';
import type { LandingZoneModel } from '../../../src/model/types';

/** Two accounts, two regions: small enough to write stacks for by hand. */
export const SCOPE: AuditScope = {
  accounts: [{ key: 'management', stackId: 'management' }, { key: 'app', stackId: 'app' }],
  regions: ['us-east-1', 'eu-west-1'],
  homeRegion: 'us-east-1',
  management: 'management',
  logging: 'app',
  security: 'app',
  network: 'app',
};

/** A provider block of one region, aliased when `alias` is given. */
export const provider = (region: string, alias?: string) => ({ region, ...(alias ? { alias } : {}) });

export function auditOf(stacks: Readonly<Record<string, object>>, scope: AuditScope = SCOPE, requirements?: AuditRequirements): AuditReport {
  return runAudit(new Inventory(stacks as Record<string, StackJson>, scope), requirements);
}

export function control(report: AuditReport, id: string): ControlReport {
  const found = report.controls.find((c) => c.id === id);
  if (!found) throw new Error(`no control ${id}`);
  return found;
}

/** `status: account/region or resource` per unit, one line each, for readable expectations. */
export function unitLines(report: ControlReport): string[] {
  return report.units.map((u) => `${u.status}: ${u.resource ?? [u.account, u.region].filter(Boolean).join('/')}`);
}

/** The audit of a model's real synthesized stacks. */
export function auditOfModel(model: LandingZoneModel, requirements?: AuditRequirements): AuditReport {
  return auditOfStacks(model, synth(model).stacks, requirements);
}

/** The audit of stacks said to be a model's, as `lz audit --out` reads them: the model gives the scope, the off switches and the requirements. */
export function auditOfStacks(model: LandingZoneModel, stacks: Readonly<Record<string, object>>, requirements?: AuditRequirements): AuditReport {
  return runAudit(new Inventory(stacks as Record<string, StackJson>, auditScopeOf(model)), requirements, offSwitchesOf(model));
}
