import { describe, expect, it } from 'vitest';
import { RobotsCache } from '../../src/crawl/robots.js';

const ORIGIN = 'http://site.test';
const rulesFor = (text: string) => new RobotsCache(async () => text).forOrigin(ORIGIN);
const allowedPaths = async (text: string, paths: string[]) => {
  const rules = await rulesFor(text);
  return paths.filter((path) => rules.isAllowed(`${ORIGIN}${path}`));
};

describe('robots.txt rules', () => {
  it('a robots.txt without a Disallow path allows every URL', async () => {
    const paths = ['/', '/private/x', '/a?b=c'];
    for (const text of ['User-agent: *\nAllow: /\n', 'User-agent: *\nDisallow:\n', 'User-agent: *\nDisallow: # nothing\n', '# only a comment\n', ''])
      expect(await allowedPaths(text, paths)).toEqual(paths);
  });

  it('Disallow paths are honoured however the line is spelled', async () => {
    expect(await allowedPaths('User-agent: *\nDisallow:/private\n', ['/private/x', '/public'])).toEqual(['/public']);
    expect(await allowedPaths('User-agent: linkhound\r\n  DISALLOW : /x # ours\r\n', ['/x/1', '/y'])).toEqual(['/y']);
    expect(await allowedPaths('\uFEFFDisallow: /\n', ['/a'])).toEqual(['/a']);
    expect(await allowedPaths('User-agent: *\n\uFEFFDisallow: /a\n', ['/a', '/b'])).toEqual(['/b']);
  });

  it('rules for other agents do not apply to linkhound', async () => {
    expect(await allowedPaths('User-agent: otherbot\nDisallow: /\n', ['/a'])).toEqual(['/a']);
    expect(await allowedPaths('User-agent: otherbot\nDisallow: /\n\nUser-agent: *\nDisallow: /b\n', ['/a', '/b'])).toEqual(['/a']);
  });

  it('Crawl-delay is read, capped at 30 s', async () => {
    expect((await rulesFor('User-agent: *\nCrawl-delay: 2\n')).crawlDelayMs).toBe(2000);
    expect((await rulesFor('User-agent: *\nCrawl-delay: 90\nDisallow: /x\n')).crawlDelayMs).toBe(30_000);
  });
});
