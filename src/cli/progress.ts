/** The phases of `lz synth`, in the order they run. */
export const SYNTH_PHASES = ['load', 'validate', 'model', 'build', 'synth', 'write'] as const;
export type SynthPhase = (typeof SYNTH_PHASES)[number];

export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** A TTY line is redrawn at most this often (ms), and always for the last stack. */
const REDRAW_INTERVAL_MS = 100;
/** Without a TTY (`--progress` in CI), a "stacks written" line every tenth of the stacks. */
const LOG_STEPS = 10;

/**
 * What `lz synth` tells a person while it runs, on stderr so that stdout stays clean for scripts.
 * On a TTY one status line is redrawn in place: the phase, then "stacks written k/N". Elsewhere it is
 * silent unless asked (`--progress`), and then writes plain lines: one per phase, one per tenth of
 * the stacks. Either way, when it is active, `finish` prints the time each phase took.
 */
export class SynthProgress {
  private readonly timings = new Map<SynthPhase, number>();
  private current: { phase: SynthPhase; since: number } | undefined;
  private readonly started: number;
  private lastDraw = -Infinity;
  private lastLogged = 0;
  private drawn = false;

  /** Reports nothing and keeps only the timings. */
  static silent(now?: () => number): SynthProgress {
    return new SynthProgress({ write: () => undefined }, false, now);
  }

  /** Active on a TTY, or everywhere with `--progress`. */
  static for(stream: ProgressStream, forced: boolean, now?: () => number): SynthProgress {
    return new SynthProgress(stream, forced || stream.isTTY === true, now);
  }

  private constructor(
    private readonly stream: ProgressStream,
    readonly active: boolean,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = this.now();
  }

  private get live(): boolean {
    return this.active && this.stream.isTTY === true;
  }

  /** Ends the running phase (its time is recorded) and starts `phase`. */
  phase(phase: SynthPhase): void {
    this.endPhase();
    this.current = { phase, since: this.now() };
    if (this.live) this.draw(`${phase}...`);
    else if (this.active) this.stream.write(`lz synth: ${phase}\n`);
  }

  /**
   * `written` of `total` stacks are on disk. `estimated`: the total is not known exactly yet (synth
   * workers have not built every share), shown as `~N`.
   */
  stacksWritten(written: number, total: number, estimated = false): void {
    if (!this.active || total === 0) return;
    if (this.live) {
      const t = this.now();
      if (written < total && t - this.lastDraw < REDRAW_INTERVAL_MS) return;
      this.lastDraw = t;
      this.draw(`${this.current?.phase ?? 'synth'}: stacks written ${written}/${estimated ? '~' : ''}${total}`);
      return;
    }
    const step = Math.floor((written * LOG_STEPS) / total);
    if (step <= this.lastLogged) return;
    this.lastLogged = step;
    this.stream.write(`lz synth: stacks written ${written}/${estimated ? '~' : ''}${total}\n`);
  }

  /** Ends the last phase; returns the time of every phase that ran, in seconds, in phase order. */
  finish(detail = ''): Partial<Record<SynthPhase, number>> {
    this.endPhase();
    this.current = undefined;
    const seconds = Object.fromEntries(SYNTH_PHASES.filter((p) => this.timings.has(p)).map((p) => [p, this.timings.get(p)! / 1000]));
    if (!this.active) return seconds;
    if (this.drawn) this.stream.write('\r\x1b[K');
    const total = (this.now() - this.started) / 1000;
    const parts = Object.entries(seconds).map(([p, s]) => `${p} ${s.toFixed(2)} s`);
    this.stream.write(`lz synth: ${parts.join(', ')}; total ${total.toFixed(2)} s${detail ? ` (${detail})` : ''}\n`);
    return seconds;
  }

  /** Stops without a summary (synth failed): the status line is erased so that the errors print cleanly. */
  abandon(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
    this.current = undefined;
  }

  private endPhase(): void {
    if (!this.current) return;
    const { phase, since } = this.current;
    this.timings.set(phase, (this.timings.get(phase) ?? 0) + this.now() - since);
  }

  private draw(text: string): void {
    this.drawn = true;
    this.stream.write(`\r\x1b[Klz synth: ${text}`);
  }
}
