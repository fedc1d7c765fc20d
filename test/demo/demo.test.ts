import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Category, Report } from '../../src/types.js';

const DEMO = fileURLToPath(new URL('../../bin/demo.js', import.meta.url));

function runDemo(): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [DEMO, '--format', 'json'], { timeout: 15_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

describe('bin/demo.js', () => {
  it('finds every category on the demo site and exits 0', async () => {
    const { code, stdout, stderr } = await runDemo();
    expect(stderr).toContain('demo: every category shown; linkhound exit code 1');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    const site = new URL(report.roots[0]!).origin;
    const external = new URL(report.links.find((l) => !l.internal && l.url.startsWith('http://'))!.url).origin;
    const category = (url: string): Category | undefined => report.links.find((l) => l.url === url)?.category;

    expect(category(`${site}/about.html`)).toBe('ok');
    expect(category(`${site}/images/hound.png`)).toBe('ok');
    expect(category(`${site}/images/paws.png`)).toBe('ok');
    expect(category(`${site}/old-about`)).toBe('redirect');
    expect(category(`${site}/team.html`)).toBe('not-found');
    expect(category(`${site}/images/team-photo.jpg`)).toBe('not-found');
    expect(category(`${site}/retired-page`)).toBe('gone');
    expect(category(`${site}/old-offer`)).toBe('soft-404');
    expect(category(`${site}/offers/spring-sale`)).toBe('soft-404');
    expect(category(`${site}/members`)).toBe('blocked');
    expect(category(`${site}/slow`)).toBe('error');
    expect(category('mailto:woof@hound.example')).toBe('skipped');
    expect(external).not.toBe(site);
    expect(category(`${external}/`)).toBe('ok');
    expect(category(`${external}/members/hound-and-co`)).toBe('not-found');
    expect(report.summary.broken).toBeGreaterThan(0);
  }, 20_000);
});
