// Debounced, latest-wins scheduling of analyses. Timers are injectable so tests can drive time.

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface Debounced {
  /** Schedules a run after the quiet period; a new call restarts the wait. */
  trigger(): void;
  /** Runs now, cancelling any pending run. */
  flush(): void;
  cancel(): void;
  readonly pending: boolean;
}

export function debounce(fn: () => void, ms: number, timers: Timers = realTimers): Debounced {
  let handle: unknown = null;
  const cancel = () => {
    if (handle !== null) timers.clearTimeout(handle);
    handle = null;
  };
  return {
    trigger() {
      cancel();
      handle = timers.setTimeout(() => {
        handle = null;
        fn();
      }, ms);
    },
    flush() {
      cancel();
      fn();
    },
    cancel,
    get pending() {
      return handle !== null;
    },
  };
}

/** Numbers requests so that a slow, older answer never overwrites a newer one. */
export class LatestOnly {
  private current = 0;
  next(): number {
    return ++this.current;
  }
  isLatest(ticket: number): boolean {
    return ticket === this.current;
  }
}

/** How long the pane waits after an item event before re-analyzing. */
export const REANALYZE_DEBOUNCE_MS = 600;
