/**
 * Entry of a `lz synth` worker process (forked by synth-workers.ts with the advanced serialization,
 * so the model arrives as a structured clone). It receives one request, synthesizes its share into
 * its own directory, reports progress and the result over IPC, and exits.
 */
import type { LandingZoneModel } from '../model/types';
import { synthesizeShare, type Share, type ShareDirs, type ShareEvent, type ShareResult } from './synth-share';

export interface WorkerRequest {
  readonly model: LandingZoneModel;
  readonly share: Share;
  readonly dirs: ShareDirs;
}

export type WorkerMessage =
  | ShareEvent
  | { readonly kind: 'done'; readonly result: ShareResult; readonly peakRssKb: number }
  | { readonly kind: 'failed'; readonly error: string };

function send(message: WorkerMessage, then?: () => void): void {
  process.send!(message, undefined, undefined, () => then?.());
}

process.once('message', (request: WorkerRequest) => {
  try {
    const result = synthesizeShare(request.model, request.share, request.dirs, (event) => send(event));
    send({ kind: 'done', result, peakRssKb: process.resourceUsage().maxRSS }, () => process.disconnect());
  } catch (e) {
    process.exitCode = 1;
    send({ kind: 'failed', error: (e as Error).stack ?? String(e) }, () => process.disconnect());
  }
});
