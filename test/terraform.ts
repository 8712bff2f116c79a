import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir, type TerraformJson } from './helpers';

/**
 * Offline Terraform plans of synthesized stacks, where a terraform binary and a filesystem mirror
 * of hashicorp/aws exist (`TF_PLUGIN_DIR`, default /opt/tf-plugins). Nothing here reaches AWS: the
 * provider gets dummy credentials, so reads of imported objects fail, after Terraform has decided
 * what it would create and what it would import.
 */
export const PLUGIN_DIR = process.env.TF_PLUGIN_DIR ?? '/opt/tf-plugins';
/** The environment terraform runs in here: no prompts, no update check, no user CLI configuration. */
export const TERRAFORM_ENV = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '/dev/null' };

/** Why an offline plan cannot run on this machine, or undefined when it can. */
export function offlinePlanUnavailable(): string | undefined {
  if (spawnSync('terraform', ['version'], { encoding: 'utf8' }).status !== 0) return 'no terraform binary on PATH';
  if (!existsSync(join(PLUGIN_DIR, 'registry.terraform.io', 'hashicorp', 'aws'))) return `no hashicorp/aws provider mirror in ${PLUGIN_DIR}`;
  return undefined;
}

/**
 * Registers `body` as a test where an offline plan can run; elsewhere registers a test whose name
 * says plainly that the plan did not run, and warns on the console, so a run without terraform
 * never reads as a checked plan.
 */
export function testWithTerraform(name: string, body: () => void): void {
  const missing = offlinePlanUnavailable();
  if (missing === undefined) test(name, body, 180_000);
  else
    test(`DID NOT RUN (${missing}): ${name}`, () => {
      console.warn(`offline terraform plan did not run: ${missing}`);
    });
}

/**
 * An object Terraform already manages, as the state of an earlier apply holds it: its id and the
 * attributes that would otherwise force a replacement (a null name or email does).
 */
export interface StateObject {
  readonly address: string;
  readonly attributes: { readonly id: string } & Readonly<Record<string, unknown>>;
}

function stateFile(objects: readonly StateObject[]) {
  return {
    version: 4,
    terraform_version: '1.11.4',
    serial: 1,
    lineage: 'lz-offline-plan',
    outputs: {},
    resources: objects.map(({ address, attributes }) => {
      const [type, name] = address.split('.');
      return {
        mode: 'managed',
        type,
        name,
        provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        instances: [{ schema_version: 0, attributes, sensitive_attributes: [] }],
      };
    }),
  };
}

export interface PlanEvents {
  /** Addresses Terraform plans to create. */
  readonly creates: string[];
  /** Addresses Terraform plans to destroy, replace or forget. */
  readonly other: Array<{ address: string; action: string }>;
  /** `[id=...]` of every object read: an import reads its object by the import block's id. */
  readonly reads: string[];
  readonly errors: string[];
}

/**
 * `terraform plan -refresh=false` of one synthesized stack, optionally over a state that already
 * holds some objects, in a copy whose backend is dropped,
 * whose provider pin is relaxed to the mirror's version and whose providers carry dummy credentials
 * (and neither an assumed role nor the account guard, which need AWS).
 */
export function offlinePlan(stack: TerraformJson, state: readonly StateObject[] = []): PlanEvents {
  const dir = join(tempDir('lz-plan-'), 'stack');
  mkdirSync(dir);
  const copy = JSON.parse(JSON.stringify(stack)) as TerraformJson;
  delete copy.terraform.backend;
  for (const provider of Object.values(copy.terraform.required_providers ?? {}) as Array<{ version?: string }>) provider.version = '>= 5.0';
  for (const config of (copy.provider?.aws ?? []) as TerraformJson[]) {
    // Without an account id to compare (skip_requesting_account_id) the guard refuses every plan.
    delete config.assume_role;
    delete config.allowed_account_ids;
    Object.assign(config, {
      access_key: 'AKIAIOSFODNN7EXAMPLE',
      secret_key: 'dummy',
      skip_credentials_validation: true,
      skip_requesting_account_id: true,
      skip_metadata_api_check: true,
      max_retries: 1,
    });
  }
  writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify(copy));
  if (state.length > 0) writeFileSync(join(dir, 'terraform.tfstate'), JSON.stringify(stateFile(state)));
  const env = TERRAFORM_ENV;
  execFileSync('terraform', ['init', `-plugin-dir=${PLUGIN_DIR}`, '-backend=false', '-input=false', '-no-color'], { cwd: dir, env, stdio: 'pipe' });
  const plan = spawnSync('terraform', ['plan', '-refresh=false', '-input=false', '-no-color', '-json'], { cwd: dir, env, encoding: 'utf8' });
  const events: PlanEvents = { creates: [], other: [], reads: [], errors: [] };
  for (const line of plan.stdout.split('\n')) {
    if (line.trim() === '') continue;
    const m = JSON.parse(line) as { type: string; '@message': string; change?: { action: string; resource: { addr: string } }; hook?: { id_value?: string } };
    if (m.type === 'planned_change' && m.change) {
      if (m.change.action === 'create') events.creates.push(m.change.resource.addr);
      else events.other.push({ address: m.change.resource.addr, action: m.change.action });
    }
    if (m.type === 'refresh_start' && m.hook?.id_value !== undefined) events.reads.push(m.hook.id_value);
    if (m.type === 'diagnostic' && m['@message'].startsWith('Error')) events.errors.push(m['@message']);
  }
  for (const list of [events.creates, events.reads]) list.sort();
  return events;
}
