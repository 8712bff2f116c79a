import { TerraformStack } from 'cdktf';
import { buildApp } from '../../stacks/app';
import { stackNames } from '../../stacks/ids';
import type { LandingZoneModel } from '../model/types';
import { ChangedOnlySynthesizer } from './changed-only-synthesizer';
import { protectedIn } from './protected-resources';
import type { StackWriter } from './stack-writer';
import { withFastResolve } from './fast-resolve';
import { withTokensReleased } from './token-map-release';
import { withoutTokenStackTraces } from './token-stack-traces';

/** Share `index` of `count`: the organization-wide stacks and every `count`-th account's stacks. */
export interface Share {
  readonly index: number;
  readonly count: number;
}

export interface ShareDirs {
  /** Where this share's stacks and manifest.json are written. */
  readonly outdir: string;
  /** The directory the merged output finally lives in, which may hold the output of an earlier synth (only read here). */
  readonly finalOutdir: string;
  /**
   * With several shares: the merged output being built (the staging directory). The stacks the
   * merge takes from this share (those it counts, see ShareEvent) are written straight into its
   * `stacks/`, so that they are not moved afterwards; the others, which only serve the merge's
   * checks, go to `outdir`. Absent: every stack goes to `outdir`.
   */
  readonly mergedOutdir?: string;
  readonly projectDir: string;
}

/**
 * Progress of a share. A stack "counts" in exactly one share, so that the counts of all shares add
 * up to the stacks of the merged output: a per-account stack in the share it belongs to, every
 * other stack (organization-wide ones, and account stacks built because one of those reads them) in share 0.
 */
export type ShareEvent =
  | { readonly kind: 'built'; readonly counted: number }
  | { readonly kind: 'written'; readonly counts: boolean };

export interface ShareResult {
  /** Every stack this share wrote, sorted. */
  readonly stacks: string[];
  /** Those of them that are per-account stacks of this share's accounts, sorted. */
  readonly perAccount: string[];
  /**
   * Those of them whose file was not written because the current output (ShareDirs.finalOutdir)
   * already holds the same text, sorted; absent when every stack was written. Only stacks that no
   * other share writes are compared.
   */
  readonly unchanged?: string[];
  /** Those of them written into ShareDirs.mergedOutdir instead of outdir, sorted; absent when none. */
  readonly direct?: string[];
  /**
   * By stack, the `<stack>:<type>.<name>` of every resource declared with prevent_destroy, for
   * every stack written or left unchanged that declares one: so the protection check needs no
   * stack file read back.
   */
  readonly protected: Record<string, string[]>;
}

/**
 * The share an account's stacks belong to: round-robin over the sorted account keys (released
 * accounts included), so all the stacks of one account, which may reference each other, are built
 * in the same App, and the partition depends on nothing but the model.
 */
export function accountShares(model: LandingZoneModel, count: number): (accountKey: string) => number {
  const keys = [...model.accounts.map((a) => a.key), ...(model.managedChanges?.removedAccounts ?? []).map((a) => a.key)];
  const share = new Map([...new Set(keys)].sort().map((key, i) => [key, i % count]));
  return (accountKey) => {
    const index = share.get(accountKey);
    if (index === undefined) throw new Error(`a per-account stack names the account key "${accountKey}", which is not in the model`);
    return index;
  };
}

/**
 * Builds the App of one share and synthesizes it. `onEvent` hears when the App is built and after
 * every stack written, while the (synchronous) synth runs. The files are written through `writer`
 * (default: at once); with a thread writer they are on disk only once it is closed. The App's tokens are released afterwards,
 * so a worker that synthesizes several shares holds one App at a time, not all it has built.
 */
export function synthesizeShare(model: LandingZoneModel, share: Share, dirs: ShareDirs, onEvent: (event: ShareEvent) => void, writer?: StackWriter): ShareResult {
  const shareOf = accountShares(model, share.count);
  const perAccount = new Set<string>();
  const elsewhere = new Set<string>();
  const selectStacks = (name: string, accountKey: string) => {
    const mine = shareOf(accountKey) === share.index;
    (mine ? perAccount : elsewhere).add(name);
    return mine;
  };
  const counts = (name: string) => perAccount.has(name) || (share.index === 0 && !elsewhere.has(name));
  return withTokensReleased(() => withoutTokenStackTraces(() => withFastResolve(() => {
    const { app } = buildApp(model, { outdir: dirs.outdir, finalOutdir: dirs.finalOutdir, projectDir: dirs.projectDir, selectStacks });
    const stacks = app.node.findAll().filter(TerraformStack.isStack);
    // An account's bootstrap stack (cloud backend) is complete only where the account's stacks are.
    const bootstrapOf = new Map(Object.entries(model.stackIds).map(([key, id]) => [stackNames.bootstrap(id), key]));
    for (const stack of stacks) {
      const key = bootstrapOf.get(stack.node.id);
      if (key !== undefined) (shareOf(key) === share.index ? perAccount : elsewhere).add(stack.node.id);
    }
    onEvent({ kind: 'built', counted: stacks.filter((s) => counts(s.node.id)).length });
    const unchanged: string[] = [];
    const direct: string[] = [];
    const protectedByStack: Record<string, string[]> = {};
    for (const stack of stacks) {
      const name = stack.node.id;
      const event: ShareEvent = { kind: 'written', counts: counts(name) };
      // A stack that other shares also write (an organization-wide stack, a copy of another share's
      // account stack) is always written: the merge compares the shares' files.
      const comparable = share.count === 1 || perAccount.has(name);
      const straight = dirs.mergedOutdir !== undefined && event.counts;
      stack.synthesizer = new ChangedOnlySynthesizer(stack, {
        ...(comparable ? { currentOutdir: dirs.finalOutdir } : {}),
        ...(straight ? { outdir: dirs.mergedOutdir } : {}),
        ...(writer ? { writer } : {}),
        onSynthesized: ({ written, redirected, json }) => {
          if (!written) unchanged.push(name);
          else if (redirected) direct.push(name);
          const kept = protectedIn(name, json);
          if (kept.length > 0) protectedByStack[name] = kept;
          onEvent(event);
        },
      });
    }
    app.synth();
    return {
      stacks: stacks.map((s) => s.node.id).sort(),
      perAccount: [...perAccount].sort(),
      unchanged: unchanged.sort(),
      ...(direct.length > 0 ? { direct: direct.sort() } : {}),
      protected: protectedByStack,
    };
  })));
}
