// Output safety shared by every reporter: crawled text (link text, URLs, reasons) is written by
// strangers, so it must not drive the terminal, break a line-based format or run as a formula.

// CSI (ESC [ or 8-bit 0x9b) with its parameter and final bytes; string commands (OSC, DCS, SOS,
// PM, APC, 7- or 8-bit) up to their terminator (BEL, ESC \, ST). OSC 8 hyperlinks are OSC. The
// body stops at the next introducer too, so unterminated strings cost linear time.
const ESCAPES = /(?:\x1b\[|\x9b)[\x20-\x3f]*[\x40-\x7e]?|(?:\x1b[\]PX^_]|[\x90\x98\x9d-\x9f])[^\x07\x1b\x90\x98\x9c-\x9f]*(?:\x07|\x1b\\|\x9c)/g;
const LINE_BREAKS = /[\t\n\v\f\r\x85\u2028\u2029]/g;
const CONTROLS = /[\x00-\x1f\x7f-\x9f]/g;
const CONTROLS_BUT_LINES = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g;
const NEEDS_CLEANING = /[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]/;
// A surrogate without its partner cannot be encoded; UTF-8 writers would turn it into U+FFFD anyway.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// JSON.stringify escapes C0 controls but writes DEL, C1 controls and line separators raw.
const JSON_RAW_CONTROLS = /[\x7f-\x9f\u2028\u2029]/g;
const RAW_CONTROL = /[\x7f-\x9f\u2028\u2029]/;
const FORMULA_START = /^[=+\-@\t\r]/;
const CSV_QUOTE = /"/g;
const HTML_SPECIAL = /[&<>"']/g;
const NOT_XML_CHAR = /[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Makes text safe for one line of output: removes ANSI/OSC escape sequences and C0/C1 control
 * characters, turns tabs and line breaks into spaces and lone surrogates into U+FFFD.
 */
export function stripControl(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text;
  return text.replace(ESCAPES, '').replace(LINE_BREAKS, ' ').replace(CONTROLS, '').replace(LONE_SURROGATE, '\ufffd');
}

// Like stripControl, but keeps tab, LF and CR for formats where a field may span lines.
function stripKeepingLines(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text;
  return text.replace(ESCAPES, '').replace(CONTROLS_BUT_LINES, '').replace(LONE_SURROGATE, '\ufffd');
}

/** stripControl, then cut to at most `max` characters (code points), ending in '…' when cut. */
export function safeText(text: string, max = 200): string {
  const clean = stripControl(text);
  if (clean.length <= max) return clean;
  const points = Array.from(clean);
  if (points.length <= max) return clean;
  return points.slice(0, Math.max(0, max - 1)).join('') + '…';
}

/**
 * One CSV cell, always quoted: control characters stripped, quotes doubled, and a `'` put in
 * front of a leading = + - @ (or tab/CR) so spreadsheets do not run the cell as a formula.
 */
export function csvCell(text: string): string {
  const clean = stripControl(text);
  const guarded = FORMULA_START.test(text) || FORMULA_START.test(clean) ? `'${clean}` : clean;
  return `"${guarded.replace(CSV_QUOTE, '""')}"`;
}

/** Text for HTML content or a quoted attribute: markup escaped, escape sequences and controls removed. */
export function htmlEscape(text: string): string {
  return stripKeepingLines(text).replace(HTML_SPECIAL, (c) => ENTITIES[c] ?? c);
}

/**
 * Text for XML content or a quoted attribute: markup escaped, escape sequences removed, and
 * every character XML 1.0 does not allow (controls, lone surrogates, U+FFFE/U+FFFF) dropped;
 * C1 controls are dropped too, since XML 1.0 only discourages them.
 */
export function xmlEscape(text: string): string {
  return stripKeepingLines(text).replace(NOT_XML_CHAR, '').replace(HTML_SPECIAL, (c) => ENTITIES[c] ?? c);
}

/**
 * JSON text with no raw control character: DEL, C1 (an 8-bit CSI or OSC drives some terminals)
 * and U+2028/2029 become \uXXXX escapes. Outside strings JSON holds none of them, so the text
 * parses back to the same value.
 */
export function jsonStringify(value: unknown, indent?: number): string {
  const json = JSON.stringify(value, null, indent);
  // Testing first is 5x faster than a replace that finds nothing, the usual case on big reports.
  return RAW_CONTROL.test(json) ? json.replace(JSON_RAW_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}
