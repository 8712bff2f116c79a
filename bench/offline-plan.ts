/**
 * An offline `terraform plan -refresh=false` of a synthesized stack: what Terraform itself costs
 * before any AWS call. A copy of the stack is planned, never the stack itself, with:
 *
 * - the local backend (state in the copy) instead of the stack's backend or `cloud` block;
 * - the AWS provider pin relaxed to the version of the filesystem mirror (the bindings are 6.x);
 * - dummy credentials and `skip_credentials_validation`, `skip_requesting_account_id`,
 *   `skip_metadata_api_check`, `skip_region_validation` on every AWS provider, and neither
 *   `assume_role` (an STS call) nor `allowed_account_ids` (no account id is requested to compare);
 * - each `terraform_remote_state` data source removed and every read of one of its outputs replaced
 *   by a literal stand-in shaped like the value (a 12-digit account id, `ou-...`, `tgw-rtb-...`,
 *   a permission set ARN...), since the producer's state does not exist;
 * - each `aws_availability_zones` data source removed and its `zone_ids`/`names` replaced by a
 *   literal list of six zones of the provider's region.
 *
 * A stack with any other data source reads AWS at plan time and is reported as not planned.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface TerraformTools {
  readonly terraform: string;
  /** A filesystem mirror holding registry.terraform.io/hashicorp/aws/<version>/<platform>/terraform-provider-aws*. */
  readonly mirror: string;
  readonly awsVersion: string;
}

const MIRROR_CANDIDATES = ['/opt/tf-plugins', '/usr/local/share/terraform/plugins', '/usr/share/terraform/plugins', join(process.env.HOME ?? '/root', '.terraform.d', 'plugins')];

/** terraform on the PATH and an AWS provider mirror (LZ_BENCH_PLUGIN_DIR, else the usual places), or why not. */
export function findTerraform(): TerraformTools | { readonly missing: string } {
  const which = spawnSync('sh', ['-c', 'command -v terraform'], { encoding: 'utf8' });
  const terraform = which.stdout.trim();
  if (which.status !== 0 || terraform === '') return { missing: 'no terraform binary on the PATH (`command -v terraform`)' };
  const candidates = process.env.LZ_BENCH_PLUGIN_DIR ? [process.env.LZ_BENCH_PLUGIN_DIR] : MIRROR_CANDIDATES;
  for (const mirror of candidates) {
    const dir = join(mirror, 'registry.terraform.io', 'hashicorp', 'aws');
    if (!existsSync(dir)) continue;
    const versions = readdirSync(dir).filter((v) => /^\d+\.\d+\.\d+$/.test(v)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    if (versions.length > 0) return { terraform, mirror, awsVersion: versions[versions.length - 1]! };
  }
  return { missing: `no hashicorp/aws provider mirror in ${candidates.join(', ')} (set LZ_BENCH_PLUGIN_DIR)` };
}

const REMOTE_OUTPUT = /data\.terraform_remote_state\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_.-]+)/g;

/** A literal shaped like the value a cross-stack output carries, from the output's name. */
export function standIn(producer: string, output: string): string {
  const h = createHash('sha256').update(`${producer}/${output}`).digest('hex');
  const digits = BigInt(`0x${h.slice(0, 15)}`).toString().padStart(12, '0').slice(-12);
  if (/aws_organizations_account.*id$/.test(output)) return digits;
  if (output.includes('aws_organizations_organizational_unit')) return `ou-${h.slice(0, 4)}-${h.slice(4, 12)}`;
  if (output.includes('aws_organizations_policy')) return `p-${h.slice(0, 8)}`;
  if (output.includes('aws_organizations_organization')) return `r-${h.slice(0, 4)}`;
  if (output.includes('aws_ssoadmin_permission_set')) return `arn:aws:sso:::permissionSet/ssoins-${h.slice(0, 16)}/ps-${h.slice(16, 32)}`;
  if (output.includes('identity_store_id')) return `d-${h.slice(0, 10)}`;
  if (output.includes('aws_ssoadmin_instances')) return `arn:aws:sso:::instance/ssoins-${h.slice(0, 16)}`;
  if (output.includes('aws_identitystore_group')) return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
  if (output.includes('aws_ec2_transit_gateway_route_table')) return `tgw-rtb-${h.slice(0, 17)}`;
  if (output.includes('aws_ec2_transit_gateway_vpc_attachment')) return `tgw-attach-${h.slice(0, 17)}`;
  if (output.includes('aws_ec2_transit_gateway')) return `tgw-${h.slice(0, 17)}`;
  if (output.includes('aws_vpc')) return `vpc-${h.slice(0, 17)}`;
  if (/arn$/.test(output)) return `arn:aws:iam::${digits}:role/stand-in-${h.slice(0, 8)}`;
  return `stand-in-${h.slice(0, 12)}`;
}

export interface OfflineStack {
  readonly json: Json;
  /** What was replaced, one line each, for the report. */
  readonly replaced: string[];
  /** Data sources that would read a live API (AWS, HCP Terraform): the stack cannot be planned offline. */
  readonly blockers: string[];
}

/** Which service the data sources would call, by their provider's prefix. */
function readsFrom(blockers: readonly string[]): string {
  const services = [...new Set(blockers.map((b) => (b.startsWith('data.tfe_') ? 'HCP Terraform' : b.startsWith('data.aws_') ? 'AWS' : 'a live API')))];
  return services.join(' and ');
}

/** The copy of a stack that plans offline (see the file comment). */
export function offlineStack(stack: Json, awsVersion: string): OfflineStack {
  const json = JSON.parse(JSON.stringify(stack)) as Json;
  const replaced = new Set<string>();
  const data = (json.data ?? {}) as Json;
  const blockers = Object.keys(data).filter((t) => t !== 'terraform_remote_state' && t !== 'aws_availability_zones').map((t) => `data.${t}`);
  const region = (json.provider?.aws?.[0]?.region as string | undefined) ?? 'us-east-1';
  const zones = ['a', 'b', 'c', 'd', 'e', 'f'];
  const zoneIds = `[${zones.map((_, i) => `"${region.replace(/-(\w)\w+-(\d)$/, '$1$2')}-az${i + 1}"`).join(', ')}]`;
  const zoneNames = `[${zones.map((z) => `"${region}${z}"`).join(', ')}]`;
  const rewrite = (text: string): string =>
    text
      .replace(/\$\{data\.terraform_remote_state\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_.-]+)\}/g, (_, producer: string, output: string) => {
        replaced.add(`terraform_remote_state ${producer}: ${output}`);
        return standIn(producer, output);
      })
      .replace(REMOTE_OUTPUT, (_, producer: string, output: string) => {
        replaced.add(`terraform_remote_state ${producer}: ${output}`);
        // List attributes (the Identity Center instance's arns and identity_store_ids) stay lists.
        return /(arns|_ids)$/.test(output) ? `["${standIn(producer, output)}"]` : `"${standIn(producer, output)}"`;
      })
      .replace(/data\.aws_availability_zones\.[A-Za-z0-9_-]+\.(zone_ids|names)/g, (_, attribute: string) => {
        replaced.add(`aws_availability_zones: ${attribute}`);
        return attribute === 'names' ? zoneNames : zoneIds;
      });
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return rewrite(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === '//' ? v : walk(v)]));
    return value;
  };
  delete data.terraform_remote_state;
  delete data.aws_availability_zones;
  if (Object.keys(data).length === 0) delete json.data;
  const out = walk(json) as Json;
  const terraform = (out.terraform ?? {}) as Json;
  delete terraform.backend;
  delete terraform.cloud;
  if (terraform.required_providers?.aws) terraform.required_providers.aws.version = awsVersion;
  for (const provider of (out.provider?.aws ?? []) as Json[]) {
    // Assuming a role is an STS call; without an account id (skip_requesting_account_id) no allowed account can match.
    delete provider.assume_role;
    delete provider.allowed_account_ids;
    Object.assign(provider, {
      access_key: 'AKIASTANDINSTANDIN00',
      secret_key: 'stand-in',
      skip_credentials_validation: true,
      skip_requesting_account_id: true,
      skip_metadata_api_check: true,
      skip_region_validation: true,
    });
  }
  for (const provider of (out.provider?.tfe ?? []) as Json[]) provider.token = 'stand-in';
  return { json: out, replaced: [...replaced].sort(), blockers };
}

export interface PlanResult {
  readonly stack: string;
  readonly resources: number;
  readonly seconds?: number;
  /** Peak of the summed resident set of terraform and its provider processes, sampled every 100 ms. */
  readonly peakMb?: number;
  /** "Plan: N to add, ..." or why it was not planned or failed. */
  readonly outcome: string;
}

/** `terraform init` from the mirror, then a timed offline plan, in `workdir`. */
export async function planOffline(tools: TerraformTools, stack: string, json: Json, resources: number, workdir: string): Promise<PlanResult> {
  const copy = offlineStack(json, tools.awsVersion);
  if (copy.blockers.length > 0) return { stack, resources, outcome: `not planned: ${copy.blockers.join(', ')} ${copy.blockers.length === 1 ? 'reads' : 'read'} ${readsFrom(copy.blockers)} at plan time` };
  mkdirSync(workdir, { recursive: true });
  writeFileSync(join(workdir, 'cdk.tf.json'), JSON.stringify(copy.json, null, 2));
  const env = { ...process.env, TF_IN_AUTOMATION: '1', AWS_EC2_METADATA_DISABLED: 'true', CHECKPOINT_DISABLE: '1' };
  const init = spawnSync(tools.terraform, ['init', '-input=false', '-no-color', `-plugin-dir=${tools.mirror}`], { cwd: workdir, env, encoding: 'utf8' });
  if (init.status !== 0) return { stack, resources, outcome: `init failed: ${firstError(init.stdout + init.stderr)}` };
  const run = await timed(tools.terraform, ['plan', '-refresh=false', '-lock=false', '-input=false', '-no-color'], workdir, env);
  if (run.code !== 0) return { stack, resources, seconds: run.seconds, peakMb: run.peakMb, outcome: `plan failed: ${firstError(run.output)}` };
  const summary = /Plan: \d+ to add, \d+ to change, \d+ to destroy|No changes/.exec(run.output)?.[0] ?? 'plan printed no summary';
  return { stack, resources, seconds: run.seconds, peakMb: run.peakMb, outcome: summary };
}

function firstError(output: string): string {
  const line = output.split('\n').find((l) => /Error/.test(l)) ?? output.trim().split('\n')[0] ?? '';
  return line.replace(/^[\s│╷╵]+/, '').trim().slice(0, 200);
}

/** Runs a command in its own process group and samples the group's summed RSS. */
function timed(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; seconds: number; peakMb: number; output: string }> {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    let peakKb = 0;
    const sample = setInterval(() => {
      const ps = spawnSync('ps', ['-o', 'rss=', '-g', String(child.pid)], { encoding: 'utf8' });
      const kb = ps.stdout.split('\n').map(Number).filter((n) => n > 0).reduce((a, b) => a + b, 0);
      peakKb = Math.max(peakKb, kb);
    }, 100);
    child.on('close', (code) => {
      clearInterval(sample);
      resolve({ code: code ?? 1, seconds: Number(process.hrtime.bigint() - start) / 1e9, peakMb: peakKb / 1024, output });
    });
  });
}
