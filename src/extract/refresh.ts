// The URL of `<meta http-equiv=refresh content="5; url=/next">`, after the HTML spec's
// "shared declarative refresh steps": a delay, a separator, an optional `url=`, optional quotes.

const REFRESH = /^\s*[\d.]+\s*(?:[;,]\s*(?:url\s*=\s*)?)?(.*)$/is;

/** The URL of a refresh declaration, or undefined when it only reloads the page. */
export function refreshUrl(content: string): string | undefined {
  const match = REFRESH.exec(content);
  let target = match?.[1]?.trim();
  if (!target) return undefined;
  const quote = target[0];
  if (quote === '"' || quote === "'") {
    const close = target.indexOf(quote, 1);
    target = target.slice(1, close < 0 ? undefined : close).trim();
  }
  return target === '' ? undefined : target;
}
