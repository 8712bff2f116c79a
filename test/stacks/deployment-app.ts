import { LandingZoneStack } from '../../src/constructs/landing-zone-stack';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { SsmParameter } from '@cdktf/provider-aws/lib/ssm-parameter';
import { App } from 'cdktf';
import type { Construct } from 'constructs';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ManagementProvider, MemberAccountProvider } from '../../src/constructs/aws-provider';
import type { LandingZoneModel } from '../../src/model/types';
import { applyDeployment } from '../../stacks/deployment';
import { AccountStack } from '../../stacks/account-stack';
import { OrganizationStack } from '../../stacks/organization-stack';
import { readTree, tempDir, type TerraformJson } from '../helpers';

/** A test-only member stack: a bucket in a new account, whose id comes from the account's stack. */
class BucketStack extends LandingZoneStack {
  readonly bucket: S3Bucket;
  constructor(scope: Construct, id: string, props: { model: LandingZoneModel; account: AccountStack }) {
    super(scope, id);
    const org = props.model.organization;
    new MemberAccountProvider(this, 'aws', {
      accountId: props.account.accountId,
      region: org.homeRegion,
      partition: org.partition,
      roleName: org.accessRoleName,
      sessionName: `lz-${id}`,
    });
    this.bucket = new S3Bucket(this, 'bucket', { bucketPrefix: id });
  }
}

/** A test-only management stack that reads another stack's attribute (a cross-stack reference). */
class ReaderStack extends LandingZoneStack {
  constructor(scope: Construct, id: string, props: { model: LandingZoneModel; source: BucketStack }) {
    super(scope, id);
    const org = props.model.organization;
    new ManagementProvider(this, 'aws', { accountId: org.managementAccountId, region: org.homeRegion });
    new SsmParameter(this, 'bucket_arn', { name: `/lz/${id}/bucket-arn`, type: 'String', value: props.source.bucket.arn });
  }
}

export interface AppOutput {
  readonly stacks: Record<string, TerraformJson>;
  readonly manifest: { stacks: Record<string, { dependencies: string[]; workingDirectory: string }> };
  readonly files: Record<string, string>;
  /** The temporary project directory, to check that the output never names it. */
  readonly projectDir: string;
}

/**
 * organization -> account-log-archive -> log-archive (bucket in the new member account) -> org-trail
 * (management, reads the bucket ARN): stacks that reference each other the way the real ones do.
 */
export function synthTestApp(model: LandingZoneModel): AppOutput {
  const projectDir = tempDir('lz-deploy-');
  try {
    const outdir = join(projectDir, 'cdktf.out');
    const app = new App({ outdir, stackTraces: false });
    const organization = new OrganizationStack(app, 'organization', { model });
    const account = new AccountStack(app, 'account-log-archive', { model, organization, account: model.accounts.find((a) => a.key === 'log-archive')! });
    const logs = new BucketStack(app, 'log-archive', { model, account });
    new ReaderStack(app, 'org-trail', { model, source: logs });
    const accountId = (key: string) => (key === 'log-archive' ? account.accountId : model.accounts.find((a) => a.key === key)!.id!);
    const accountStack = (key: string) => (key === 'log-archive' ? account : undefined);
    applyDeployment(app, model, { outdir, projectDir, accountId, accountStack });
    app.synth();
    const files = readTree(outdir);
    const stacks: Record<string, TerraformJson> = {};
    for (const [path, content] of Object.entries(files)) {
      const m = /^stacks\/([^/]+)\/cdk\.tf\.json$/.exec(path);
      if (m) stacks[m[1]!] = JSON.parse(content) as TerraformJson;
    }
    return { stacks, manifest: JSON.parse(files['manifest.json']!), files, projectDir };
  } finally {
    rmSync(projectDir, { recursive: true, force: true });
  }
}

/**
 * The default org.yaml's text with its deployment section replaced, every other section kept:
 * the backend is tested on the real organization, not a truncated one.
 */
export function withDeployment(orgYaml: string, section: string): string {
  let found = false;
  const replaced = orgYaml.replace(/^deployment:\n(?:(?: +.*)?\n)*/m, () => {
    found = true;
    return `deployment:\n${section}`;
  });
  if (!found) throw new Error('org.yaml has no deployment section to replace');
  return replaced;
}
