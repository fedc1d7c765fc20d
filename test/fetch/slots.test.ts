import { describe, expect, it } from 'vitest';
import { createHostSlots } from '../../src/fetch/slots.js';

describe('host slots', () => {
  it('gives each origin its own slots and hands a freed slot to the first waiter', async () => {
    const slots = createHostSlots(1);
    const first = await slots.acquire('http://a');
    expect(await slots.acquire('http://b')).toBeTypeOf('function');
    const order: string[] = [];
    const second = slots.acquire('http://a').then((release) => (order.push('second'), release));
    const third = slots.acquire('http://a').then((release) => (order.push('third'), release));
    await Promise.resolve();
    expect(order).toEqual([]);
    first!();
    first!();
    (await second)!();
    (await third)!();
    expect(order).toEqual(['second', 'third']);
  });

  it('an aborted waiter leaves the queue and gets no slot', async () => {
    const slots = createHostSlots(1);
    const held = await slots.acquire('http://a');
    const controller = new AbortController();
    const waiting = slots.acquire('http://a', controller.signal);
    controller.abort();
    expect(await waiting).toBeUndefined();
    const next = slots.acquire('http://a');
    held!();
    expect(await next).toBeTypeOf('function');
  });

  it('tryAcquire takes a free slot at once, none when all are busy, and shares the queue with acquire', async () => {
    const slots = createHostSlots(2);
    const first = slots.tryAcquire('http://a');
    const second = slots.tryAcquire('http://a');
    expect(first).toBeTypeOf('function');
    expect(second).toBeTypeOf('function');
    expect(slots.tryAcquire('http://a')).toBeUndefined();
    expect(slots.tryAcquire('http://b')).toBeTypeOf('function');
    const waiting = slots.acquire('http://a');
    first!();
    // The freed slot went to the waiter, not back to the pool.
    expect(slots.tryAcquire('http://a')).toBeUndefined();
    (await waiting)!();
    expect(slots.tryAcquire('http://a')).toBeTypeOf('function');
  });
});
