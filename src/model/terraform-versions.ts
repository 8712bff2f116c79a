import type { OrgConfig } from '../config/schema';

/**
 * The AWS provider version the bindings (@cdktf/provider-aws) were generated from: the stacks'
 * arguments are type-checked against this schema. A test keeps it equal to the bindings' own record.
 */
export const AWS_PROVIDER_BINDINGS_VERSION = '6.25.0';

/** The version constraints written into every stack's `terraform` block. */
export interface TerraformVersions {
  /** `required_providers.aws.version`. @default - `~> <major>.<minor>` of the bindings' version */
  readonly awsProvider: string;
  /** `required_version`. @default - `>= ` the oldest Terraform that reads the blocks written */
  readonly terraform: string;
}

type Version = readonly [number, number, number];

interface Clause {
  readonly operator: '=' | '!=' | '>' | '>=' | '<' | '<=' | '~>';
  readonly version: Version;
  /** How many parts were written: `~> 6.25` moves the minor, `~> 6.25.0` the patch. */
  readonly parts: number;
}

const CLAUSE = /^(=|!=|>=|<=|>|<|~>)?\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/;

/** Terraform's version constraint syntax: comma-separated clauses such as `~> 6.25` or `>= 1.10, < 2.0`. */
export function parseConstraint(text: string): Clause[] | undefined {
  const clauses: Clause[] = [];
  for (const part of text.split(',')) {
    const m = CLAUSE.exec(part.trim());
    if (!m) return undefined;
    const parts = [m[2], m[3], m[4]].filter((p) => p !== undefined).length;
    clauses.push({ operator: (m[1] ?? '=') as Clause['operator'], version: [Number(m[2]), Number(m[3] ?? 0), Number(m[4] ?? 0)], parts });
  }
  return clauses;
}

const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** The half-open interval [from, below) a clause admits; `!=` removes a single point and is ignored. */
function interval(clause: Clause): { from: Version; below: Version; fromInclusive: boolean } {
  const [major, minor, patch] = clause.version;
  const infinity: Version = [Infinity, 0, 0];
  switch (clause.operator) {
    case '=':
      return { from: clause.version, below: [major, minor, patch + 1], fromInclusive: true };
    case '>':
      return { from: clause.version, below: infinity, fromInclusive: false };
    case '>=':
      return { from: clause.version, below: infinity, fromInclusive: true };
    case '<':
      return { from: [0, 0, 0], below: clause.version, fromInclusive: true };
    case '<=':
      return { from: [0, 0, 0], below: [major, minor, patch + 1], fromInclusive: true };
    case '~>':
      return { from: clause.version, below: clause.parts >= 3 ? [major, minor + 1, 0] : [major + 1, 0, 0], fromInclusive: true };
    default:
      return { from: [0, 0, 0], below: infinity, fromInclusive: true };
  }
}

/** Whether a constraint admits some version v with from <= v < below (patch granularity). */
export function admitsSomeVersionIn(clauses: readonly Clause[], from: Version, below: Version): boolean {
  let low = from;
  let high = below;
  for (const clause of clauses) {
    const range = interval(clause);
    const start: Version = range.fromInclusive ? range.from : [range.from[0], range.from[1], range.from[2] + 1];
    if (compare(start, low) > 0) low = start;
    if (compare(range.below, high) < 0) high = range.below;
  }
  return compare(low, high) < 0;
}

export function versionOf(text: string): Version {
  const [major, minor, patch] = text.split('.').map(Number);
  return [major ?? 0, minor ?? 0, patch ?? 0];
}

/** The range of AWS provider versions the stacks are written for: the bindings' version up to the next major. */
export function compatibleAwsProviderRange(): { from: Version; below: Version } {
  const [major] = versionOf(AWS_PROVIDER_BINDINGS_VERSION);
  return { from: versionOf(AWS_PROVIDER_BINDINGS_VERSION), below: [major + 1, 0, 0] };
}

/**
 * The oldest Terraform that reads everything the tool writes: `import` blocks need 1.5, `removed`
 * blocks 1.7, the S3 backend's lock file 1.10.
 */
export function oldestTerraform(deployment: OrgConfig['deployment']): string {
  const s3 = deployment?.backend === 's3' ? deployment.s3 : undefined;
  return s3?.useLockfile === true ? '1.10' : '1.7';
}

export function buildTerraformVersions(deployment: OrgConfig['deployment']): TerraformVersions {
  const [major, minor] = versionOf(AWS_PROVIDER_BINDINGS_VERSION);
  return {
    awsProvider: deployment?.awsProviderVersion ?? `~> ${major}.${minor}`,
    terraform: deployment?.terraformVersion ?? `>= ${oldestTerraform(deployment)}`,
  };
}
