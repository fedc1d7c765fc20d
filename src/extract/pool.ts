// HTML parsing on worker threads. Parsing is half of a crawl's CPU; on its own thread it
// overlaps with fetching and with the results work of the crawl's thread, which is the
// bottleneck of a fast crawl. A page comes back as columns (PageLinks: a few arrays, its typed
// ones moved, not copied), so even a small page costs the crawl's thread less to receive than
// to parse. Without the compiled worker (tests run the TypeScript sources) or with 0 threads,
// pages are parsed inline.
//
// A body that owns its memory is moved to the thread, not copied: a copy left behind would live
// on the crawl's thread until its next full collection, and at 100,000 pages those copies were
// 50 MB of the peak. A thread that fails takes nothing down: the bodies it still held are gone
// with it, and their pages come back as lost, with the reason, for the crawl to report; the
// rest are parsed inline. The crawl's thread loads the parser only when it parses a page itself:
// loading htmlparser2 costs every run about 30 ms of CPU.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Handoff } from '../handoff.js';
import type { CrawledPage } from '../types.js';
import { decodeHtml } from './decode.js';

export interface ParseJob {
  id: number;
  body: Uint8Array;
  charset: string | undefined;
  url: string;
  links: boolean;
}

/** A parsed page; `prose` is the length of proseText when it was left out as the start of mainText. */
export type ParseReply = { id: number; page: CrawledPage; prose?: number } | { id: number; error: string };

/**
 * The reply for a parsed page. Most pages' prose text is the start of their main text: it is
 * sent as a length, not as a second copy of up to 4,000 characters to serialize and read back.
 */
export function packed(id: number, page: CrawledPage): ParseReply {
  const { mainText, proseText } = page.facts;
  if (proseText === '' || !mainText.startsWith(proseText)) return { id, page };
  return { id, page: { links: page.links, facts: { ...page.facts, proseText: '' } }, prose: proseText.length };
}

function unpacked(reply: { page: CrawledPage; prose?: number }): CrawledPage {
  if (reply.prose !== undefined) reply.page.facts.proseText = reply.page.facts.mainText.slice(0, reply.prose);
  return reply.page;
}

/** A page whose body went to a thread that failed before answering. */
export interface LostPage {
  lost: string;
}

export interface HtmlParser {
  /**
   * Decodes and parses an HTML body; never rejects. The body is handed over: it may be moved to
   * a parser thread and be empty when this returns. The page comes in a box to take it from, so
   * the promise does not keep it.
   */
  parse(body: Buffer, charset: string | undefined, url: string, links: boolean): Promise<Handoff<CrawledPage | LostPage>>;
  /** Whether pages go to worker threads. */
  readonly threaded: boolean;
  close(): Promise<void>;
}

interface Pending {
  worker: Worker;
  resolve(page: CrawledPage | LostPage): void;
  /** The page parsed here, or lost when its body was moved to the thread. */
  fallback(why: string): Promise<CrawledPage | LostPage>;
}

const WORKER = new URL('./worker.js', import.meta.url);
// A parser keeps nothing between pages; a small old generation makes V8 collect its garbage
// early instead of growing the process by hundreds of MB.
const WORKER_OLD_SPACE_MB = 64;
// Each page's garbage dies before the next page: a small young generation holds it (bench: 14 MB
// less RSS at 10,000 pages, no more CPU).
const WORKER_YOUNG_SPACE_MB = 8;

export function createHtmlParser(threads: number): HtmlParser {
  // parsePage is written never to throw; should it all the same, the page is lost, not the crawl
  // (a throw inside a thread's message handler would be uncaught).
  let html: Promise<typeof import('./html.js')> | undefined;
  const inline = async (body: Buffer, charset: string | undefined, url: string, links: boolean): Promise<CrawledPage | LostPage> => {
    try {
      const { parsePage } = await (html ??= import('./html.js'));
      return parsePage(decodeHtml(body, charset), url, { links });
    } catch (error) {
      return { lost: `its parser failed (${error instanceof Error ? error.message : String(error)})` };
    }
  };
  if (threads <= 0 || !existsSync(fileURLToPath(WORKER))) {
    return { parse: async (...args) => new Handoff(await inline(...args)), threaded: false, close: async () => undefined };
  }
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let live: Worker[] | undefined;

  const settleAll = (worker: Worker, why: string): void => {
    live = live?.filter((w) => w !== worker);
    for (const [id, job] of pending) {
      if (job.worker !== worker) continue;
      pending.delete(id);
      void job.fallback(why).then(job.resolve);
    }
  };

  // Started on the first page: a crawl of a single non-HTML URL never pays for the threads.
  const start = (): Worker[] =>
    Array.from({ length: threads }, () => {
      const worker = new Worker(WORKER, { resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_SPACE_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_SPACE_MB } });
      worker.unref();
      worker.on('message', (reply: ParseReply) => {
        const job = pending.get(reply.id);
        if (!job) return;
        pending.delete(reply.id);
        if ('page' in reply) job.resolve(unpacked(reply));
        else void job.fallback(`its parser failed (${reply.error})`).then(job.resolve);
      });
      worker.on('error', (error) => settleAll(worker, `its parser thread failed (${error.message})`));
      worker.on('exit', () => settleAll(worker, 'its parser thread stopped'));
      return worker;
    });

  return {
    threaded: true,
    async parse(body, charset, url, links) {
      live ??= start();
      const worker = live[nextId % Math.max(1, live.length)];
      if (!worker) return new Handoff(await inline(body, charset, url, links));
      const id = nextId++;
      // A small body shares a slab of Node's buffer pool with others: it is copied.
      const movable = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength && body.buffer instanceof ArrayBuffer;
      return new Promise<Handoff<CrawledPage | LostPage>>((resolve) => {
        const fallback = async (why: string) => (movable ? { lost: why } : inline(body, charset, url, links));
        pending.set(id, { worker, resolve: (page) => resolve(new Handoff(page)), fallback });
        const job: ParseJob = { id, body, charset, url, links };
        worker.postMessage(job, movable ? [body.buffer as ArrayBuffer] : []);
      });
    },
    async close() {
      const workers = live ?? [];
      live = [];
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
