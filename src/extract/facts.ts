// PageFacts for the soft-404 detector, gathered from the same parser events as the links.
import type { PageFacts } from '../types.js';
import type { Context } from './context.js';
import { TextBuffer, WordCounter } from './text.js';

// The detector sketches up to 8,000 characters of main text and reads the first 4,000 of the
// prose for phrases: more text would only cost parse time on every page.
const TEXT_CAP = 8_000;
const PROSE_CAP = 4_000;
const HEADING_CAP = 200;
const MAX_HEADINGS = 3;
/** Bodies with at most this many words can be a client-rendered shell. */
const APP_SHELL_MAX_WORDS = 40;
/**
 * Words are counted only as far as any reader of PageFacts.wordCount needs (the app-shell check
 * asks for at most 40): counting a long page's every word was a fifth of its parse time.
 */
const WORD_COUNT_CAP = 100;
const MOUNT_IDS = new Set(['root', 'app', '__next', '__nuxt', 'svelte', '___gatsby']);

/** Collects PageFacts from parser events; the Context must already reflect each event. */
export class FactsCollector {
  private lang = '';
  private readonly title = new TextBuffer(HEADING_CAP);
  private titleState: 'before' | 'in' | 'done' = 'before';
  private readonly headings: string[] = [];
  private heading: { name: string; text: TextBuffer } | undefined;
  private readonly main = new TextBuffer(TEXT_CAP);
  // Prose is the main text minus code, tables and quotes; until the first such text it is the
  // main text itself, so most pages collapse their text once, not twice (needs PROSE_CAP <= TEXT_CAP).
  private prose: TextBuffer | undefined;
  private readonly words = new WordCounter(WORD_COUNT_CAP);
  private scriptCount = 0;
  private mount: { depth: number; words: number } | undefined;
  private emptyMount = false;

  constructor(private readonly context: Context) {}

  open(name: string, attribs: Record<string, string>): void {
    if (this.context.inTemplate) return;
    if (name === 'html' && attribs.lang) this.lang = attribs.lang.trim().toLowerCase();
    else if (name === 'title' && this.titleState === 'before' && !this.context.inSvg) this.titleState = 'in';
    else if (name === 'script') this.scriptCount++;
    else if ((name === 'h1' || name === 'h2') && !this.heading && this.headings.length < MAX_HEADINGS) {
      this.heading = { name, text: new TextBuffer(HEADING_CAP) };
    }
    if (!this.mount && !this.emptyMount && (MOUNT_IDS.has(attribs.id ?? '') || 'data-reactroot' in attribs)) {
      this.mount = { depth: this.context.depth, words: this.words.count };
    }
  }

  close(name: string): void {
    if (name === 'title' && this.titleState === 'in') this.titleState = 'done';
    if (this.heading?.name === name) {
      const text = this.heading.text.value();
      if (text !== '') this.headings.push(text);
      this.heading = undefined;
    }
    if (this.mount && this.mount.depth === this.context.depth) {
      this.emptyMount = this.words.count === this.mount.words;
      this.mount = undefined;
    }
  }

  text(data: string): void {
    if (this.titleState === 'in') {
      this.title.add(data);
      return;
    }
    if (!this.context.visible) return;
    this.words.add(data);
    this.heading?.text.add(data);
    if (this.context.inBoilerplate) return;
    if (!this.context.inProse) this.prose ??= this.main.fork(PROSE_CAP);
    else this.prose?.add(data);
    this.main.add(data);
  }

  /** A block boundary: text on either side is two words. */
  separate(): void {
    this.words.separate();
    this.heading?.text.separate();
    this.main.separate();
    this.prose?.separate();
  }

  result(): PageFacts {
    const wordCount = this.words.count;
    return {
      title: this.title.value(),
      headings: this.headings,
      mainText: this.main.value(),
      proseText: this.prose?.value() ?? this.main.value(PROSE_CAP),
      wordCount,
      scriptCount: this.scriptCount,
      appShell: this.emptyMount && this.scriptCount > 0 && wordCount <= APP_SHELL_MAX_WORDS,
      lang: this.lang,
    };
  }
}
