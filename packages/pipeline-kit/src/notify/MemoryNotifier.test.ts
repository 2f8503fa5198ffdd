import { describe, expect, it } from '@jest/globals';
import { CompositeNotifier } from './CompositeNotifier.js';
import { MemoryNotifier } from './MemoryNotifier.js';
import type { Notifier } from './Notifier.js';

describe('MemoryNotifier', () => {
  it('records events in order until closed', async () => {
    const notifier = new MemoryNotifier();
    notifier.notify({ type: 'pipeline-started', pipeline: 'p' });
    notifier.notify({ type: 'error', message: 'm' });
    await notifier.close();
    notifier.notify({ type: 'pipeline-started', pipeline: 'late' });
    expect(notifier.events.map((e) => e.type)).toEqual(['pipeline-started', 'error']);
  });
});

describe('CompositeNotifier', () => {
  it('fans out to every target even when one throws or rejects', async () => {
    const broken: Notifier = {
      notify: () => {
        throw new Error('broken notifier');
      },
      flush: () => Promise.reject(new Error('flush failed')),
      close: () => Promise.reject(new Error('close failed')),
    };
    const first = new MemoryNotifier();
    const second = new MemoryNotifier();
    const composite = new CompositeNotifier([first, broken, second]);
    expect(() => composite.notify({ type: 'trade', symbol: 'BTC/USDT', side: 'buy', quantity: 1, price: 2, reason: 'r' })).not.toThrow();
    await expect(composite.flush(100)).resolves.toBeUndefined();
    await expect(composite.close()).resolves.toBeUndefined();
    expect(first.events).toHaveLength(1);
    expect(second.events).toEqual(first.events);
  });
});
