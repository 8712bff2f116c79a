import type { Ec2DeclarativeSettings } from '../config/schema/declarative';

/**
 * EC2 declarative policies (DECLARATIVE_POLICY_EC2): the grammar of their documents, and the
 * compilation of org.yaml's structured `ec2:` form into it. A document is `{"ec2_attributes": {...}}`;
 * every setting is a leaf `{"@@assign": <value>}` in the inheritance syntax of management policies,
 * optionally with `@@operators_allowed_for_child_policies`.
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_declarative_syntax.html
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/policy-operators.html
 */

/** A leaf: one of `values`, an integer in `range`, free text, or a list (list operators allowed). */
type Leaf = { readonly values: readonly string[] } | { readonly range: readonly [number, number] } | { readonly text: true } | { readonly list: true };
interface Node { readonly [field: string]: Leaf | Node }

const isLeaf = (spec: Leaf | Node): spec is Leaf => 'values' in spec || 'range' in spec || 'text' in spec || 'list' in spec;

const CRITERIA: Node = {
  allowed_image_providers: { list: true },
  image_names: { list: true },
  marketplace_product_codes: { list: true },
  creation_date_condition: { maximum_days_since_created: { range: [0, 2147483647] } },
  deprecation_time_condition: { maximum_days_since_deprecated: { range: [0, 2147483647] } },
};

/** The attributes of `ec2_attributes` and their fields, with the values AWS accepts. */
export const EC2_ATTRIBUTES: Node = {
  exception_message: { text: true },
  vpc_block_public_access: {
    internet_gateway_block: {
      mode: { values: ['off', 'block_ingress', 'block_bidirectional'] },
      exclusions_allowed: { values: ['enabled', 'disabled'] },
    },
  },
  serial_console_access: { status: { values: ['enabled', 'disabled'] } },
  image_block_public_access: { state: { values: ['unblocked', 'block_new_sharing'] } },
  allowed_images_settings: {
    state: { values: ['enabled', 'disabled', 'audit_mode'] },
    image_criteria: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`criteria_${i + 1}`, CRITERIA])),
  },
  instance_metadata_defaults: {
    http_tokens: { values: ['no_preference', 'required', 'optional'] },
    http_put_response_hop_limit: { range: [-1, 64] },
    http_endpoint: { values: ['no_preference', 'enabled', 'disabled'] },
    instance_metadata_tags: { values: ['no_preference', 'enabled', 'disabled'] },
  },
  snapshot_block_public_access: { state: { values: ['block_all_sharing', 'block_new_sharing', 'unblocked'] } },
};

const CHILD_OPERATORS = '@@operators_allowed_for_child_policies';
const OPERATOR_VALUES = ['@@all', '@@none', '@@assign', '@@append', '@@remove'];

export interface DeclarativeIssue {
  /** Relative to the document, e.g. `['ec2_attributes', 'serial_console_access', 'status', '@@assign']`. */
  readonly path: readonly string[];
  readonly message: string;
  readonly fix: string;
  /** The key itself is wrong (an unknown field or operator), not its value. */
  readonly atKey?: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Every place a document departs from the EC2 declarative policy grammar; empty when it conforms. */
export function declarativePolicyIssues(document: unknown): DeclarativeIssue[] {
  const issues: DeclarativeIssue[] = [];
  if (!isObject(document) || !isObject(document.ec2_attributes)) {
    issues.push({ path: [], message: 'A declarative policy for EC2 is an object with `ec2_attributes`.', fix: 'Write `content: { ec2_attributes: { ... } }`, or use the structured `ec2:` form.' });
    return issues;
  }
  for (const key of Object.keys(document).filter((k) => k !== 'ec2_attributes').sort())
    issues.push({ path: [key], message: `"${key}" is not a declarative policy section; EC2 policies have only ec2_attributes.`, fix: 'Move the settings under `ec2_attributes`.', atKey: true });
  if (!Object.keys(document.ec2_attributes).some((k) => k !== 'exception_message' && k !== CHILD_OPERATORS))
    issues.push({ path: ['ec2_attributes'], message: 'The policy sets no EC2 attribute.', fix: `Set at least one of: ${Object.keys(EC2_ATTRIBUTES).filter((k) => k !== 'exception_message').join(', ')}.` });
  checkNode(document.ec2_attributes, EC2_ATTRIBUTES, ['ec2_attributes'], issues);
  return issues;
}

function checkNode(value: Record<string, unknown>, spec: Node, path: string[], issues: DeclarativeIssue[]): void {
  for (const key of Object.keys(value).sort()) {
    const at = [...path, key];
    if (key === CHILD_OPERATORS) {
      checkChildOperators(value[key], at, issues);
      continue;
    }
    const field = spec[key];
    if (field === undefined) {
      const known = Object.keys(spec).filter((k) => !k.startsWith('criteria_') || k === 'criteria_1');
      issues.push({ path: at, message: `"${key}" is not a field of ${path[path.length - 1]}.`, fix: `Use one of: ${known.join(', ')}${known.length < Object.keys(spec).length ? ' (to criteria_10)' : ''}.`, atKey: true });
      continue;
    }
    const child = value[key];
    if (!isObject(child)) {
      issues.push({ path: at, message: `${key} must be an object${isLeaf(field) ? ' such as {"@@assign": ...}' : ''}; received ${JSON.stringify(child)}.`,
        fix: isLeaf(field) ? `Write \`${key}: { "@@assign": ${example(field)} }\`.` : `Write the fields of ${key} inside an object.` });
      continue;
    }
    if (isLeaf(field)) checkLeaf(child, field, at, issues);
    else checkNode(child, field, at, issues);
  }
}

function checkLeaf(value: Record<string, unknown>, leaf: Leaf, path: string[], issues: DeclarativeIssue[]): void {
  const operators = 'list' in leaf ? ['@@assign', '@@append', '@@remove'] : ['@@assign'];
  for (const key of Object.keys(value).sort()) {
    const at = [...path, key];
    if (key === CHILD_OPERATORS) checkChildOperators(value[key], at, issues);
    else if (!operators.includes(key))
      issues.push({ path: at, message: `"${key}" is not an operator of ${path[path.length - 1]}.`, fix: `Use ${operators.join(', ')}${operators.length > 1 ? '' : ' (with an optional @@operators_allowed_for_child_policies)'}.`, atKey: true });
    else checkValue(value[key], leaf, at, issues);
  }
  if (!operators.some((o) => o in value))
    issues.push({ path, message: `${path[path.length - 1]} sets no value.`, fix: `Add \`"@@assign": ${example(leaf)}\`.` });
}

function checkValue(value: unknown, leaf: Leaf, path: string[], issues: DeclarativeIssue[]): void {
  const field = path[path.length - 2];
  if ('values' in leaf) {
    if (typeof value !== 'string' || !leaf.values.includes(value))
      issues.push({ path, message: `${JSON.stringify(value)} is not a value of ${field}.`, fix: `Use one of: ${leaf.values.join(', ')}.` });
  } else if ('range' in leaf) {
    const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < leaf.range[0] || n > leaf.range[1])
      issues.push({ path, message: `${JSON.stringify(value)} is not an integer from ${leaf.range[0]} to ${leaf.range[1]}, as ${field} needs.`, fix: `Write a whole number such as "${Math.max(leaf.range[0], 2)}".` });
  } else if ('list' in leaf) {
    if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string'))
      issues.push({ path, message: `${field} takes a list of strings; received ${JSON.stringify(value)}.`, fix: 'Write a list such as ["amazon"].' });
  } else if (typeof value !== 'string' || value.length === 0) {
    issues.push({ path, message: `${field} takes text; received ${JSON.stringify(value)}.`, fix: 'Write the message as a string.' });
  }
}

function checkChildOperators(value: unknown, path: string[], issues: DeclarativeIssue[]): void {
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string' && OPERATOR_VALUES.includes(v)))
    issues.push({ path, message: `${CHILD_OPERATORS} takes a list of operators; received ${JSON.stringify(value)}.`, fix: `Use a list of ${OPERATOR_VALUES.join(', ')}, e.g. ["@@none"] to lock the setting.` });
}

function example(leaf: Leaf): string {
  if ('values' in leaf) return `"${leaf.values[leaf.values.length - 1]}"`;
  if ('range' in leaf) return '"2"';
  if ('list' in leaf) return '["amazon"]';
  return '"..."';
}

/** The `ec2_attributes` document of the structured `ec2:` form; keys in AWS's syntax, ready for canonicalJson. */
export function compileEc2Declarative(settings: Ec2DeclarativeSettings): { ec2_attributes: Record<string, unknown> } {
  const lock = { '@@operators_allowed_for_child_policies': [settings.allowChildOverrides ? '@@all' : '@@none'] };
  const assign = (value: string | readonly string[]) => ({ '@@assign': value, ...lock });
  const attributes: Record<string, unknown> = {};
  if (settings.exceptionMessage !== undefined) attributes.exception_message = assign(settings.exceptionMessage);
  const vpc = settings.vpcBlockPublicAccess;
  if (vpc)
    attributes.vpc_block_public_access = {
      internet_gateway_block: { mode: assign(vpc.mode), exclusions_allowed: assign(vpc.exclusionsAllowed ? 'enabled' : 'disabled') },
    };
  if (settings.serialConsoleAccess) attributes.serial_console_access = { status: assign(settings.serialConsoleAccess) };
  if (settings.imageBlockPublicAccess) attributes.image_block_public_access = { state: assign(settings.imageBlockPublicAccess) };
  if (settings.allowedImages)
    attributes.allowed_images_settings = {
      state: assign(settings.allowedImages.state),
      image_criteria: { criteria_1: { allowed_image_providers: assign([...new Set(settings.allowedImages.imageProviders)].sort()) } },
    };
  const imds = settings.instanceMetadataDefaults;
  if (imds) {
    const fields: Record<string, unknown> = {};
    if (imds.httpTokens) fields.http_tokens = assign(imds.httpTokens);
    // The syntax gives the hop limit as a string.
    if (imds.httpPutResponseHopLimit !== undefined) fields.http_put_response_hop_limit = assign(String(imds.httpPutResponseHopLimit));
    if (imds.httpEndpoint) fields.http_endpoint = assign(imds.httpEndpoint);
    if (imds.instanceMetadataTags) fields.instance_metadata_tags = assign(imds.instanceMetadataTags);
    if (Object.keys(fields).length > 0) attributes.instance_metadata_defaults = fields;
  }
  if (settings.snapshotBlockPublicAccess) attributes.snapshot_block_public_access = { state: assign(settings.snapshotBlockPublicAccess) };
  return { ec2_attributes: attributes };
}
