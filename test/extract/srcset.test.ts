import { describe, expect, it } from 'vitest';
import { parseSrcset } from '../../src/extract/index.js';

describe('parseSrcset', () => {
  it('splits candidates with width and density descriptors', () => {
    expect(parseSrcset('a.png 1x, b.png 2x,c.png 3x')).toEqual(['a.png', 'b.png', 'c.png']);
    expect(parseSrcset('  small.jpg 480w,\n  large.jpg 1080w  ')).toEqual(['small.jpg', 'large.jpg']);
  });

  it('keeps commas that belong to a URL and skips data: URLs', () => {
    expect(parseSrcset('img,v=1.png 1x, data:image/png;base64,AAA,BBB 2x, /x.png')).toEqual(['img,v=1.png', '/x.png']);
    expect(parseSrcset('a.png,b.png')).toEqual(['a.png,b.png']);
    expect(parseSrcset('a.png, b.png')).toEqual(['a.png', 'b.png']);
  });

  it('handles parenthesised descriptors and empty values', () => {
    expect(parseSrcset('a.png (future, thing), b.png 2x')).toEqual(['a.png', 'b.png']);
    expect(parseSrcset('')).toEqual([]);
    expect(parseSrcset(' , ,')).toEqual([]);
  });
});
