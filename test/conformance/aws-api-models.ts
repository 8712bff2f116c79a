import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The constraints of the official AWS API models (botocore's service-2.json) for every API target
 * the conformance test maps, committed as data: an independent reference for the lengths, patterns
 * and enums of every value the tool writes. `npm run aws-constraints` regenerates it where the
 * models are installed; `.ci/run` fails when it is out of date.
 */
export const CONSTRAINTS_FILE = join(__dirname, 'aws-api-constraints.json');

export interface Shape {
  readonly type: string;
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
  readonly members?: Readonly<Record<string, { readonly shape: string }>>;
  readonly member?: { readonly shape: string };
  readonly key?: { readonly shape: string };
  readonly value?: { readonly shape: string };
  /** A Document: any JSON value, sent as is. */
  readonly document?: boolean;
}

export interface ServiceModel {
  readonly service: string;
  readonly apiVersion: string;
  readonly operations: Readonly<Record<string, { readonly input?: { readonly shape: string } }>>;
  readonly shapes: Readonly<Record<string, Shape>>;
}

export interface ConstraintsFile {
  readonly botocoreVersion: string;
  readonly services: Readonly<Record<string, Omit<ServiceModel, 'service'>>>;
}

let constraints: ConstraintsFile | undefined;

export function readConstraints(): ConstraintsFile {
  constraints ??= JSON.parse(readFileSync(CONSTRAINTS_FILE, 'utf8')) as ConstraintsFile;
  return constraints;
}

const REFRESH = 'Run `npm run aws-constraints` where the AWS API models are installed (Debian: python3-botocore) and commit aws-api-constraints.json.';

/** A service's constraints as extracted from its newest model; throws (never skips) when the file lacks the service. */
export function loadServiceModel(service: string): ServiceModel {
  const entry = readConstraints().services[service];
  if (!entry) throw new Error(`aws-api-constraints.json has no "${service}" service. ${REFRESH}`);
  return { service, ...entry };
}

/** Where a Terraform argument ends up in the API: an operation's input member (a dotted path into nested structures), or a named shape. */
export type ApiTarget =
  | { readonly service: string; readonly operation: string; readonly member: string }
  | { readonly service: string; readonly shape: string };

/** The shape name an API target resolves to; throws when the model has no such operation or member. */
export function resolveShape(target: ApiTarget): { model: ServiceModel; shapeName: string } {
  const model = loadServiceModel(target.service);
  if ('shape' in target) {
    if (!model.shapes[target.shape]) throw new Error(`${target.service} has no shape ${target.shape}`);
    return { model, shapeName: target.shape };
  }
  const input = model.operations[target.operation]?.input?.shape;
  if (!input) throw new Error(`${target.service} has no operation ${target.operation} with an input in aws-api-constraints.json. ${REFRESH}`);
  let shapeName = input;
  for (const part of target.member.split('.')) {
    // A path steps through lists to their elements; `member` names the element itself.
    const listElement = model.shapes[shapeName]?.type === 'list' ? model.shapes[shapeName]!.member!.shape : undefined;
    if (listElement && part === 'member') {
      shapeName = listElement;
      continue;
    }
    const next = model.shapes[listElement ?? shapeName]?.members?.[part]?.shape;
    if (!next) throw new Error(`${target.service} ${target.operation}: no member ${target.member} (stopped at ${part})`);
    shapeName = next;
  }
  return { model, shapeName };
}

/** A Java-style model pattern, matched against the whole value as AWS does. */
export function patternMatches(pattern: string, value: string): boolean {
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    re = new RegExp(`^(?:${pattern})$`);
  }
  return re.test(value);
}

/**
 * Enum values newer than the committed models, by `<service>.<shape>`: accepted, each with its
 * reason; argument-shapes.test.ts fails once the models gain the value, so the entry goes away.
 */
export const ENUM_GAPS: Readonly<Record<string, { readonly values: readonly string[]; readonly reason: string }>> = {
  'organizations.PolicyType': {
    values: ['RESOURCE_CONTROL_POLICY', 'DECLARATIVE_POLICY_EC2'],
    reason: 'resource control policies and EC2 declarative policies were added in November and December 2024',
  },
  'inspector2.ResourceScanType': { values: ['LAMBDA_CODE'], reason: 'Lambda code scanning was added in 2023' },
};

/** List maxima raised since the committed models, by `<service>.<shape>`; checked like ENUM_GAPS. */
export const LIST_MAX_GAPS: Readonly<Record<string, { readonly max: number; readonly reason: string }>> = {
  'inspector2.EnableResourceTypeList': { max: 4, reason: 'LAMBDA_CODE made a fourth scan type in 2023' },
};

/**
 * Checks a value against a shape, recursively; returns one message per violation. A Terraform map
 * given for a list of Key/Value structures (tags) is checked as that list; a Terraform list given
 * for a scalar member (one API call per element) is checked element by element.
 */
export function violations(model: ServiceModel, shapeName: string, value: unknown, where: string): string[] {
  const shape = model.shapes[shapeName]!;
  if (Array.isArray(value) && shape.type !== 'list') return value.flatMap((v, i) => violations(model, shapeName, v, `${where}[${i}]`));
  switch (shape.type) {
    case 'string': {
      if (typeof value !== 'string') return [`${where}: expected a string for ${shapeName}, got ${JSON.stringify(value)}`];
      const out: string[] = [];
      // AWS counts characters, not UTF-16 units.
      const length = [...value].length;
      if (shape.min !== undefined && length < shape.min) out.push(`${where}: ${JSON.stringify(value)} is shorter than ${shapeName}.min ${shape.min}`);
      if (shape.max !== undefined && length > shape.max) out.push(`${where}: ${JSON.stringify(value).slice(0, 80)} is longer than ${shapeName}.max ${shape.max}`);
      if (shape.pattern !== undefined && !patternMatches(shape.pattern, value)) out.push(`${where}: ${JSON.stringify(value)} does not match ${shapeName}.pattern ${shape.pattern}`);
      if (shape.enum !== undefined && !shape.enum.includes(value) && !ENUM_GAPS[`${model.service}.${shapeName}`]?.values.includes(value)) out.push(`${where}: ${JSON.stringify(value)} is not one of ${shapeName}.enum ${shape.enum.join(', ')}`);
      return out;
    }
    case 'integer':
    case 'long': {
      const n = typeof value === 'string' ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isInteger(n)) return [`${where}: expected an integer for ${shapeName}, got ${JSON.stringify(value)}`];
      const out: string[] = [];
      if (shape.min !== undefined && n < shape.min) out.push(`${where}: ${n} is below ${shapeName}.min ${shape.min}`);
      if (shape.max !== undefined && n > shape.max) out.push(`${where}: ${n} is above ${shapeName}.max ${shape.max}`);
      return out;
    }
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${where}: expected true or false for ${shapeName}, got ${JSON.stringify(value)}`];
    case 'list': {
      const member = shape.member!.shape;
      const memberShape = model.shapes[member]!;
      // Tag structures name their members Key/Value, key/value (RAM) or TagKey/TagValue (KMS).
      const names = Object.keys(memberShape.members ?? {});
      const keyName = names.find((n) => /^(?:tag)?key$/i.test(n));
      const valueName = names.find((n) => /^(?:tag)?value$/i.test(n));
      let items: unknown[];
      if (Array.isArray(value)) items = value;
      else if (value !== null && typeof value === 'object' && keyName && valueName)
        items = Object.entries(value).map(([k, v]) => ({ [keyName]: k, [valueName]: v }));
      else return [`${where}: expected a list for ${shapeName}, got ${JSON.stringify(value)}`];
      const out: string[] = [];
      if (shape.min !== undefined && items.length < shape.min) out.push(`${where}: ${items.length} items, ${shapeName}.min is ${shape.min}`);
      const max = LIST_MAX_GAPS[`${model.service}.${shapeName}`]?.max ?? shape.max;
      if (max !== undefined && items.length > max) out.push(`${where}: ${items.length} items, ${shapeName}.max is ${max}`);
      return [...out, ...items.flatMap((v, i) => violations(model, member, v, `${where}[${i}]`))];
    }
    case 'map': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return [`${where}: expected a map for ${shapeName}, got ${JSON.stringify(value)}`];
      const entries = Object.entries(value);
      const out: string[] = [];
      if (shape.min !== undefined && entries.length < shape.min) out.push(`${where}: ${entries.length} entries, ${shapeName}.min is ${shape.min}`);
      if (shape.max !== undefined && entries.length > shape.max) out.push(`${where}: ${entries.length} entries, ${shapeName}.max is ${shape.max}`);
      return [
        ...out,
        ...entries.flatMap(([k, v]) => [...violations(model, shape.key!.shape, k, `${where} key`), ...violations(model, shape.value!.shape, v, `${where}[${JSON.stringify(k)}]`)]),
      ];
    }
    case 'structure': {
      if (shape.document) return value !== null && typeof value === 'object' ? [`${where}: expected a JSON scalar for Document ${shapeName}`] : [];
      if (value === null || typeof value !== 'object') return [`${where}: expected a structure for ${shapeName}`];
      return Object.entries(value).flatMap(([k, v]) => {
        const member = shape.members?.[k]?.shape;
        return member ? violations(model, member, v, `${where}.${k}`) : [`${where}: ${shapeName} has no member ${k}`];
      });
    }
    default:
      return [`${where}: shape type ${shape.type} of ${shapeName} is not checked; add it to violations()`];
  }
}
