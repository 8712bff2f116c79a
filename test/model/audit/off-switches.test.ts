import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { validateFile } from '../../../src/pipeline';
import { DEFAULT_ORG, modelOf, PROJECT_DIR, tempDir } from '../../helpers';
import { auditOfModel } from './audit-helpers';
import { OFF_SWITCH_CASES, type Edit } from './failing-cases';

/** The default org.yaml with its edits applied. */
function editedDefault(edits: readonly Edit[]) {
  const doc = parseDocument(readFileSync(DEFAULT_ORG, 'utf8'));
  for (const [path, value] of edits) {
    if (value === undefined) doc.deleteIn(path);
    else doc.setIn(path, value);
  }
  const dir = tempDir('lz-audit-off-');
  writeFileSync(join(dir, 'org.yaml'), doc.toString());
  cpSync(join(PROJECT_DIR, 'policies'), join(dir, 'policies'), { recursive: true });
  return modelOf(validateFile(join(dir, 'org.yaml'), 'org.yaml'));
}

/**
 * Given the default org.yaml, when a setting is turned off, then the control it backs is no
 * longer satisfied, the required control fails the audit, and the report names the setting.
 */
describe('each control fails on a default org.yaml that turns its setting off, and names the setting', () => {
  // Cases that share their edits (no `logging` fails three controls) share one synthesis.
  const reports = new Map<string, ReturnType<typeof auditOfModel>>();
  const auditOfEdited = (edits: readonly Edit[]) => {
    const key = JSON.stringify(edits);
    if (!reports.has(key)) {
      const model = editedDefault(edits);
      reports.set(key, auditOfModel(model, model.audit));
    }
    return reports.get(key)!;
  };

  test.each(OFF_SWITCH_CASES.map((c) => [`${c.id} with ${JSON.stringify(c.edits)}`, c] as const))('%s', (_name, c) => {
    const report = auditOfEdited(c.edits);
    const control = report.controls.find((r) => r.id === c.id)!;
    expect(control.status).toBe('not-satisfied');
    expect(control.turnedOffBy).toBe(c.turnedOffBy);
    expect(report.failedRequired).toEqual(c.failedRequired);
  });
});
