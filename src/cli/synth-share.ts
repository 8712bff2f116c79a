import { TerraformStack } from 'cdktf';
import { buildApp } from '../../stacks/app';
import type { LandingZoneModel } from '../model/types';
import { withoutTokenStackTraces } from './token-stack-traces';

/** Share `index` of `count`: the organization-wide stacks and every `count`-th account's stacks. */
export interface Share {
  readonly index: number;
  readonly count: number;
}

export interface ShareDirs {
  /** Where this share's stacks and manifest.json are written. */
  readonly outdir: string;
  /** The directory the merged output finally lives in. */
  readonly finalOutdir: string;
  readonly projectDir: string;
}

export type ShareEvent =
  | { readonly kind: 'built'; readonly stacks: number; readonly perAccount: number }
  /** One more stack is on disk: a per-account stack of this share, or an organization-wide one. */
  | { readonly kind: 'written'; readonly perAccount: boolean };

export interface ShareResult {
  /** Every stack this share wrote, sorted. */
  readonly stacks: string[];
  /** Those of them that are per-account stacks of this share's accounts, sorted. */
  readonly perAccount: string[];
}

/**
 * The share an account's stacks belong to: round-robin over the sorted account keys, so all the
 * stacks of one account (which may reference each other) are built in the same App, and the
 * partition depends on nothing but the model.
 */
export function accountShares(model: LandingZoneModel, count: number): (accountKey: string) => number {
  const share = new Map(model.accounts.map((a) => a.key).sort().map((key, i) => [key, i % count]));
  return (accountKey) => {
    const index = share.get(accountKey);
    if (index === undefined) throw new Error(`a per-account stack names the account key "${accountKey}", which is not in the model`);
    return index;
  };
}

/**
 * Builds the App of one share and synthesizes it. `onEvent` hears when the App is built and after
 * every stack written, while the (synchronous) synth runs.
 */
export function synthesizeShare(model: LandingZoneModel, share: Share, dirs: ShareDirs, onEvent: (event: ShareEvent) => void): ShareResult {
  const shareOf = accountShares(model, share.count);
  const perAccount = new Set<string>();
  const selectStacks = (name: string, accountKey: string) => {
    if (shareOf(accountKey) !== share.index) return false;
    perAccount.add(name);
    return true;
  };
  return withoutTokenStackTraces(() => {
    const { app } = buildApp(model, { outdir: dirs.outdir, finalOutdir: dirs.finalOutdir, projectDir: dirs.projectDir, selectStacks });
    const stacks = app.node.findAll().filter(TerraformStack.isStack);
    onEvent({ kind: 'built', stacks: stacks.length, perAccount: perAccount.size });
    for (const stack of stacks) {
      const inner = stack.synthesizer;
      const event: ShareEvent = { kind: 'written', perAccount: perAccount.has(stack.node.id) };
      stack.synthesizer = {
        synthesize: (session) => {
          inner.synthesize(session);
          onEvent(event);
        },
      };
    }
    app.synth();
    return { stacks: stacks.map((s) => s.node.id).sort(), perAccount: [...perAccount].sort() };
  });
}
