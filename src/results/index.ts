// The results stage: one entry per unique URL (store), counts and exit policy (summary), fix
// hints (suggest). Imports only ../types.js.
export { ResultStore, type EntryVerdict } from './store.js';
export { summarize, exitCode } from './summary.js';
export { addSuggestions } from './suggest.js';
