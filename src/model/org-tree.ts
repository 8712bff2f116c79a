import type { YamlPath } from '../config/diagnostics';
import type { OrganizationalUnitInput } from '../config/schema/organization';

/** The organization root's path in OU references. */
export const ROOT = 'Root';

export interface OuNode {
  /** `Workloads/Prod`: keys from the root, joined by "/". */
  readonly path: string;
  readonly key: string;
  /** The AWS OU name: `name` from org.yaml, or the key. */
  readonly name: string;
  /** Existing OU id (`organizationalUnits.<path>.id`): the OU is adopted with an import block. */
  readonly id?: string;
  /** `Root` for top-level OUs. */
  readonly parentPath: string;
  /** 1 for an OU directly under the root. */
  readonly depth: number;
  readonly policies: readonly string[];
  readonly tags: Readonly<Record<string, string>>;
  /** Where the OU is written in org.yaml, for diagnostics. */
  readonly yamlPath: YamlPath;
}

/** Every OU of the tree, parents before children, siblings by key: independent of YAML order. */
export function flattenOus(tree: Readonly<Record<string, OrganizationalUnitInput>> | undefined): OuNode[] {
  const out: OuNode[] = [];
  const walk = (children: Readonly<Record<string, OrganizationalUnitInput>>, parentPath: string, depth: number, yamlPath: YamlPath) => {
    for (const key of Object.keys(children).sort()) {
      const ou = children[key]!;
      const path = parentPath === ROOT ? key : `${parentPath}/${key}`;
      const here: YamlPath = [...yamlPath, key];
      out.push({ path, key, name: ou.name ?? key, ...(ou.id !== undefined ? { id: ou.id } : {}), parentPath, depth, policies: ou.policies ?? [], tags: ou.tags ?? {}, yamlPath: here });
      if (ou.children) walk(ou.children, path, depth + 1, [...here, 'children']);
    }
  };
  walk(tree ?? {}, ROOT, 1, ['organizationalUnits']);
  return out;
}

/** True when `path` is `ancestor` or lies beneath it. `Root` contains everything. */
export function isWithin(path: string, ancestor: string): boolean {
  if (ancestor === ROOT) return true;
  return path === ancestor || path.startsWith(`${ancestor}/`);
}

/** `Workloads/Prod` -> [`Root`, `Workloads`, `Workloads/Prod`]: the levels SCPs are evaluated at. */
export function ancestorsOf(path: string): string[] {
  if (path === ROOT) return [ROOT];
  const parts = path.split('/');
  return [ROOT, ...parts.map((_, i) => parts.slice(0, i + 1).join('/'))];
}
