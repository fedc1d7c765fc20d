import { describe, expect, it } from 'vitest';
import { csvCell, htmlEscape, jsonStringify, safeText, stripControl, xmlEscape } from '../../src/report/index.js';

const ESC = '\u001b';

describe('stripControl', () => {
  it('leaves ordinary text alone, including non-Latin and emoji', () => {
    const text = 'Über uns — 日本語 👋 "quoted" <a>';
    expect(stripControl(text)).toBe(text);
  });

  it('removes CSI sequences, 7-bit and 8-bit', () => {
    expect(stripControl(`${ESC}[31mred${ESC}[0m ${ESC}[2J${ESC}[1;1Hclear \u009b33mx`)).toBe('red clear x');
  });

  it('removes OSC 8 hyperlinks with either terminator, keeping the visible text', () => {
    expect(stripControl(`${ESC}]8;;https://evil.test/${ESC}\\click${ESC}]8;;${ESC}\\`)).toBe('click');
    expect(stripControl(`${ESC}]8;;https://evil.test/\u0007click${ESC}]8;;\u0007`)).toBe('click');
    expect(stripControl(`${ESC}]0;new window title\u0007text`)).toBe('text');
    expect(stripControl('\u009d8;;https://evil.test/\u009cclick')).toBe('click');
  });

  it('removes string commands (DCS, APC) and lone or unterminated escapes', () => {
    expect(stripControl(`a${ESC}Pq#0;2;0;0;0${ESC}\\b${ESC}_hidden${ESC}\\c`)).toBe('abc');
    expect(stripControl(`lone ${ESC} escape ${ESC}c`)).toBe('lone  escape c');
    const unterminated = stripControl(`${ESC}]8;;https://evil.test/ text`);
    expect(unterminated).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it('removes C0 and C1 controls and DEL, and turns line breaks and tabs into spaces', () => {
    expect(stripControl('a\u0000b\u0007c\u007fd\u0085e\u0090f\u0099g')).toBe('abcd efg');
    expect(stripControl('line1\nline2\r\nline3\tend\u2028x')).toBe('line1 line2  line3 end x');
  });

  it('turns lone surrogates into U+FFFD and keeps pairs', () => {
    expect(stripControl('a\ud800b\udc00c 😀 \ud83d')).toBe('a\ufffdb\ufffdc 😀 \ufffd');
    expect(htmlEscape('x\udfff')).toBe('x\ufffd');
  });

  it('stays fast on long hostile input', () => {
    const hostile = '\u009d'.repeat(50_000) + `${ESC}]`.repeat(50_000);
    const started = performance.now();
    expect(stripControl(hostile)).toBe(']'.repeat(50_000));
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('jsonStringify', () => {
  it('escapes DEL, C1 controls and line separators that JSON.stringify leaves raw, and parses back', () => {
    const value = { text: 'a\x7fb\x9b2Jc\x9d0;t\x9cd\u2028e\x1bf' };
    const json = jsonStringify(value, 2);
    expect(json).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]/);
    expect(json).toContain('\\u009b2J');
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('safeText', () => {
  it('strips, then cuts with an ellipsis within the limit', () => {
    expect(safeText(`${ESC}[1mabcdef`, 4)).toBe('abc…');
    expect(safeText('abcd', 4)).toBe('abcd');
  });

  it('never splits a surrogate pair', () => {
    expect(safeText('👋👋👋👋', 3)).toBe('👋👋…');
    expect(safeText('👋👋', 2)).toBe('👋👋');
  });
});

describe('csvCell', () => {
  it('quotes every cell and doubles quotes', () => {
    expect(csvCell('plain')).toBe('"plain"');
    expect(csvCell('say "hi", ok')).toBe('"say ""hi"", ok"');
  });

  it.each(['=HYPERLINK("http://evil.test")', '+1+1', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1'])('neutralises the formula %j', (text) => {
    const cell = csvCell(text);
    expect(cell.startsWith(`"'`)).toBe(true);
    expect(cell).not.toMatch(/[\t\r\n]/);
  });

  it('keeps a cell on one line', () => {
    expect(csvCell('a\nb')).toBe('"a b"');
  });
});

describe('htmlEscape', () => {
  it('escapes markup and drops escape sequences and controls', () => {
    expect(htmlEscape(`<script>alert('x' & "y")</script>`)).toBe('&lt;script&gt;alert(&#39;x&#39; &amp; &quot;y&quot;)&lt;/script&gt;');
    expect(htmlEscape(`${ESC}[31mred\u0000\nnext`)).toBe('red\nnext');
  });
});

describe('xmlEscape', () => {
  it('escapes markup, drops every character XML 1.0 forbids and mends lone surrogates', () => {
    expect(xmlEscape(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
    expect(xmlEscape('a\u0001b\u0008c\uFFFEd\uFFFFe\ud800f\udc00g\u0085h')).toBe('abcde\ufffdf\ufffdgh');
    expect(xmlEscape(`${ESC}[1mbold${ESC}[0m`)).toBe('bold');
  });

  it('keeps tabs, line breaks, astral characters and valid surrogate pairs', () => {
    expect(xmlEscape('a\tb\nc\rd 😀 \u{10ffff}')).toBe('a\tb\nc\rd 😀 \u{10ffff}');
  });
});
