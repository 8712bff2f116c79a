import { z } from 'zod';
import { OrgConfigSchema } from './schema';

/** The JSON Schema of org.yaml, for yaml-language-server completion and hover docs. */
export function orgJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(OrgConfigSchema, { io: 'input', target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>;
}

interface JsonSchemaNode {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  additionalProperties?: JsonSchemaNode | boolean;
  items?: JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
  allOf?: JsonSchemaNode[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  $ref?: string;
  definitions?: Record<string, JsonSchemaNode>;
}

/**
 * The README's key reference, generated from the same schema so the two cannot drift:
 * one line per key with its type, whether it is required, and its description.
 */
export function renderKeyReference(): string {
  const root = orgJsonSchema() as JsonSchemaNode;
  const defs = root.definitions ?? {};
  const lines: string[] = [];
  const seenRefs = new Set<string>();
  const deref = (node: JsonSchemaNode): JsonSchemaNode => {
    let n = node;
    for (let i = 0; i < 10; i++) {
      if (n.$ref) n = { ...defs[n.$ref.replace('#/definitions/', '')], description: n.description ?? defs[n.$ref.replace('#/definitions/', '')]?.description };
      else if (n.allOf?.length === 1) n = { ...n.allOf[0]!, description: n.description ?? n.allOf[0]!.description };
      else return n;
    }
    return n;
  };
  const typeOf = (node: JsonSchemaNode): string => {
    const n = deref(node);
    if (n.enum) return n.enum.map((v) => JSON.stringify(v)).join(' \\| ');
    if (n.const !== undefined) return JSON.stringify(n.const);
    if (n.anyOf) return n.anyOf.map(typeOf).join(' \\| ');
    if (n.type === 'array') return `list of ${n.items ? typeOf(n.items) : 'any'}`;
    if (n.type === 'object' && n.additionalProperties && typeof n.additionalProperties === 'object' && !n.properties)
      return `map of ${typeOf(n.additionalProperties)}`;
    return Array.isArray(n.type) ? n.type.join(' \\| ') : n.type ?? 'any';
  };
  const walk = (node: JsonSchemaNode, prefix: string) => {
    const ref = node.$ref ?? node.allOf?.[0]?.$ref;
    if (ref) {
      // A recursive definition (OU children) is described once, at its first use.
      if (seenRefs.has(ref)) return;
      seenRefs.add(ref);
    }
    const n = deref(node);
    if (n.type === 'array' && n.items) return walk(n.items, `${prefix}[]`);
    if (n.anyOf) {
      for (const option of n.anyOf) walk(option, prefix);
      return;
    }
    if (n.type !== 'object') return;
    if (n.properties) {
      for (const [key, child] of Object.entries(n.properties)) {
        const path = prefix ? `${prefix}.${key}` : key;
        const required = n.required?.includes(key) ? 'yes' : '';
        const description = (deref(child).description ?? child.description ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
        lines.push(`| \`${path}\` | ${typeOf(child)} | ${required} | ${description} |`);
        walk(child, path);
      }
    } else if (n.additionalProperties && typeof n.additionalProperties === 'object') {
      walk(n.additionalProperties, `${prefix}.<key>`);
    }
  };
  walk(root, '');
  return ['| key | type | required | meaning |', '|---|---|---|---|', ...lines].join('\n');
}
