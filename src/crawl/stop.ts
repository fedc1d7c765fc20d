// When a crawl stops early: a signal from the caller or --max-duration. New work stops at once;
// requests in flight get a short grace period, then are aborted so the report can be written.

const GRACE_MS = 2_000;

export class StopControl {
  stopped = false;
  reason: string | undefined;
  readonly requested: Promise<void>;
  private readonly fetches = new AbortController();
  private readonly timers: NodeJS.Timeout[] = [];
  private resolveRequested!: () => void;
  private readonly onAbort = (): void => this.stop(signalName(this.signal?.reason));

  constructor(private readonly signal: AbortSignal | undefined, maxDurationMs: number) {
    this.requested = new Promise((resolve) => (this.resolveRequested = resolve));
    if (signal?.aborted) this.onAbort();
    else signal?.addEventListener('abort', this.onAbort, { once: true });
    if (maxDurationMs > 0) this.timers.push(setTimeout(() => this.stop('max-duration'), maxDurationMs));
  }

  /** Aborted after the grace period of a stop. */
  get fetchSignal(): AbortSignal {
    return this.fetches.signal;
  }

  stop(reason: string): void {
    if (this.stopped) return;
    this.stopped = true;
    this.reason = reason;
    this.timers.push(setTimeout(() => this.fetches.abort(), GRACE_MS));
    this.resolveRequested();
  }

  dispose(): void {
    for (const t of this.timers) clearTimeout(t);
    this.signal?.removeEventListener('abort', this.onAbort);
  }
}

function signalName(reason: unknown): string {
  return typeof reason === 'string' && /^SIG[A-Z]+$/.test(reason) ? reason : 'signal';
}
