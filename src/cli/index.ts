// The command-line shell over the library.
export { main, statsLine, type CliIo } from './main.js';
