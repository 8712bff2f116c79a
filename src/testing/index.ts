import { AssertionError } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { renderDiagnostics, type Diagnostic } from '../config/diagnostics';
import { NO_CONFIRMATIONS, type ChangeConfirmations } from '../config/managed-record';
import { canAccount, type AccountDecision, type CanOptions } from '../model/account-access';
import { inspectionHop } from '../model/network/inspection-paths';
import { canReach, explainReachability } from '../model/network/reachability';
import type { VpcId } from '../model/network/types';
import { accountsUnder } from '../model/queries';
import type { LandingZoneModel } from '../model/types';
import { validateFile, validateText, type Validation } from '../pipeline';

/**
 * Assertions for a team's own intent tests over its org.yaml: what an account may do, which VPCs
 * reach which, what the synthesized stacks contain, who is assigned where. They throw node's
 * AssertionError, so jest, vitest and node:test report them alike; each message says what would
 * have to change.
 */

/** A synthesized stack: the Terraform JSON cdktf wrote (`cdk.tf.json`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TerraformJson = Record<string, any>;

export interface LandingZone {
  readonly file: string;
  readonly model: LandingZoneModel;
  /** Warnings of the validation (a landing zone with errors does not load). */
  readonly warnings: readonly Diagnostic[];
  /** The stacks as `lz synth` writes them, by stack name; synthesized on first use, into a temporary directory. */
  stacks(): Readonly<Record<string, TerraformJson>>;
}

export interface LoadOptions {
  /** The confirmations `--allow-removal` and `--accept-email-change` give on the command line. */
  readonly confirmations?: ChangeConfirmations;
}

function fail(message: string): never {
  throw new AssertionError({ message });
}

function toLandingZone(validation: Validation, file: string, projectDir: string): LandingZone {
  if (!validation.model) fail(`${file} does not validate:\n${renderDiagnostics(validation.diagnostics)}`);
  const model = validation.model;
  let stacks: Record<string, TerraformJson> | undefined;
  return {
    file,
    model,
    warnings: validation.diagnostics.filter((d) => d.severity === 'warning'),
    stacks() {
      stacks ??= synthesizeStacks(model, projectDir);
      return stacks;
    },
  };
}

/** Validates an org.yaml (policy files relative to it) and fails with every diagnostic when it has errors. */
export function loadLandingZone(file = 'org.yaml', options: LoadOptions = {}): LandingZone {
  const path = resolve(file);
  return toLandingZone(validateFile(path, file, options.confirmations ?? NO_CONFIRMATIONS), file, dirname(path));
}

/** The same from text, as if it were `org.yaml` in `dir` (where its policy files and lz.lock.json are looked up). */
export function landingZoneFromText(text: string, dir = process.cwd()): LandingZone {
  return toLandingZone(validateText(text, 'org.yaml', dir), 'org.yaml', dir);
}

/** Synthesizes without touching the project: no output directory, no lz.lock.json is written. */
function synthesizeStacks(model: LandingZoneModel, projectDir: string): Record<string, TerraformJson> {
  const outdir = mkdtempSync(join(tmpdir(), 'lz-testing-'));
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { buildApp } = require('../../stacks/app') as typeof import('../../stacks/app');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { withoutTokenStackTraces } = require('../cli/token-stack-traces') as typeof import('../cli/token-stack-traces');
    withoutTokenStackTraces(() => buildApp(model, { outdir, projectDir }).app.synth());
    const stacks: Record<string, TerraformJson> = {};
    for (const name of readdirSync(join(outdir, 'stacks')).sort())
      stacks[name] = JSON.parse(readFileSync(join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8')) as TerraformJson;
    return stacks;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

function decide(lz: LandingZone, account: string, action: string, options: CanOptions): AccountDecision {
  if (!lz.model.accounts.some((a) => a.key === account))
    fail(`${lz.file} has no account \`${account}\`; its accounts are ${lz.model.accounts.map((a) => a.key).join(', ')}.`);
  return canAccount(lz.model, account, action, options);
}

function describeRequest(decision: AccountDecision): string {
  const ctx = decision.request.context;
  return `${decision.account} ${decision.request.action} on ${decision.request.resource ?? '*'} in ${String(ctx['aws:RequestedRegion'])} as ${String(ctx['aws:PrincipalArn'])}`;
}

/** The account may perform the action as far as the organization's SCPs and RCPs decide. */
export function assertAllowed(lz: LandingZone, account: string, action: string, options: CanOptions = {}): AccountDecision {
  const decision = decide(lz, account, action, options);
  if (!decision.allowed)
    fail(`Expected ${describeRequest(decision)} to be allowed, but it is denied.\n${decision.explanation}\n` +
      'To allow it, change the policy named above at that level (or its attachment) in org.yaml.');
  return decision;
}

/** The organization's SCPs or RCPs deny the action to the account. */
export function assertDenied(lz: LandingZone, account: string, action: string, options: CanOptions = {}): AccountDecision {
  const decision = decide(lz, account, action, options);
  if (decision.allowed)
    fail(`Expected ${describeRequest(decision)} to be denied, but it is allowed.\n${decision.explanation}\n` +
      'To deny it, attach a guardrail that denies it at one of these levels, or remove the Allow at one level.');
  return decision;
}

function networkOf(lz: LandingZone, vpcs: readonly VpcId[]) {
  const network = lz.model.network;
  if (!network) fail(`${lz.file} has no network section, so no VPC reaches any other.`);
  for (const id of vpcs)
    if (!network.vpcs.some((v) => v.id === id)) fail(`${lz.file} has no VPC \`${id}\` (write <account key>/<vpc key>); its VPCs are ${network.vpcs.map((v) => v.id).join(', ')}.`);
  return network;
}

/** Directly or through the inspection VPC's firewall, both ways (model/network/inspection-paths.ts). */
function reachesAtAll(network: NonNullable<LandingZone['model']['network']>, a: VpcId, b: VpcId): boolean {
  return canReach(network, a, b) || (inspectionHop(network, a, b) === 'inspection' && inspectionHop(network, b, a) === 'inspection');
}

/** The two VPCs can route to each other through the Transit Gateway, directly or through the firewall. */
export function assertReaches(lz: LandingZone, a: VpcId, b: VpcId): void {
  const network = networkOf(lz, [a, b]);
  if (!reachesAtAll(network, a, b))
    fail(`Expected ${a} and ${b} to reach each other, but they do not:\n${explainReachability(network, a, b)}\n` +
      'Let their segments reach each other (network.segments.<segment>.reaches), or remove the static route that sends the traffic elsewhere.');
}

/** The two VPCs cannot route to each other through the Transit Gateway, not even through the firewall. */
export function assertDoesNotReach(lz: LandingZone, a: VpcId, b: VpcId): void {
  const network = networkOf(lz, [a, b]);
  if (reachesAtAll(network, a, b))
    fail(`Expected ${a} and ${b} not to reach each other, but they do:\n${explainReachability(network, a, b)}\n` +
      'Remove the reaches entry between their segments, or put the VPCs in segments that do not peer.');
}

export interface FoundResource {
  readonly stack: string;
  readonly address: string;
  readonly values: TerraformJson;
}

/**
 * Whether `actual` has every value of `expected`: objects by their listed keys, arrays element by
 * element, regular expressions against strings, anything else by equality.
 */
export function matchesPartially(actual: unknown, expected: unknown): boolean {
  if (expected instanceof RegExp) return typeof actual === 'string' && expected.test(actual);
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => matchesPartially(actual[i], e));
  if (expected !== null && typeof expected === 'object')
    return actual !== null && typeof actual === 'object' && Object.entries(expected).every(([k, v]) => matchesPartially((actual as Record<string, unknown>)[k], v));
  return Object.is(actual, expected);
}

/** Every resource (or, with `data.` in front of the type, data source) of the type in every stack whose values match. */
export function findResources(lz: LandingZone, type: string, values: Record<string, unknown> = {}): FoundResource[] {
  const [kind, bare] = type.startsWith('data.') ? (['data', type.slice(5)] as const) : (['resource', type] as const);
  const found: FoundResource[] = [];
  for (const [stack, json] of Object.entries(lz.stacks()))
    for (const [name, v] of Object.entries((json[kind]?.[bare] ?? {}) as Record<string, TerraformJson>))
      if (matchesPartially(v, values)) found.push({ stack, address: `${kind === 'data' ? 'data.' : ''}${bare}.${name}`, values: v });
  return found;
}

/** Keys of `expected` whose values `actual` does not match. */
function mismatches(actual: TerraformJson, expected: Record<string, unknown>): string[] {
  return Object.entries(expected)
    .filter(([k, v]) => !matchesPartially(actual[k], v))
    .map(([k, v]) => `${k}: expected ${v instanceof RegExp ? String(v) : JSON.stringify(v)}, got ${JSON.stringify(actual[k]) ?? 'nothing'}`);
}

/** Some stack has a resource of the type with these values (exactly `count` of them, when given). */
export function assertResource(lz: LandingZone, type: string, values: Record<string, unknown> = {}, options: { count?: number } = {}): FoundResource[] {
  const found = findResources(lz, type, values);
  if (options.count !== undefined ? found.length === options.count : found.length > 0) return found;
  const all = findResources(lz, type);
  const wanted = options.count !== undefined ? `exactly ${options.count}` : 'at least one';
  const closest = all
    .map((r) => ({ r, diff: mismatches(r.values, values) }))
    .sort((x, y) => x.diff.length - y.diff.length)
    .slice(0, 3)
    .map(({ r, diff }) => `  ${r.stack}: ${r.address}\n${diff.map((d) => `    ${d}`).join('\n')}`);
  fail(`Expected ${wanted} ${type} with ${JSON.stringify(values, (_k, v: unknown) => (v instanceof RegExp ? String(v) : v))}, found ${found.length}` +
    ` (${all.length} ${type} in all).${options.count === undefined && closest.length > 0 ? `\nClosest:\n${closest.join('\n')}` : found.length > 0 ? `\nFound: ${found.map((r) => `${r.stack}: ${r.address}`).join(', ')}` : ''}`);
}

export interface AssignmentExpectation {
  /** An OU path (`Workloads/Prod`) or `Root` for every account. */
  readonly ou: string;
  /** The permission set's key in org.yaml. */
  readonly permissionSet: string;
  /** The group or user key in org.yaml; any principal when left out. */
  readonly principal?: string;
}

/** Every account in the OU (nested OUs included) has the permission set assigned, to the principal when given. */
export function assertPermissionSetOnEveryAccount(lz: LandingZone, expected: AssignmentExpectation): void {
  const identity = lz.model.identityCenter;
  if (!identity) fail(`${lz.file} has no identityCenter section, so no permission set is assigned.`);
  if (!identity.permissionSets.some((p) => p.key === expected.permissionSet))
    fail(`${lz.file} has no permission set \`${expected.permissionSet}\`; its permission sets are ${identity.permissionSets.map((p) => p.key).join(', ')}.`);
  const accounts = accountsUnder(lz.model, expected.ou).filter((a) => !a.isManagement || expected.ou !== 'Root');
  if (accounts.length === 0) fail(`${lz.file} has no account in OU \`${expected.ou}\`.`);
  const missing = accounts
    .map((a) => a.key)
    .filter((key) => !identity.assignments.some((x) => x.accountKey === key && x.permissionSetKey === expected.permissionSet &&
      (expected.principal === undefined || x.principalKey === expected.principal)));
  if (missing.length > 0)
    fail(`Expected permission set ${expected.permissionSet}${expected.principal ? ` for ${expected.principal}` : ''} on every account in ${expected.ou}, ` +
      `but ${missing.length} of ${accounts.length} lack it: ${missing.join(', ')}.\n` +
      `Add an assignment with permissionSet: ${expected.permissionSet}${expected.principal ? `, the principal ${expected.principal}` : ''} and ous: [${expected.ou}] ` +
      'under identityCenter.assignments, or remove the exclusion that leaves these accounts out.');
}
