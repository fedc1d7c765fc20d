// A parser thread: decodes and parses HTML bodies sent by the pool, so parsing runs beside the
// crawl's own thread instead of on it.
import { parentPort } from 'node:worker_threads';
import { decodeHtml } from './decode.js';
import { parsePage } from './html.js';
import { columnBuffers } from './page-links.js';
import { packed, type ParseJob, type ParseReply } from './pool.js';

parentPort?.on('message', (job: ParseJob) => {
  let reply: ParseReply;
  try {
    const body = Buffer.from(job.body.buffer, job.body.byteOffset, job.body.byteLength);
    reply = packed(job.id, parsePage(decodeHtml(body, job.charset), job.url, { links: job.links }));
  } catch (error) {
    reply = { id: job.id, error: String(error) };
  }
  // The link columns are moved, not copied: the thread builds them for this reply only.
  parentPort?.postMessage(reply, 'page' in reply ? columnBuffers(reply.page.links) : []);
});
