// The classify stage: outcome → category, and the soft-404 detector.
export { classify } from './classify.js';
export { acceptsStatus, invalidMatchers } from './accept.js';
export * from './soft404/index.js';
