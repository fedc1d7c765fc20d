import { describe, expect, it } from 'vitest';
import { TrapGuard, urlPattern, type TrapAdmission } from '../../src/crawl/traps.js';

describe('trap guards', () => {
  it('generalises numeric segments, repeats and query values, not numbered names', () => {
    expect(urlPattern('http://h/cal/2024/05/')).toBe(urlPattern('http://h/cal/2031/11/'));
    expect(urlPattern('http://h/a/a/a/a/a/')).toBe(urlPattern('http://h/a/a/a/'));
    expect(urlPattern('http://h/list?page=3&sid=x1')).toBe(urlPattern('http://h/list?sid=y9&page=4'));
    expect(urlPattern('http://h/blog/post-1.html')).not.toBe(urlPattern('http://h/blog/post-2.html'));
  });

  it('admits pages per pattern and per host up to the caps', () => {
    const guard = new TrapGuard(2, 3);
    const first = guard.admit('http://h/cal/1/') as TrapAdmission;
    expect(guard.admit('http://h/cal/2/')).toEqual({ pattern: first.pattern, host: first.host });
    expect(guard.admit('http://h/cal/3/')).toEqual({ limit: 'max-pages-per-pattern', mayFree: true });
    const about = guard.admit('http://h/about') as TrapAdmission;
    expect(about.pattern).not.toBe(first.pattern);
    expect(about.host).toBe(first.host);
    expect(guard.admit('http://h/team')).toEqual({ limit: 'max-pages-per-host', mayFree: true });
    // A URL that proved not to be a page gives its slots back; confirmed pages keep theirs.
    guard.release(about);
    const team = guard.admit('http://h/team') as TrapAdmission;
    expect(team).toEqual({ pattern: expect.any(Number), host: first.host });
    guard.confirm(team);
    expect(guard.admit('http://h/more')).toEqual({ limit: 'max-pages-per-host', mayFree: true });
  });

  it('keeps counting a pattern among tens of thousands', () => {
    const guard = new TrapGuard(2, Number.POSITIVE_INFINITY);
    for (let i = 0; i < 20_000; i++) expect(guard.admit(`http://h/post-${i}.html`)).toHaveProperty('pattern');
    expect(guard.admit('http://h/cal/1/')).toHaveProperty('pattern');
    expect(guard.admit('http://h/cal/2/')).toHaveProperty('pattern');
    expect(guard.admit('http://h/cal/3/')).toEqual({ limit: 'max-pages-per-pattern', mayFree: true });
    expect(guard.admit('http://h/post-7.html')).toHaveProperty('pattern');
    expect(guard.admit('http://h/post-7.html')).toEqual({ limit: 'max-pages-per-pattern', mayFree: true });
  });
});
