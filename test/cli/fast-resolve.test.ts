import { readdirSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { App, Fn, TerraformOutput, TerraformStack, TerraformVariable, Token } from 'cdktf';
import { generateOrg } from '../../bench/generate';
import { fastResolve, withFastResolve } from '../../src/cli/fast-resolve';
import { LandingZoneStack } from '../../src/constructs/landing-zone-stack';
import type { LandingZoneModel } from '../../src/model/types';
import { validateFile } from '../../src/pipeline';
import { buildApp } from '../../stacks/app';
import { DEFAULT_ORG, FIXTURES, modelOf, PROJECT_DIR, readTree, tempDir } from '../helpers';

/** Every file of a synth of `model`, with cdktf's resolve alone or through fastResolve. */
function synthFiles(model: LandingZoneModel, fast: boolean): Record<string, string> {
  const dir = tempDir('lz-resolve-');
  try {
    const outdir = join(dir, 'out');
    const run = () => buildApp(model, { outdir, projectDir: dir }).app.synth();
    if (fast) withFastResolve(run, {});
    else withFastResolve(run, { LZ_CDKTF_RESOLVE: '1' });
    return readTree(outdir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function generatedModel(backend: 'local' | 'cloud'): LandingZoneModel {
  const dir = tempDir('lz-resolve-org-');
  writeFileSync(join(dir, 'org.yaml'), generateOrg(12, 7, backend).yaml);
  cpSync(join(PROJECT_DIR, 'policies'), join(dir, 'policies'), { recursive: true });
  return modelOf(validateFile(join(dir, 'org.yaml'), 'org.yaml'));
}

const valid = readdirSync(join(FIXTURES, 'valid')).filter((f) => f.endsWith('.yaml')).sort();

describe('synth through fastResolve writes byte for byte what cdktf\'s resolve writes', () => {
  test.each([
    ...valid.map((f) => [`fixture ${f}`, () => modelOf(validateFile(join(FIXTURES, 'valid', f), f))] as const),
    ['the default org.yaml', () => modelOf(validateFile(DEFAULT_ORG, 'org.yaml'))] as const,
    ['a generated 12-account organization', () => generatedModel('local')] as const,
    ['a generated 12-account organization on Terraform Cloud', () => generatedModel('cloud')] as const,
  ])('%s', (_, model) => {
    const m = model();
    const cdktf = synthFiles(m, false);
    const fast = synthFiles(m, true);
    expect(Object.keys(cdktf).filter((f) => f.endsWith('cdk.tf.json')).length).toBeGreaterThan(0);
    expect(Object.keys(fast)).toEqual(Object.keys(cdktf));
    for (const file of Object.keys(cdktf)) expect([file, fast[file]]).toEqual([file, cdktf[file]]);
  }, 120_000);
});

describe('fastResolve', () => {
  const stack = new TerraformStack(new App({ outdir: tempDir('lz-resolve-app-') }), 'probe');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cdktfResolve = (require('cdktf/lib/_tokens') as { resolve: (scope: unknown, obj: unknown, preparing?: boolean) => unknown }).resolve;
  const calls: unknown[] = [];
  const recording = (_scope: unknown, obj: unknown, preparing?: boolean) => {
    calls.push(obj);
    return cdktfResolve(stack, obj, preparing);
  };
  beforeEach(() => calls.splice(0));

  test('plain data comes back as a fresh copy without undefined values, and cdktf is never asked', () => {
    const input = { a: 'text with ${literal} and e-mail', b: [1, undefined, 'x', { c: undefined, d: true }], e: null, f: undefined, g: new Date(0) };
    const out = fastResolve(recording, stack, input) as Record<string, unknown>;
    expect(out).toEqual({ a: 'text with ${literal} and e-mail', b: [1, 'x', { d: true }], e: null, g: new Date(0) });
    expect(out).toEqual(cdktfResolve(stack, input));
    expect(out.b).not.toBe(input.b);
    expect(calls).toEqual([]);
  });

  test('a string, number, list or map token, and a resolvable, go to cdktf, and come back resolved as cdktf resolves them', () => {
    const variable = new TerraformVariable(stack, 'v', { type: 'string' });
    const input = {
      str: `prefix-${variable.stringValue}`,
      num: Token.asNumber(variable.value),
      list: Token.asList(variable.value),
      fn: Fn.lower(variable.stringValue),
      nested: [{ deep: variable.stringValue }],
    };
    expect(fastResolve(recording, stack, input)).toEqual(cdktfResolve(stack, input));
    // `nested.deep` is one reference to the stack's own variable, which fastResolve resolves itself (below).
    expect(calls).toEqual([input.str, input.num, input.list, input.fn]);
  });

  test('a string that is one reference within its stack is resolved here as cdktf resolves it; a reference from another stack goes to cdktf', () => {
    const app = new App({ outdir: tempDir('lz-resolve-refs-') });
    const [a, b] = [new TerraformStack(app, 'a'), new TerraformStack(app, 'b')];
    const mine = new TerraformVariable(a, 'mine', { type: 'string' });
    const other = new TerraformVariable(b, 'other', { type: 'string' });
    const handed: unknown[] = [];
    const record = (scope: unknown, obj: unknown, preparing?: boolean) => (handed.push(obj), cdktfResolve(scope, obj, preparing));
    // Given a list of references and plain strings, which cdktf resolves element by element.
    const input = { one: mine.stringValue, list: [mine.stringValue, 'x', mine.stringValue], nested: { deep: [{ v: mine.stringValue }] } };
    for (const preparing of [true, false]) {
      handed.splice(0);
      expect(fastResolve(record, a, input, preparing)).toEqual(cdktfResolve(a, input, preparing));
      expect(fastResolve(record, a, input, preparing)).toEqual({ one: '${var.mine}', list: ['${var.mine}', 'x', '${var.mine}'], nested: { deep: [{ v: '${var.mine}' }] } });
      expect(handed).toEqual([]);
    }
    // While preparing, cdktf turns a reference from another stack into a cross-stack output and a remote-state read.
    const foreign = { ref: other.stringValue };
    expect(fastResolve(record, a, foreign, true)).toEqual(cdktfResolve(a, foreign, true));
    expect(handed).toEqual([foreign.ref]);
    expect((fastResolve(record, a, foreign, false) as { ref: string }).ref).toMatch(/^\$\{data\.terraform_remote_state\./);
    expect(handed).toEqual([foreign.ref, foreign.ref]);
  });

  test('a list holding a list token goes to cdktf whole, as cdktf resolves it', () => {
    const variable = new TerraformVariable(stack, 'l', { type: 'list(string)' });
    const input = { list: Token.asList(variable.value) };
    expect(fastResolve(recording, stack, input)).toEqual(cdktfResolve(stack, input));
    expect(calls).toEqual([input.list]);
  });

  test('a key that holds a token makes cdktf resolve its whole object', () => {
    const variable = new TerraformVariable(stack, 'k', { type: 'string' });
    const input = { [variable.stringValue]: 'value', other: 'x' };
    expect(fastResolve(recording, stack, input)).toEqual(cdktfResolve(stack, input));
    expect(calls).toEqual([input]);
  });

  test('cdktf\'s errors are kept: a function value is refused by cdktf itself', () => {
    expect(() => fastResolve(recording, stack, { f: () => 1 })).toThrow(/function/i);
  });

  test('withFastResolve restores cdktf\'s resolve after the run, also when it throws', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const tokens = require('cdktf/lib/_tokens') as { resolve: unknown };
    const original = tokens.resolve;
    expect(withFastResolve(() => tokens.resolve !== original, {})).toBe(true);
    expect(tokens.resolve).toBe(original);
    expect(() => withFastResolve(() => { throw new Error('boom'); }, {})).toThrow('boom');
    expect(tokens.resolve).toBe(original);
    expect(withFastResolve(() => tokens.resolve === original, { LZ_CDKTF_RESOLVE: '1' })).toBe(true);
    expect(LandingZoneStack.reusePreparedFragments).toBe(false);
  });
});

describe('the prepared fragments', () => {
  /** How often synth turns each of two elements into Terraform JSON; one reads the other across stacks. */
  function renderCounts(env: Record<string, string>): { producer: number; consumer: number; json: string } {
    const outdir = tempDir('lz-prepared-');
    const app = new App({ outdir });
    const producer = new TerraformVariable(new LandingZoneStack(app, 'producer'), 'name', { type: 'string' });
    const consumer = new TerraformOutput(new LandingZoneStack(app, 'consumer'), 'read', { value: Fn.upper(producer.stringValue) });
    const counts = { producer: 0, consumer: 0 };
    for (const [key, element] of [['producer', producer], ['consumer', consumer]] as const) {
      const own = element.toTerraform.bind(element);
      element.toTerraform = () => {
        counts[key] += 1;
        return own();
      };
    }
    withFastResolve(() => app.synth(), env);
    return { ...counts, json: readTree(outdir)['stacks/consumer/cdk.tf.json']! };
  }

  test('each element is rendered once, by the preparing pass, and the output is what cdktf writes rendering it twice', () => {
    const reused = renderCounts({});
    const cdktf = renderCounts({ LZ_CDKTF_RESOLVE: '1' });
    expect([reused.producer, reused.consumer]).toEqual([1, 1]);
    expect([cdktf.producer, cdktf.consumer]).toEqual([2, 2]);
    expect(reused.json).toBe(cdktf.json);
    expect(reused.json).toContain('data.terraform_remote_state.cross-stack-reference-input-producer.outputs.cross-stack-output-varname');
  });
});
