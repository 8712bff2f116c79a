import type { Evidence, Inventory, PlacedResource } from './inventory';

export type Status = 'satisfied' | 'not-satisfied' | 'not-applicable';

/**
 * What one check covers: `account-region` every managed account in every allowed region,
 * `account` every managed account, `organization` the organization once, `resource` every
 * resource of a kind the landing zone builds (a VPC, a bucket, a key).
 */
export type ControlScope = 'account-region' | 'account' | 'organization' | 'resource';

/** One unit of a control's scope. */
export interface Unit {
  readonly account?: string;
  readonly region?: string;
  readonly resource?: PlacedResource;
}

/** A check's verdict on one unit, with why and where the landing zone configures it. */
export interface Outcome {
  readonly status: Status;
  readonly reason: string;
  readonly evidence: readonly Evidence[];
}

export interface Control {
  /** The Security Hub control id, e.g. `Config.1`. */
  readonly id: string;
  readonly title: string;
  /** `FSBP` and the CIS AWS Foundations Benchmark versions and numbers that map to the control. */
  readonly standards: readonly string[];
  readonly severity: 'Critical' | 'High' | 'Medium' | 'Low';
  readonly scope: ControlScope;
  /** What the check requires of the synthesized stacks, for the docs and `--format json`. */
  readonly requires: string;
  /** What synthesized stacks cannot prove about the control, said plainly. */
  readonly limits?: string;
  /** For `resource` scope: the resources it judges. */
  readonly resources?: (inventory: Inventory) => readonly PlacedResource[];
  readonly check: (inventory: Inventory, unit: Unit) => Outcome;
}

/**
 * The AWS reference page of a control: `CloudTrail.1` is
 * https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-1.
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-controls-reference.html
 */
export function controlUrl(id: string): string {
  const [service, n] = id.toLowerCase().split('.');
  return `https://docs.aws.amazon.com/securityhub/latest/userguide/${service}-controls.html#${service}-${n}`;
}

export const satisfied = (reason: string, evidence: readonly Evidence[] = []): Outcome => ({ status: 'satisfied', reason, evidence });
export const notSatisfied = (reason: string, evidence: readonly Evidence[] = []): Outcome => ({ status: 'not-satisfied', reason, evidence });
export const notApplicable = (reason: string): Outcome => ({ status: 'not-applicable', reason, evidence: [] });

/** `<stack>: <address>`, how the report names a resource. */
export const where = (r: PlacedResource): string => `${r.stack}: ${r.address}`;
