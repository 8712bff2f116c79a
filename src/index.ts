/**
 * The public API of landing-zone-compiler: validate an org.yaml, inspect the resolved model, ask
 * what an account may do and which VPCs reach which, and synthesize the stacks into a directory.
 * Everything else under dist/ is internal and may change in any release.
 *
 * The test kit for a team's own intent tests is `landing-zone-compiler/testing`.
 */
export { validateFile, validateText, type Validation } from './pipeline';
export { hasErrors, renderDiagnostic, renderDiagnostics, formatPath, type Diagnostic, type Severity, type YamlPath } from './config/diagnostics';
export { InputError } from './config/load';
export { NO_CONFIRMATIONS, type ChangeConfirmations } from './config/managed-record';
export type { OrgConfig } from './config/schema';
export { orgJsonSchema } from './config/json-schema';
export type { AccountModel, DelegatedAdministratorModel, LandingZoneModel, OrganizationModel, Partition, PolicyModel, PolicyTarget } from './model/types';
export type { NetworkModel, SegmentModel, StaticRouteModel, VpcId, VpcModel } from './model/network/types';
export type { AccountAssignmentModel, IdentityCenterModel, PermissionSetModel } from './model/identity-center';
export type { TerraformVersions } from './model/terraform-versions';
export { canAccount, type AccountDecision, type CanOptions } from './model/account-access';
export type { AuthorizationRequest, PolicyLevel, ScpDecision } from './model/scp-evaluation';
export { canReach, reachableVpcPairs, segmentMatrix } from './model/network/reachability';
export { inspectedVpcPairs } from './model/network/inspection-paths';
export { accountsUnder } from './model/queries';
export { synthesize, ProtectedResourcesError, type SynthSummary } from './cli/synth';
