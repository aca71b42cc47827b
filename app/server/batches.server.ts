// A periodic job's work, written once as a generator that yields between batches of items: run to the end at
// once (tests, the command line), or with a turn of the event loop at each yield (the server's background jobs),
// so that a job with a lot to do does not hold every request back for seconds. Each item's write stays its own
// transaction; a yield never falls inside one.

/** How many items a job handles at most between two turns of the event loop. */
export const JOB_BATCH = 200;
/** And for how long at most (ms): a write with its mails may take milliseconds on a busy disk. */
export const JOB_SLICE_MS = 25;

export type Steps<T> = Generator<void, T, void>;

/** Runs the steps to the end without yielding. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs the steps to the end, letting the event loop turn (pending I/O, requests) at each yield. */
export async function drainYielding<T>(steps: Steps<T>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * Counts the items handled: true when the job's generator should yield, after `size` items or once `sliceMs` have
 * passed since the last yield, whichever comes first.
 */
export function pacer(size = JOB_BATCH, sliceMs = JOB_SLICE_MS): () => boolean {
  let n = 0;
  let since = performance.now();
  return () => {
    n += 1;
    const now = performance.now();
    if (n < size && now - since < sliceMs) return false;
    n = 0;
    since = now;
    return true;
  };
}
