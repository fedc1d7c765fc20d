// The srcset grammar of the HTML spec ("parse a srcset attribute"), reduced to the URLs:
// a URL is a run of non-space characters, so commas inside it (data: URLs) do not split it;
// descriptors end at a comma outside parentheses.

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;

/** URLs of the candidates of a srcset value, in order; data: URLs are left out. */
export function parseSrcset(value: string): string[] {
  const urls: string[] = [];
  const n = value.length;
  let pos = 0;
  while (pos < n) {
    while (pos < n && (isSpace(value.charCodeAt(pos)) || value.charCodeAt(pos) === 0x2c)) pos++;
    if (pos >= n) break;
    const start = pos;
    while (pos < n && !isSpace(value.charCodeAt(pos))) pos++;
    let end = pos;
    if (value.charCodeAt(end - 1) === 0x2c) {
      while (end > start && value.charCodeAt(end - 1) === 0x2c) end--;
    } else {
      pos = skipDescriptors(value, pos);
    }
    const candidate = value.slice(start, end);
    if (candidate !== '' && !/^data:/i.test(candidate)) urls.push(candidate);
  }
  return urls;
}

function skipDescriptors(value: string, from: number): number {
  let inParens = false;
  for (let pos = from; pos < value.length; pos++) {
    const c = value.charCodeAt(pos);
    if (c === 0x28) inParens = true;
    else if (c === 0x29) inParens = false;
    else if (c === 0x2c && !inParens) return pos + 1;
  }
  return value.length;
}
