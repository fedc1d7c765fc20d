import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createSleep, createWatch } from '../../src/fetch/abort.js';

describe('watching a signal', () => {
  it('cancels every waiter through one listener, and not those that forgot it', () => {
    const watch = createWatch();
    const controller = new AbortController();
    const cancelled: string[] = [];
    const waiter = (name: string) => ({ cancel: () => void cancelled.push(name) });
    watch(controller.signal, waiter('a'));
    const forgetB = watch(controller.signal, waiter('b'));
    watch(controller.signal, waiter('c'));
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    forgetB();
    controller.abort();
    expect(cancelled).toEqual(['a', 'c']);
  });

  it('cancels at once on a signal already aborted, and never without a signal', () => {
    const watch = createWatch();
    const cancelled: string[] = [];
    watch(AbortSignal.abort(), { cancel: () => void cancelled.push('late') });
    watch(undefined, { cancel: () => void cancelled.push('none') });
    expect(cancelled).toEqual(['late']);
  });
});

describe('sleep', () => {
  it('resolves after its time', async () => {
    const sleep = createSleep(createWatch());
    const started = Date.now();
    await sleep(20, new AbortController().signal);
    expect(Date.now() - started).toBeGreaterThanOrEqual(19);
  });

  it('rejects with the reason as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const sleep = createSleep(createWatch());
    const started = Date.now();
    const slept = sleep(10_000, controller.signal);
    setTimeout(() => controller.abort(new Error('stop')), 20);
    await expect(slept).rejects.toThrow('stop');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
