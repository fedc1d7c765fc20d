// `--accept` matchers: exact codes (403) or a class (2xx).

/** True when `status` matches one of the matchers. */
export function acceptsStatus(status: number, accept: readonly string[]): boolean {
  for (const m of accept) {
    if (/^\dxx$/i.test(m) ? Math.floor(status / 100) === Number(m[0]) : Number(m) === status) return true;
  }
  return false;
}

/** The matchers that are not a status code or class, for a usage error. */
export function invalidMatchers(accept: readonly string[]): string[] {
  return accept.filter((m) => !/^(\dxx|\d{3})$/i.test(m));
}
