import fc from 'fast-check';
import { stringify } from 'yaml';
import type { Validation } from '../../src/pipeline';
import { sectionChoices, withSections } from './org-sections';
import { tempDir, validateYaml } from '../helpers';

/** A random org.yaml document (plain data) that every rule accepts: unique keys, names and emails, resolvable references, AWS limits respected. */
export type OrgDocument = Record<string, any>;

const OU_KEYS = ['Security', 'Infra', 'Workloads', 'Prod', 'NonProd', 'Sandbox', 'Shared', 'Data', 'Edge', 'Legacy-2'];
const ACTIONS = ['s3:DeleteBucket', 'ec2:*', 'iam:CreateUser', 'organizations:LeaveOrganization', 'kms:ScheduleKeyDeletion', 'cloudtrail:StopLogging', '*'];
const SERVICES = ['guardduty.amazonaws.com', 'securityhub.amazonaws.com', 'config.amazonaws.com', 'access-analyzer.amazonaws.com'];
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'];

interface OuShape { key: string; name?: string; tags?: Record<string, string>; children: OuShape[] }

const tags = fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/), fc.stringMatching(/^[A-Za-z0-9 ._-]{0,20}$/), { maxKeys: 3 });

const ouTree = (depth: number): fc.Arbitrary<OuShape[]> =>
  fc.uniqueArray(fc.constantFrom(...OU_KEYS), { maxLength: depth === 1 ? 4 : 2 }).chain((keys) =>
    fc.tuple(...keys.map((key) => fc.record({
      key: fc.constant(key),
      name: fc.option(fc.constant(`${key} OU`), { nil: undefined }),
      tags: fc.option(tags, { nil: undefined }),
      children: depth < 3 ? ouTree(depth + 1) : fc.constant([] as OuShape[]),
    }))),
  );

function ouPaths(tree: OuShape[], parent = ''): string[] {
  return tree.flatMap((ou) => {
    const path = parent ? `${parent}/${ou.key}` : ou.key;
    return [path, ...ouPaths(ou.children, path)];
  });
}

function toYamlOus(tree: OuShape[], policiesByPath: Map<string, string[]>, parent = ''): Record<string, unknown> {
  return Object.fromEntries(tree.map((ou) => {
    const path = parent ? `${parent}/${ou.key}` : ou.key;
    const body: Record<string, unknown> = {};
    if (ou.name !== undefined) body.name = ou.name;
    if (ou.tags && Object.keys(ou.tags).length > 0) body.tags = ou.tags;
    const policies = policiesByPath.get(path);
    if (policies) body.policies = policies;
    if (ou.children.length > 0) body.children = toYamlOus(ou.children, policiesByPath, path);
    return [ou.key, body];
  }));
}

interface Foundation { doc: OrgDocument; paths: string[] }

const foundation: fc.Arbitrary<Foundation> = fc
  .record({
    tree: ouTree(1),
    accountKeys: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9]{0,10}(?:-[a-z0-9]{1,8})?$/), { minLength: 1, maxLength: 8 }),
    policyCount: fc.integer({ min: 0, max: 4 }),
    regions: fc.subarray(REGIONS, { minLength: 1 }),
    seeds: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
    billing: fc.constantFrom('ALLOW', 'DENY'),
  })
  .map(({ tree, accountKeys, policyCount, regions, seeds, billing }) => {
    let s = 0;
    const pick = <T>(items: readonly T[]): T => items[seeds[s++ % seeds.length]! % items.length]!;
    const paths = ouPaths(tree);
    const keys = ['management', ...accountKeys.filter((k) => k !== 'management')];
    const accounts: Record<string, Record<string, unknown>> = {};
    keys.forEach((key, i) => {
      accounts[key] = {
        name: `Acct ${key}`.slice(0, 50),
        email: `aws+${key}@example.com`,
        ou: key === 'management' ? 'Root' : pick(['Root', ...paths]),
        ...(key === 'management' || seeds[i]! % 3 === 0 ? { id: String(100000000000 + i * 7919 + seeds[i]! % 1000) } : {}),
        ...(i % 2 === 1 ? { iamUserAccessToBilling: billing } : {}),
      };
    });
    const policies: Record<string, unknown> = {};
    const rootPolicies: string[] = [];
    const policiesByPath = new Map<string, string[]>();
    for (let p = 0; p < policyCount; p++) {
      const key = `policy-${p}`;
      policies[key] = {
        description: `Generated policy ${p}`,
        statements: [{ Sid: `Deny${p}`, Effect: 'Deny', Action: [pick(ACTIONS), pick(ACTIONS)], Resource: '*' }],
      };
      // One target per policy keeps every target within the 5-SCP quota.
      const target = pick(['root', 'ou', 'account']);
      if (target === 'ou' && paths.length > 0) {
        const path = pick(paths);
        policiesByPath.set(path, [...(policiesByPath.get(path) ?? []), key]);
      } else if (target === 'account') {
        const account = accounts[pick(keys)]!;
        account.policies = [...((account.policies as string[]) ?? []), key];
      } else rootPolicies.push(key);
    }
    const members = keys.filter((k) => k !== 'management');
    const delegatedAdministrators: Record<string, string> = {};
    if (members.length > 0) for (const service of SERVICES.slice(0, seeds[0]! % 3)) delegatedAdministrators[service] = pick(members);
    const doc = {
      organization: {
        name: 'generated',
        homeRegion: regions[0],
        allowedRegions: regions,
        managementAccount: 'management',
        policies: rootPolicies,
      },
      organizationalUnits: toYamlOus(tree, policiesByPath),
      accounts,
      policies,
      delegatedAdministrators,
    };
    return { doc, paths };
  });

/** Organization, OUs, accounts, inline policies and delegated administrators only: the sections the safe-change edits know how to rewrite. */
export const foundationDocument: fc.Arbitrary<OrgDocument> = foundation.map(({ doc }) => doc);

/** A foundation document with, each on its own chance, catalog guardrails, logging, security, Identity Center and a network. */
export const orgDocument: fc.Arbitrary<OrgDocument> = fc
  .tuple(foundation, sectionChoices)
  .map(([{ doc, paths }, choices]) => withSections(structuredClone(doc), paths, choices));

/** A permutation of every list and mapping, driven by a seed (no `Math.random`: a failure replays). */
export function permute(value: unknown, seed: number): unknown {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13; state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5; state >>>= 0;
    return state;
  };
  const shuffle = <T>(items: T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = next() % (i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return shuffle(v.map(walk));
    if (v !== null && typeof v === 'object') return Object.fromEntries(shuffle(Object.entries(v as Record<string, unknown>)).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value);
}

let isolated: string | undefined;

/** Validates a generated document in a directory of its own: no lz.lock.json of the project applies to it. */
export function validateGenerated(doc: unknown): Validation {
  isolated ??= tempDir('lz-generated-');
  return validateYaml(stringify(doc), isolated);
}
