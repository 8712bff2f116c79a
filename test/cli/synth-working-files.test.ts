import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { FIXTURES, tempDir } from '../helpers';

async function synth(cwd: string) {
  let out = '';
  const code = await main(['synth', '--out', 'out'], { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (out += s) }, cwd, env: {} });
  return { code, out };
}

const LOCK_HCL = '# This file is maintained automatically by "terraform init".\nprovider "registry.terraform.io/hashicorp/aws" {\n  version = "6.25.0"\n}\n';

describe('lz synth keeps Terraform working files of each stack', () => {
  test('.terraform/ and .terraform.lock.hcl survive a re-synth that changes their stack', async () => {
    // Given a synthesized organization whose organization stack was initialized
    const dir = tempDir('lz-working-files-');
    copyFileSync(join(FIXTURES, 'valid', 'minimal.yaml'), join(dir, 'org.yaml'));
    expect((await synth(dir)).code).toBe(0);
    const stack = join(dir, 'out', 'stacks', 'organization');
    mkdirSync(join(stack, '.terraform', 'providers'), { recursive: true });
    writeFileSync(join(stack, '.terraform', 'providers', 'marker'), 'provider binary');
    writeFileSync(join(stack, '.terraform.lock.hcl'), LOCK_HCL);

    // When org.yaml changes and lz synth rewrites the stack
    writeFileSync(join(dir, 'org.yaml'), readFileSync(join(dir, 'org.yaml'), 'utf8').replace('homeRegion: eu-west-1', 'homeRegion: eu-west-2'));
    expect((await synth(dir)).code).toBe(0);

    // Then the stack has the new configuration and still its working files
    expect(readFileSync(join(stack, 'cdk.tf.json'), 'utf8')).toContain('"region": "eu-west-2"');
    expect(readFileSync(join(stack, '.terraform', 'providers', 'marker'), 'utf8')).toBe('provider binary');
    expect(readFileSync(join(stack, '.terraform.lock.hcl'), 'utf8')).toBe(LOCK_HCL);
  });

  test('a refused synth leaves them where they were', async () => {
    const dir = tempDir('lz-working-files-refused-');
    copyFileSync(join(FIXTURES, 'valid', 'minimal.yaml'), join(dir, 'org.yaml'));
    expect((await synth(dir)).code).toBe(0);
    const lock = join(dir, 'out', 'stacks', 'organization', '.terraform.lock.hcl');
    writeFileSync(lock, LOCK_HCL);
    writeFileSync(join(dir, 'org.yaml'), 'organization: {}\n');
    expect((await synth(dir)).code).toBe(1);
    expect(readFileSync(lock, 'utf8')).toBe(LOCK_HCL);
  });
});

describe('an --out that names a file is refused before anything is written', () => {
  const synthInto = async (cwd: string, out: string) => {
    let stderr = '';
    const code = await main(['synth', '--out', out], { stdout: { write: () => true }, stderr: { write: (s: string) => ((stderr += s), true) }, cwd, env: {} });
    return { code, stderr };
  };

  test.each([
    ['the output itself', 'out', 'lz: the output directory out is a file.'],
    ['a parent of the output', 'out/inner', 'lz: out is a file, so the output directory out/inner cannot be made inside it.'],
  ])('%s is a file: a usage error that says so, and the file and the directory are as they were', async (_case, out, message) => {
    const dir = tempDir('lz-out-file-');
    copyFileSync(join(FIXTURES, 'valid', 'minimal.yaml'), join(dir, 'org.yaml'));
    writeFileSync(join(dir, 'out'), 'not a directory');
    const before = readdirSync(dir).sort();

    const r = await synthInto(dir, out);

    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain(' Name a directory with --out or CDKTF_OUTDIR (lz creates it if it is missing) and run again; nothing was written.\n');
    expect(readFileSync(join(dir, 'out'), 'utf8')).toBe('not a directory');
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});
