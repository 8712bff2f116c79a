import { z } from 'zod';

/**
 * Where every stack keeps its Terraform state. Credentials are never part of org.yaml: the strict
 * schema has no key for a token, an access key or a secret, so one pasted here is an unknown-key
 * error rather than something that could reach the synthesized output.
 */
export const S3BackendSettings = z
  .strictObject({
    bucket: z.string().optional().meta({ description: 'S3 bucket that holds the state files (required for the s3 backend).' }),
    keyPrefix: z
      .string()
      .default('landing-zone')
      .meta({ description: 'Key prefix inside the bucket; each stack is stored at `<keyPrefix>/<stack>.tfstate`. @default landing-zone' }),
    region: z.string().optional().meta({ description: 'Region of the bucket (required for the s3 backend).' }),
    dynamodbTable: z.string().optional().meta({ description: 'DynamoDB table for state locking; leave it out to lock with an S3 lock file.' }),
    useLockfile: z
      .boolean()
      .default(true)
      .meta({ description: 'Lock with an S3 lock file next to the state (Terraform 1.10 or later). @default true' }),
    encrypt: z.boolean().default(true).meta({ description: 'Server-side encryption of the state objects. @default true' }),
    kmsKeyId: z.string().optional().meta({ description: 'ARN of the KMS key that encrypts the state; the bucket default key otherwise.' }),
  })
  .meta({ description: 'Settings of the s3 backend.' });

export const CloudBackendSettings = z
  .strictObject({
    organization: z.string().optional().meta({ description: 'HCP Terraform / Terraform Enterprise organization (required for the cloud backend).' }),
    hostname: z
      .string()
      .default('app.terraform.io')
      .meta({ description: 'Host name of HCP Terraform or of your Terraform Enterprise, without https://. @default app.terraform.io' }),
    project: z.string().default('landing-zone').meta({ description: 'Project that holds the workspaces; the bootstrap stack creates it. @default landing-zone' }),
    workspaceName: z
      .string()
      .default('lz-{stack}')
      .meta({ description: 'Workspace name pattern; `{stack}` becomes the stack name. @default lz-{stack}' }),
    executionMode: z
      .enum(['remote', 'agent'])
      .default('remote')
      .meta({ description: 'Where runs execute: HCP Terraform workers, or your agent pool. @default remote' }),
    agentPoolId: z.string().optional().meta({ description: 'Agent pool id (apool-...), required when executionMode is agent.' }),
  })
  .meta({ description: 'Settings of the cloud backend (HCP Terraform or Terraform Enterprise), one workspace per stack.' });

export const DeploymentSection = z
  .strictObject({
    backend: z
      .enum(['local', 's3', 'cloud'])
      .default('local')
      .meta({ description: 'State backend of every stack: local files next to org.yaml, S3, or one HCP Terraform workspace per stack. @default local' }),
    s3: S3BackendSettings.optional(),
    cloud: CloudBackendSettings.optional(),
    awsProviderVersion: z.string().optional().meta({
      description:
        'Version constraint of the AWS provider written into every stack (`required_providers.aws.version`), e.g. `~> 6.30`. It must admit a 6.x version from the one the bindings were generated from. @default - `~> 6.25`, the bindings\' minor version and every later 6.x',
    }),
    terraformVersion: z.string().optional().meta({
      description:
        'Terraform version constraint written into every stack (`required_version`), e.g. `~> 1.11`. It must admit a version that reads every block written. @default - `>= 1.7` (`import` and `removed` blocks), `>= 1.10` with the S3 lock file',
    }),
  })
  .meta({ description: 'How the stacks are deployed: state backend and Terraform Cloud workspaces.' });

export type DeploymentSection = z.infer<typeof DeploymentSection>;
