import { describe, expect, it } from 'vitest';
import { drain, drainYielding, JOB_BATCH, JOB_SLICE_MS, pacer, type Steps } from '../../app/server/batches.server';

// A job's work, yielding after every JOB_BATCH items: run at once, or with the event loop turning between batches.
function* job(items: number, seen: string[], itemMs = 0): Steps<{ done: number }> {
  const pace = pacer();
  let done = 0;
  for (let i = 0; i < items; i++) {
    if (pace()) yield;
    for (const start = performance.now(); performance.now() - start < itemMs; );
    seen.push('item');
    done += 1;
  }
  return { done };
}

describe('jobs in batches', () => {
  it('runs to the end at once when drained', () => {
    const seen: string[] = [];
    expect(drain(job(450, seen))).toEqual({ done: 450 });
    expect(seen).toHaveLength(450);
  });

  it('lets the event loop turn between batches, not inside one', async () => {
    const seen: string[] = [];
    let ticking = true;
    const tick = () => {
      if (!ticking) return;
      seen.push('tick');
      setImmediate(tick);
    };
    setImmediate(tick);
    const result = await drainYielding(job(2 * JOB_BATCH + 50, seen));
    ticking = false;
    expect(result).toEqual({ done: 2 * JOB_BATCH + 50 });
    // Other work ran between the batches: the items come in runs of at most JOB_BATCH.
    const runs = seen.join(',').split('tick').map((run) => run.split(',').filter((s) => s === 'item').length).filter((n) => n > 0);
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...runs)).toBeLessThanOrEqual(JOB_BATCH);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(2 * JOB_BATCH + 50);
  });

  it('yields sooner when the items are slow: a batch lasts about JOB_SLICE_MS, not 200 items', async () => {
    const seen: string[] = [];
    let ticks = 0;
    let ticking = true;
    const tick = () => {
      if (!ticking) return;
      ticks += 1;
      seen.push('tick');
      setImmediate(tick);
    };
    setImmediate(tick);
    const itemMs = JOB_SLICE_MS / 5;
    await drainYielding(job(30, seen, itemMs));
    ticking = false;
    const runs = seen.join(',').split('tick').map((run) => run.split(',').filter((s) => s === 'item').length).filter((n) => n > 0);
    expect(Math.max(...runs)).toBeLessThanOrEqual(6);
    expect(ticks).toBeGreaterThanOrEqual(5);
  });
});
