import { defaultModel, synth } from '../../helpers';
import { auditOfStacks } from './audit-helpers';
import { TAMPERED_CASES, type Stacks } from './failing-cases';

/**
 * Controls that no org.yaml setting turns off, because lz always builds what they judge: given
 * the default org.yaml's synthesized stacks, when one resource or argument is changed (as a hand
 * edit of cdktf.out would), then `lz audit --out` reports the control not satisfied, says why on
 * the unit that fails, blames no org.yaml setting, and fails the audit.
 */
describe('each control that org.yaml cannot turn off fails on synthesized stacks changed after synthesis', () => {
  const model = defaultModel();
  const synthesized = synth(model).stacks as unknown as Stacks;

  it('the untouched stacks fail nothing', () => {
    expect(auditOfStacks(model, synthesized, model.audit).failedRequired).toEqual([]);
  });

  test.each(TAMPERED_CASES.map((c, i) => [`${c.id} #${i}: ${c.reason}`, c] as const))('%s', (_name, c) => {
    const stacks = structuredClone(synthesized);
    c.tamper(stacks);
    const report = auditOfStacks(model, stacks, model.audit);
    const control = report.controls.find((r) => r.id === c.id)!;
    expect(control.status).toBe('not-satisfied');
    expect(control.turnedOffBy).toBeUndefined();
    const failing = control.units.filter((u) => u.status === 'not-satisfied');
    expect(failing.map((u) => u.resource ?? u.account)).toContain(c.unit);
    expect(failing.find((u) => (u.resource ?? u.account) === c.unit)?.reason).toBe(c.reason);
    expect(report.failedRequired).toEqual(c.failedRequired);
  });
});
