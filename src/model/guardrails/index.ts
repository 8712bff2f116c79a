import type { PolicyStatement } from '../../config/schema/common';
import { denyDefaultVpc, denyEbsEncryptionDisable, denyRamExternalSharing, requireImdsv2 } from './compute-network';
import type { Guardrail, GuardrailFacts } from './guardrail';
import { denyIamUsers, denyRootUser, protectAccessRoles } from './identity';
import { denyAll, denyLeaveOrganization, denyRegionOptInChanges, quarantine } from './organization';
import { denyUnapprovedRegions } from './regions';
import { protectLogArchiveBucket, protectSecurityServices } from './security-services';

export type { Guardrail, GuardrailFacts } from './guardrail';

/** Every guardrail, by name, in the order the README lists them. */
export const GUARDRAILS: ReadonlyMap<string, Guardrail> = new Map(
  ([
    denyLeaveOrganization, denyRootUser, protectSecurityServices, denyUnapprovedRegions, denyRegionOptInChanges, protectAccessRoles,
    denyIamUsers, requireImdsv2, denyEbsEncryptionDisable, denyRamExternalSharing, denyDefaultVpc, protectLogArchiveBucket, denyAll, quarantine,
  ] as Guardrail[]).map((g) => [g.name, g]),
);

/**
 * The statements of a guardrail for the given raw parameters; throws when the parameters do not
 * match the guardrail's schema (the rules report that case before any model is built).
 */
export function guardrailStatements(name: string, parameters: unknown, facts: GuardrailFacts): PolicyStatement[] {
  const g = GUARDRAILS.get(name);
  if (!g) throw new Error(`unknown guardrail ${name}`);
  return g.statements(g.parameters.parse(parameters ?? {}), facts);
}
