import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StackClaimedTwiceError, syncWriter, threadWriter, type StackWriter } from '../../src/cli/stack-writer';
import { readTree, tempDir } from '../helpers';

/** Runs `fn` with the writer and closes it; a failure comes from `write` (at once) or `close` (thread). */
async function run(writer: StackWriter, fn: (w: StackWriter) => void): Promise<void> {
  try {
    fn(writer);
  } finally {
    await writer.close();
  }
}

describe.each<[string, () => StackWriter]>([
  ['at once', () => syncWriter()],
  ['on a thread', () => threadWriter()],
  // A queue of 10 characters: every write waits for the thread to catch up.
  ['on a thread that lets 10 characters wait', () => threadWriter(10)],
])('the stack writer, %s', (_, make) => {
  test('makes each stack directory and writes its file, in the order written', async () => {
    const root = tempDir('lz-writer-');
    mkdirSync(join(root, 'stacks'));
    await run(make(), (w) => {
      for (let i = 0; i < 50; i++) w.write(`s${i}`, join(root, 'stacks', `s${i}`), true, join(root, 'stacks', `s${i}`, 'cdk.tf.json'), `{"i":${i}}\n`);
      // A stack written again into the directory it has (not exclusively): the later text stays.
      w.write('s0', join(root, 'stacks', 's0'), false, join(root, 'stacks', 's0', 'cdk.tf.json'), '{"i":"again"}\n');
      w.write('deep', join(root, 'a', 'b', 'deep'), false, join(root, 'a', 'b', 'deep', 'cdk.tf.json'), '{}\n');
    });
    const tree = readTree(root);
    expect(Object.keys(tree)).toHaveLength(51);
    expect(tree['stacks/s0/cdk.tf.json']).toBe('{"i":"again"}\n');
    expect(tree['stacks/s49/cdk.tf.json']).toBe('{"i":49}\n');
    expect(tree['a/b/deep/cdk.tf.json']).toBe('{}\n');
  });

  test('a stack directory that exists already, written exclusively, is a stack two shares claim', async () => {
    const root = tempDir('lz-writer-');
    mkdirSync(join(root, 'stacks', 'organization'), { recursive: true });
    const writing = run(make(), (w) => w.write('organization', join(root, 'stacks', 'organization'), true, join(root, 'stacks', 'organization', 'cdk.tf.json'), '{}\n'));
    await expect(writing).rejects.toThrow(StackClaimedTwiceError);
    await expect(run(make(), (w) => w.write('organization', join(root, 'stacks', 'organization'), true, join(root, 'x'), '{}\n'))).rejects.toThrow(
      `the stack \`organization\` was written into ${join(root, 'stacks', 'organization')} twice: two shares of the synth claim it, which is a bug in lz; \`lz synth --workers 1\` synthesizes in one process meanwhile`,
    );
  });

  test('any other failure names the stack and the system\'s reason', async () => {
    const root = tempDir('lz-writer-');
    writeFileSync(join(root, 'stacks'), 'a file where the stacks directory belongs');
    const writing = run(make(), (w) => w.write('account-a', join(root, 'stacks', 'account-a'), false, join(root, 'stacks', 'account-a', 'cdk.tf.json'), '{}\n'));
    await expect(writing).rejects.toThrow(new RegExp(`^writing the stack \`account-a\` into ${join(root, 'stacks', 'account-a')} failed: (EEXIST|ENOTDIR)`));
  });
});

test('the thread writer refuses a write after it was closed', async () => {
  const writer = threadWriter();
  await writer.close();
  expect(() => writer.write('a', '/nonexistent', false, '/nonexistent/f', '')).toThrow('the stack writer is closed');
});
