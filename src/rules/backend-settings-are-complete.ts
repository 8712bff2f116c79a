import { error, show, type Finding } from '../config/diagnostics';
import type { Rule } from './rule';

/** A bare host name with an optional port: `app.terraform.io`, `tfe.example.com:8443`. */
const HOSTNAME = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(?::\d{1,5})?$/;

/**
 * The chosen backend has every setting Terraform needs: a bucket, region and a lock for s3; an
 * organization (and an agent pool for agent execution) for cloud. Without them `terraform init`
 * would stop or, worse, prompt in CI.
 */
export const backendSettingsAreComplete: Rule = {
  code: 'LZ0601',
  name: 'backend-settings-are-complete',
  check({ config }) {
    const deployment = config.deployment;
    if (deployment === undefined) return [];
    const findings: Finding[] = [];
    const missing = (path: string[], what: string, fix: string) =>
      findings.push(error(this.code, path, `The ${deployment.backend} backend needs ${what}, and none is given.`, fix));

    if (deployment.backend === 's3') {
      const s3 = deployment.s3;
      if (s3 === undefined) {
        missing(['deployment', 'backend'], 'a `deployment.s3` section', 'Add `s3: { bucket: <state bucket>, region: <bucket region> }` under `deployment`.');
        return findings;
      }
      if (s3.bucket === undefined) missing(['deployment', 's3'], 'a bucket', 'Add `bucket: <name of the S3 bucket that holds the state>` to `deployment.s3`.');
      if (s3.region === undefined) missing(['deployment', 's3'], 'the region of its bucket', 'Add `region: <bucket region>` to `deployment.s3`, e.g. `region: us-east-1`.');
      if (!s3.useLockfile && s3.dynamodbTable === undefined)
        findings.push(error(this.code, ['deployment', 's3', 'useLockfile'], 'useLockfile is false and no dynamodbTable is given, so two runs could write the same state at once.',
          'Remove `useLockfile: false` to lock with an S3 lock file, or give `dynamodbTable: <lock table>`.'));
    }

    if (deployment.backend === 'cloud') {
      const cloud = deployment.cloud;
      if (cloud?.organization === undefined) {
        missing(cloud === undefined ? ['deployment', 'backend'] : ['deployment', 'cloud'], 'an HCP Terraform organization',
          'Add `cloud: { organization: <your organization> }` under `deployment`; the name is shown at the top left of HCP Terraform.');
        return findings;
      }
      if (!HOSTNAME.test(cloud.hostname))
        findings.push(error(this.code, ['deployment', 'cloud', 'hostname'], `${show(cloud.hostname)} is not a host name: it must be the bare host, without a scheme or path.`,
          'Write the host only, e.g. `hostname: tfe.example.com` for Terraform Enterprise, or leave it out for app.terraform.io.'));
      if (cloud.executionMode === 'agent' && cloud.agentPoolId === undefined)
        findings.push(error(this.code, ['deployment', 'cloud', 'executionMode'], 'executionMode is agent, but no agentPoolId says which agents run the plans.',
          'Add `agentPoolId: apool-...` to `deployment.cloud`, or use `executionMode: remote`.'));
      if (cloud.executionMode === 'remote' && cloud.agentPoolId !== undefined)
        findings.push(error(this.code, ['deployment', 'cloud', 'agentPoolId'], `agentPoolId ${show(cloud.agentPoolId)} is given, but executionMode is remote, so no agent would ever run.`,
          'Set `executionMode: agent` to use the pool, or remove agentPoolId.'));
    }
    return findings;
  },
};
