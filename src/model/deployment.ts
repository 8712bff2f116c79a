import type { OrgConfig } from '../config/schema';

/** The placeholder of `deployment.cloud.workspaceName`. */
export const STACK_PLACEHOLDER = '{stack}';

/** HCP Terraform workspace names: letters, digits, hyphens and underscores, at most 90 characters. */
export const WORKSPACE_NAME = /^[A-Za-z0-9_-]{1,90}$/;

/**
 * The longest stack name the tool generates: a concern prefix of at most 14 characters
 * (`network-spoke-`) and an account key of at most 50. Workspace name patterns must leave room for it.
 */
export const LONGEST_STACK_NAME = 64;

export interface LocalDeployment {
  readonly backend: 'local';
}

export interface S3Deployment {
  readonly backend: 's3';
  readonly bucket: string;
  readonly keyPrefix: string;
  readonly region: string;
  readonly dynamodbTable?: string;
  readonly useLockfile: boolean;
  readonly encrypt: boolean;
  readonly kmsKeyId?: string;
}

export interface CloudDeployment {
  readonly backend: 'cloud';
  readonly organization: string;
  readonly hostname: string;
  readonly project: string;
  readonly workspaceNamePattern: string;
  readonly executionMode: 'remote' | 'agent';
  readonly agentPoolId?: string;
}

export type DeploymentModel = LocalDeployment | S3Deployment | CloudDeployment;

/** Resolves the deployment section of a config that passed the rules (settings are complete). */
export function buildDeployment(config: OrgConfig): DeploymentModel {
  const section = config.deployment;
  if (section === undefined || section.backend === 'local') return { backend: 'local' };
  if (section.backend === 's3') {
    const s3 = section.s3!;
    return {
      backend: 's3',
      bucket: s3.bucket!,
      keyPrefix: s3.keyPrefix.replace(/^\/+|\/+$/g, ''),
      region: s3.region!,
      ...(s3.dynamodbTable !== undefined ? { dynamodbTable: s3.dynamodbTable } : {}),
      useLockfile: s3.useLockfile,
      encrypt: s3.encrypt,
      ...(s3.kmsKeyId !== undefined ? { kmsKeyId: s3.kmsKeyId } : {}),
    };
  }
  const cloud = section.cloud!;
  return {
    backend: 'cloud',
    organization: cloud.organization!,
    hostname: cloud.hostname,
    project: cloud.project,
    workspaceNamePattern: cloud.workspaceName,
    executionMode: cloud.executionMode,
    ...(cloud.agentPoolId !== undefined ? { agentPoolId: cloud.agentPoolId } : {}),
  };
}

/** `lz-{stack}` with `organization` gives `lz-organization`. */
export function workspaceName(pattern: string, stack: string): string {
  return pattern.split(STACK_PLACEHOLDER).join(stack);
}
