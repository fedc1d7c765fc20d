import { describe, expect, it } from 'vitest';
import { TrapGuard, urlPattern } from '../../src/crawl/traps.js';

describe('trap guards', () => {
  it('generalises numeric segments, repeats and query values, not numbered names', () => {
    expect(urlPattern('http://h/cal/2024/05/')).toBe(urlPattern('http://h/cal/2031/11/'));
    expect(urlPattern('http://h/a/a/a/a/a/')).toBe(urlPattern('http://h/a/a/a/'));
    expect(urlPattern('http://h/list?page=3&sid=x1')).toBe(urlPattern('http://h/list?sid=y9&page=4'));
    expect(urlPattern('http://h/blog/post-1.html')).not.toBe(urlPattern('http://h/blog/post-2.html'));
  });

  it('admits pages per pattern and per host up to the caps', () => {
    const guard = new TrapGuard(2, 3);
    expect(guard.admit('http://h/cal/1/')).toEqual({ pattern: 'h/cal/*/?', host: 'h' });
    expect(guard.admit('http://h/cal/2/')).toBeTypeOf('object');
    expect(guard.admit('http://h/cal/3/')).toEqual({ limit: 'max-pages-per-pattern', mayFree: true });
    const about = guard.admit('http://h/about');
    expect(about).toBeTypeOf('object');
    expect(guard.admit('http://h/team')).toEqual({ limit: 'max-pages-per-host', mayFree: true });
    // A URL that proved not to be a page gives its slots back; confirmed pages keep theirs.
    guard.release(about as { pattern: string; host: string });
    const team = guard.admit('http://h/team') as { pattern: string; host: string };
    expect(team).toEqual({ pattern: 'h/team?', host: 'h' });
    guard.confirm(team);
    expect(guard.admit('http://h/more')).toEqual({ limit: 'max-pages-per-host', mayFree: true });
  });
});
