import { describe, expect, it } from 'vitest';
import { createPoliteness } from '../../src/fetch/politeness.js';

describe('politeness', () => {
  it('lets an origin without a crawl delay start at once, with no promise to wait on', () => {
    const gate = createPoliteness(() => Promise.reject(new Error('no sleep expected')), () => 0);
    expect(gate.wait('http://a.test')).toBeUndefined();
  });

  it('spaces the starts of a delayed origin: the first now, each next one a delay later', async () => {
    const slept: number[] = [];
    let clock = 1000;
    const gate = createPoliteness(async (ms) => void slept.push(ms), () => clock);
    gate.setDelay('http://a.test/', 500);
    expect(gate.wait('http://a.test')).toBeUndefined();
    await gate.wait('http://a.test');
    clock += 100;
    await gate.wait('http://a.test');
    expect(slept).toEqual([500, 900]);
    expect(gate.wait('http://b.test')).toBeUndefined();
  });
});
