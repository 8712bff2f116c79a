import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { renderLockFile } from '../../src/config/lock-file';
import { modelOf, synth, tempDir, validateYaml, type TerraformJson } from '../helpers';
import { foundationDocument as orgDocument, validateGenerated, type OrgDocument } from './org-arbitrary';

const CONFIRMED_RUNS = 6;
const UNCONFIRMED_RUNS = 10;
const TRACKED = ['aws_organizations_account', 'aws_organizations_organizational_unit', 'aws_organizations_policy_attachment'];

type Edit = (doc: OrgDocument, confirm: boolean) => boolean;

const members = (doc: OrgDocument) => Object.keys(doc.accounts).filter((k) => k !== 'management').sort();

/** The edits a platform engineer makes to accounts and OUs; each returns false when the document has nothing to edit. */
const EDITS: Record<string, Edit> = {
  'rename an account': (doc, confirm) => {
    const [key] = members(doc);
    if (!key) return false;
    const renamed = `renamed-${key}`;
    doc.accounts[renamed] = { ...doc.accounts[key], ...(confirm ? { formerKey: key } : {}) };
    delete doc.accounts[key];
    for (const [service, admin] of Object.entries(doc.delegatedAdministrators)) if (admin === key) doc.delegatedAdministrators[service] = renamed;
    return true;
  },
  'remove an account': (doc, confirm) => {
    const [key] = members(doc);
    if (!key) return false;
    delete doc.accounts[key];
    for (const [service, admin] of Object.entries(doc.delegatedAdministrators)) if (admin === key) delete doc.delegatedAdministrators[service];
    if (confirm) doc.removed = { accounts: { [key]: { reason: 'handed over' } } };
    return true;
  },
  'rename a top-level OU': (doc, confirm) => {
    const [key] = Object.keys(doc.organizationalUnits).sort();
    if (!key) return false;
    const renamed = `Renamed${key}`;
    doc.organizationalUnits[renamed] = { ...doc.organizationalUnits[key], ...(confirm ? { formerKey: key } : {}) };
    delete doc.organizationalUnits[key];
    for (const account of Object.values(doc.accounts) as Array<{ ou: string }>)
      if (account.ou === key || account.ou.startsWith(`${key}/`)) account.ou = `${renamed}${account.ou.slice(key.length)}`;
    return true;
  },
  'remove a top-level OU without children': (doc, confirm) => {
    const key = Object.keys(doc.organizationalUnits).sort().find((k) => !doc.organizationalUnits[k].children);
    if (!key) return false;
    delete doc.organizationalUnits[key];
    for (const account of Object.values(doc.accounts) as Array<{ ou: string }>) if (account.ou === key) account.ou = 'Root';
    if (confirm) doc.removed = { organizationalUnits: { [key]: { reason: 'flattened' } } };
    return true;
  },
};

function addresses(stack: TerraformJson): Set<string> {
  return new Set(TRACKED.flatMap((type) => Object.keys(stack.resource?.[type] ?? {}).map((name) => `${type}.${name}`)));
}

/** The organization before the edit, its record written next to the edited one. */
function before(doc: OrgDocument): { dir: string; stack: TerraformJson } {
  const model = modelOf(validateGenerated(doc));
  const dir = tempDir('lz-safe-');
  writeFileSync(join(dir, 'lz.lock.json'), renderLockFile(model.lock));
  return { dir, stack: synth(model).stacks.organization! };
}

/** Every address of the earlier plan is still declared, moved (to a declared address) or released with destroy = false. */
function expectNothingDestroyed(old: TerraformJson, stack: TerraformJson): void {
  const now = addresses(stack);
  const moved = (stack.moved ?? []) as Array<{ from: string; to: string }>;
  const removed = (stack.removed ?? []) as Array<{ from: string; lifecycle: { destroy: boolean } }>;
  const next = new Map(moved.map((m) => [m.from, m.to]));
  const endOf = (address: string) => {
    let at = address;
    for (let i = 0; next.has(at) && i <= moved.length; i++) at = next.get(at)!;
    return at;
  };
  const released = new Set(removed.map((r) => r.from));
  expect([...addresses(old)].filter((a) => !now.has(endOf(a)) && !released.has(a))).toEqual([]);
  for (const m of moved) expect(now.has(m.from)).toBe(false);
  for (const r of removed) {
    expect(r.lifecycle).toEqual({ destroy: false });
    expect(now.has(r.from)).toBe(false);
  }
}

const edit = fc.constantFrom(...Object.keys(EDITS));

describe('edits to accounts and OUs never destroy silently', () => {
  test(`confirmed edits validate, and every address of the previous plan is kept, moved or released with destroy = false (${CONFIRMED_RUNS} runs)`, () => {
    let edited = 0;
    fc.assert(
      fc.property(orgDocument, edit, (generated, name) => {
        const { dir, stack: old } = before(generated);
        const doc = structuredClone(generated);
        if (!EDITS[name]!(doc, true)) return;
        edited++;

        const validation = validateYaml(stringify(doc), dir);
        expect(validation.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const model = modelOf(validation);
        expectNothingDestroyed(old, synth(model).stacks.organization!);

        // A later run, after the confirmation was dropped from org.yaml (before or after apply), still destroys nothing.
        const later = tempDir('lz-safe-later-');
        writeFileSync(join(later, 'lz.lock.json'), renderLockFile(model.lock));
        delete doc.removed;
        for (const a of Object.values(doc.accounts) as Array<Record<string, unknown>>) delete a.formerKey;
        for (const o of Object.values(doc.organizationalUnits) as Array<Record<string, unknown>>) delete o.formerKey;
        const next = validateYaml(stringify(doc), later);
        expect(next.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expectNothingDestroyed(old, synth(modelOf(next)).stacks.organization!);
      }),
      { seed: 42, numRuns: CONFIRMED_RUNS },
    );
    expect(edited).toBeGreaterThan(CONFIRMED_RUNS / 2);
  });

  test(`the same edits without formerKey or removed are refused with LZ0801/LZ0802 (${UNCONFIRMED_RUNS} runs)`, () => {
    fc.assert(
      fc.property(orgDocument, edit, (generated, name) => {
        const { dir } = before(generated);
        const doc = structuredClone(generated);
        if (!EDITS[name]!(doc, false)) return;
        const codes = validateYaml(stringify(doc), dir).diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
        expect(codes.length).toBeGreaterThan(0);
        expect(codes.every((c) => c === 'LZ0801' || c === 'LZ0802')).toBe(true);
      }),
      { seed: 43, numRuns: UNCONFIRMED_RUNS },
    );
  });
});
