// Offsets become line numbers in one forward scan over the text, however many links a page
// has: counting newlines from the start for each link would be quadratic on big pages.

/** 1-based line (plus firstLine - 1) of each offset, in the order given. */
export function offsetsToLines(text: string, offsets: readonly number[], firstLine = 1): number[] {
  const lines = new Array<number>(offsets.length);
  const order = offsets.map((_, i) => i);
  if (!isSorted(offsets)) order.sort((a, b) => offsets[a]! - offsets[b]!);
  let line = firstLine;
  let newline = text.indexOf('\n');
  for (const index of order) {
    const offset = offsets[index]!;
    while (newline !== -1 && newline < offset) {
      line++;
      newline = text.indexOf('\n', newline + 1);
    }
    lines[index] = line;
  }
  return lines;
}

function isSorted(values: readonly number[]): boolean {
  for (let i = 1; i < values.length; i++) if (values[i]! < values[i - 1]!) return false;
  return true;
}
