import { z } from 'zod';
import { AuditSection } from './audit';
import { AccountKey, OuKey, PolicyName } from './common';
import { BaselineSettings } from './baseline';
import { DeploymentSection } from './deployment';
import { LoggingSection } from './logging';
import { IdentityCenterSection } from './identity-center';
import { GuardrailsSection } from './guardrails';
import { NetworkSection } from './network';
import { Account, DelegatedAdministrators, OrganizationalUnit, OrganizationSection, Policy } from './organization';
import { SecuritySection } from './security';
import { RemovedSection } from './removed';

/**
 * The whole org.yaml. This schema is the single source of the config types (`OrgConfig`) and of
 * the JSON Schema that editors use for completion (`npm run schema` writes org.schema.json).
 */
export const OrgConfigSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'Path or URL of org.schema.json, for editors.' }),
    organization: OrganizationSection,
    organizationalUnits: z.record(OuKey, OrganizationalUnit).default({}).meta({ description: 'The OU tree under the root, by key.' }),
    accounts: z.record(AccountKey, Account).meta({ description: 'Every account of the organization, by key, the management account included.' }),
    policies: z.record(PolicyName, Policy).default({}).meta({ description: 'Organization policies by key; attach them from `organization.policies`, an OU or an account.' }),
    delegatedAdministrators: DelegatedAdministrators.default({}),
    deployment: DeploymentSection.optional(),
    logging: LoggingSection.optional(),
    security: SecuritySection.optional(),
    identityCenter: IdentityCenterSection.optional(),
    guardrails: GuardrailsSection.default({ profile: 'conservative', detachFullAWSAccess: [] }),
    removed: RemovedSection.default({ accounts: {}, organizationalUnits: {} }),
    network: NetworkSection.optional(),
    baseline: BaselineSettings.optional(),
    audit: AuditSection.optional(),
  })
  .meta({ title: 'org.yaml', description: 'An AWS organization as code.' });

export type OrgConfig = z.infer<typeof OrgConfigSchema>;
export type OrgConfigInput = z.input<typeof OrgConfigSchema>;
