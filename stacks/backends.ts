import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { CloudBackend, LocalBackend, NamedCloudWorkspace, S3Backend, type TerraformStack } from 'cdktf';
import { join, relative } from 'node:path';
import { workspaceName, type DeploymentModel } from '../src/model/deployment';
import type { TerraformVersions } from '../src/model/terraform-versions';

export interface BackendOptions {
  /** The directory the output finally lives in; local state paths are relative to a stack's directory in it. */
  readonly outdir: string;
  /** The directory of org.yaml; local state files live here, outside the output directory. */
  readonly projectDir: string;
}

/**
 * Gives a stack the state backend org.yaml chose. cdktf derives a consumer's
 * `terraform_remote_state` from the producer's backend, so choosing it here also decides how
 * cross-stack values are read. No credential is ever set: each backend takes it from the
 * environment (AWS credentials, `terraform login` or the run's own token).
 */
export function useBackend(stack: TerraformStack, deployment: DeploymentModel, options: BackendOptions): void {
  const name = stack.node.id;
  if (deployment.backend === 'local') {
    // Relative, so the output holds no machine paths; outside the output directory that every synth replaces.
    const workingDir = join(options.outdir, 'stacks', name);
    new LocalBackend(stack, { path: relative(workingDir, join(options.projectDir, `terraform.${name}.tfstate`)) });
    return;
  }
  if (deployment.backend === 's3') {
    const backend = new S3Backend(stack, {
      bucket: deployment.bucket,
      key: deployment.keyPrefix === '' ? `${name}.tfstate` : `${deployment.keyPrefix}/${name}.tfstate`,
      region: deployment.region,
      encrypt: deployment.encrypt,
      ...(deployment.kmsKeyId !== undefined ? { kmsKeyId: deployment.kmsKeyId } : {}),
      ...(deployment.dynamodbTable !== undefined ? { dynamodbTable: deployment.dynamodbTable } : {}),
    });
    // cdktf 0.21 has no binding for S3 native locking (Terraform 1.10+).
    if (deployment.useLockfile) backend.addOverride('use_lockfile', true);
    return;
  }
  new CloudBackend(stack, {
    organization: deployment.organization,
    hostname: deployment.hostname,
    workspaces: new NamedCloudWorkspace(workspaceName(deployment.workspaceNamePattern, name), deployment.project),
  });
}

/**
 * Writes the version constraints into a stack's `terraform` block. cdktf pins the AWS provider to
 * the exact version its bindings were generated from; a range lets a team take provider fixes
 * without a new release of this tool, and `required_version` stops an old Terraform early.
 */
export function requireVersions(stack: TerraformStack, versions: TerraformVersions): void {
  stack.addOverride('terraform.required_version', versions.terraform);
  if (stack.node.children.some((c) => c instanceof AwsProvider)) stack.addOverride('terraform.required_providers.aws.version', versions.awsProvider);
}
