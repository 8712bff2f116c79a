import { join } from 'node:path';
import { synthesizeShare } from '../../src/cli/synth-share';
import { registeredTokenCount, withTokensReleased } from '../../src/cli/token-map-release';
import { defaultModel, tempDir } from '../helpers';

describe('a share releases the tokens of its App', () => {
  test('cdktf holds as many tokens after a share as before it, and held hundreds while it ran', () => {
    const model = defaultModel();
    const dir = tempDir('lz-tokens-');
    const before = registeredTokenCount();
    let during = 0;
    synthesizeShare(model, { index: 0, count: 1 }, { outdir: join(dir, 'a'), finalOutdir: join(dir, 'out'), projectDir: dir }, (event) => {
      if (event.kind === 'built') during = registeredTokenCount();
    });
    expect(during - before).toBeGreaterThan(500);
    expect(registeredTokenCount()).toBe(before);
  }, 60_000);

  test('tokens that existed before are kept, and released even when the work throws', () => {
    const { Token, Tokenization } = jest.requireActual<typeof import('cdktf')>('cdktf');
    const kept = Token.asString({ resolve: () => 'kept' });
    const before = registeredTokenCount();
    let dropped = '';
    expect(() =>
      withTokensReleased(() => {
        dropped = Token.asString({ resolve: () => 'dropped' });
        expect(registeredTokenCount()).toBe(before + 1);
        throw new Error('synth failed');
      }),
    ).toThrow('synth failed');
    expect(registeredTokenCount()).toBe(before);
    expect(Tokenization.reverseString(kept).tokens).toHaveLength(1);
    expect(() => Tokenization.reverseString(dropped)).toThrow();
  });
});
