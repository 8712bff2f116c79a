/**
 * Entry of a `lz synth` worker process (forked by synth-workers.ts with the advanced serialization,
 * so the model arrives as a structured clone). It receives one request, synthesizes its shares one
 * after the other, each into its own directory (one App at a time, so a worker holds the constructs
 * of one share, not of all its accounts), reports progress and the results over IPC, and exits.
 */
import type { LandingZoneModel } from '../model/types';
import { threadWriter } from './stack-writer';
import { synthesizeShare, type Share, type ShareDirs, type ShareEvent, type ShareResult } from './synth-share';

export interface WorkerRequest {
  readonly model: LandingZoneModel;
  readonly shares: ReadonlyArray<{ readonly share: Share; readonly dirs: ShareDirs }>;
}

/** How often, at most, a worker reports the stacks it has written (each message costs the worker a serialization). */
const PROGRESS_INTERVAL_MS = 100;

export type WorkerMessage =
  | { readonly kind: 'built'; readonly share: number; readonly counted: number }
  /** `stacks` more counted stacks were written since the last such message. */
  | { readonly kind: 'written'; readonly share: number; readonly stacks: number }
  | { readonly kind: 'done'; readonly results: ShareResult[]; readonly peakRssKb: number }
  | { readonly kind: 'failed'; readonly error: string };

function send(message: WorkerMessage, then?: () => void): void {
  process.send!(message, undefined, undefined, () => then?.());
}

process.once('message', async (request: WorkerRequest) => {
  // The files are written on a thread of the worker's own while it synthesizes (stack-writer.ts).
  const writer = threadWriter();
  try {
    const results = request.shares.map(({ share, dirs }) => {
      let pending = 0;
      let last = Date.now();
      const flush = () => {
        if (pending > 0) send({ kind: 'written', share: share.index, stacks: pending });
        pending = 0;
        last = Date.now();
      };
      const result = synthesizeShare(request.model, share, dirs, (event: ShareEvent) => {
        if (event.kind === 'built') send({ kind: 'built', share: share.index, counted: event.counted });
        else if (event.counts) {
          pending += 1;
          if (Date.now() - last >= PROGRESS_INTERVAL_MS) flush();
        }
      }, writer);
      flush();
      return result;
    });
    await writer.close();
    send({ kind: 'done', results, peakRssKb: process.resourceUsage().maxRSS }, () => process.disconnect());
  } catch (e) {
    await writer.close().catch(() => undefined);
    process.exitCode = 1;
    send({ kind: 'failed', error: (e as Error).stack ?? String(e) }, () => process.disconnect());
  }
});
