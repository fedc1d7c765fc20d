// The soft-404 detector. Parts: detector (entry), content + markers + phrases (what a page says),
// redirect-shape + url-shape (where a chain ended), json-error, probes + probe-url + probe-signals
// (baseline probes), minhash + features (sketches). Imports only ../../types.js,
// ../../url.js and its own files.
export { createSoft404Detector } from './detector.js';
export { loadPhrases } from './phrases.js';
export type { Expects, Probe, ProbeResult, Soft404Input, Soft404Judgement, Soft404Options } from './types.js';
