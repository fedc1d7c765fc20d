// windows-1252 by hand: Node's TextDecoder maps 0x80–0x9F to C1 controls (as ISO-8859-1 does)
// instead of the characters the WHATWG Encoding table gives (€, „, “, …).

const HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';
const C1 = /[\x80-\x9f]/g;

/** Decodes windows-1252 bytes (also what the labels latin1 and iso-8859-1 mean on the web). */
export function decodeWindows1252(body: Buffer): string {
  return body.toString('latin1').replace(C1, (c) => HIGH[c.charCodeAt(0) - 0x80]!);
}
