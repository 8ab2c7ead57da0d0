import { describe, expect, it } from 'vitest';
import { mapWithConcurrency } from '../../../src/adapters/channelHiding/createChannelHidingAdapter';

describe('mapWithConcurrency (the Stream and Sendbird adapters hide channels with it)', () => {
  it('runs exactly `limit` tasks at once while more wait, and answers in input order', async () => {
    const pending: Array<() => void> = [];
    let running = 0;
    let mostAtOnce = 0;
    const done = mapWithConcurrency([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 5, async (item) => {
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      await new Promise<void>((resolve) => pending.push(resolve));
      running -= 1;
      return item * 10;
    });
    // Settle the tasks one at a time, last started first, so answers come back out of order.
    while (pending.length > 0 || running > 0) {
      await Promise.resolve();
      pending.pop()?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await done).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120]);
    expect(mostAtOnce).toBe(5);
  });

  it('starts no more tasks than there are items', async () => {
    let started = 0;
    await mapWithConcurrency(['a', 'b'], 5, async () => {
      started += 1;
    });
    expect(started).toBe(2);
    expect(await mapWithConcurrency([], 5, async () => 1)).toEqual([]);
  });
});
