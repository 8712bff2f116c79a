import { z } from 'zod';
import type { PolicyStatement } from '../../config/schema/common';
import type { Partition } from '../types';

/** What a guardrail may know about the landing zone besides its own parameters. */
export interface GuardrailFacts {
  readonly partition: Partition;
  readonly homeRegion: string;
  /** Home region first; always contains the home region. */
  readonly allowedRegions: readonly string[];
  /** The role the tool assumes in member accounts (OrganizationAccountAccessRole by default). */
  readonly accessRoleName: string;
}

/** One entry of the catalog: a pure function from parameters and facts to IAM statements. */
export interface Guardrail<P = unknown> {
  readonly name: string;
  readonly summary: string;
  /** The AWS page the statements follow. */
  readonly source: string;
  /** Strict schema of `parameters:`; an empty object when the guardrail takes none. */
  readonly parameters: z.ZodType<P, unknown>;
  statements(parameters: P, facts: GuardrailFacts): PolicyStatement[];
}

/** Builds a catalog entry; the generic keeps the parameter type of `statements` tied to its schema. */
export function guardrail<S extends z.ZodType>(g: {
  name: string;
  summary: string;
  source: string;
  parameters: S;
  statements(parameters: z.output<S>, facts: GuardrailFacts): PolicyStatement[];
}): Guardrail<z.output<S>> {
  return g as unknown as Guardrail<z.output<S>>;
}

/** IAM role names, with an optional path, as written after `role/` in an ARN; `*` allowed. */
export const RoleNamePattern = z
  .string()
  .regex(/^[\w+=,.@*\/-]{1,512}$/, { error: 'a role name (optionally with a path, e.g. ops/BreakGlass) of letters, digits and +=,.@-_/*' });

export const ExemptRoles = z
  .array(RoleNamePattern)
  .default([])
  .meta({ description: 'Break-glass and pipeline roles exempt from the guardrail, by name (wildcards allowed), in every account. @default none' });

export const ExemptAccessRole = z
  .boolean()
  .default(true)
  .meta({ description: 'Exempt the organization access role, which the tool deploys through. @default true' });

/** `arn:<partition>:iam::*:role/<name>` for each exempt role, the access role first when exempt. */
export function exemptRoleArns(facts: GuardrailFacts, roles: readonly string[], includeAccessRole: boolean): string[] {
  const names = [...(includeAccessRole ? [facts.accessRoleName] : []), ...roles];
  return [...new Set(names)].map((name) => roleArn(facts, name));
}

export function roleArn(facts: GuardrailFacts, name: string): string {
  return `arn:${facts.partition}:iam::*:role/${name}`;
}

/** The exemption condition, or nothing when no principal is exempt. */
export function unlessPrincipal(arns: readonly string[]): Record<string, Record<string, string[]>> {
  return arns.length === 0 ? {} : { ArnNotLike: { 'aws:PrincipalArn': [...arns] } };
}

/** A Deny statement of `actions` on `resources`, except for the exempt principals. */
export function denyUnlessExempt(sid: string, actions: readonly string[], resources: readonly string[], exempt: readonly string[], extra: PolicyStatement['Condition'] = {}): PolicyStatement {
  const condition = { ...extra, ...unlessPrincipal(exempt) };
  return {
    Sid: sid,
    Effect: 'Deny',
    Action: [...actions],
    Resource: resources.length === 1 ? resources[0]! : [...resources],
    ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
  };
}
