import { describe, expect, it } from 'vitest';
import { EMPTY_TEXT, TextArena } from '../../src/results/text-arena.js';

describe('TextArena', () => {
  it('gives back every kind of text exactly: Latin-1, other scripts, astral characters, lone surrogates, long ones', () => {
    const arena = new TextArena();
    const texts = ['Pricing', 'café crème brûlée, 12 €', 'Straße · naïve ÿ', '页面未找到 ☕ 𝄞 emoji 🎉', 'lone \ud800 surrogate', 'x'.repeat(70_000), 'é'.repeat(300), ''];
    const at = texts.map((t) => arena.add(t));
    expect(at.at(-1)).toBe(EMPTY_TEXT);
    expect(at.map((a) => arena.text(a))).toEqual(texts);
  });

  it('grows past its first buffer and keeps what it held', () => {
    const arena = new TextArena();
    const at = Array.from({ length: 20_000 }, (_, i) => arena.add(`link text number ${i}`));
    expect(arena.size).toBeGreaterThan(64 * 1024);
    expect(arena.text(at[0]!)).toBe('link text number 0');
    expect(arena.text(at[19_999]!)).toBe('link text number 19999');
  });

  it('tells equal texts from unequal ones, encoding included, and takes back the last one added', () => {
    const arena = new TextArena();
    const a = arena.add('Home');
    const b = arena.add('Home');
    const c = arena.add('Homé');
    const d = arena.add('Home\u0100');
    expect(arena.same(a, b)).toBe(true);
    expect(arena.same(a, c)).toBe(false);
    expect(arena.same(a, d)).toBe(false);
    expect(arena.same(EMPTY_TEXT, arena.add(''))).toBe(true);
    const size = arena.size;
    arena.undo(arena.add('taken back'));
    expect(arena.size).toBe(size);
    expect(arena.text(arena.add('next'))).toBe('next');
  });
});
