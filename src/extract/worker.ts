// A parser thread: decodes and parses HTML bodies sent by the pool, so parsing runs beside the
// crawl's own thread instead of on it.
import { parentPort } from 'node:worker_threads';
import { decodeHtml } from './decode.js';
import { parseHtml } from './html.js';
import type { ParseJob, ParseReply } from './pool.js';

parentPort?.on('message', (job: ParseJob) => {
  let reply: ParseReply;
  try {
    const body = Buffer.from(job.body.buffer, job.body.byteOffset, job.body.byteLength);
    reply = { id: job.id, page: parseHtml(decodeHtml(body, job.charset), job.url, { links: job.links }) };
  } catch (error) {
    reply = { id: job.id, error: String(error) };
  }
  parentPort?.postMessage(reply);
});
