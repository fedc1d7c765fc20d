// Every timeout a request has, derived from the one total deadline the user sets.

export interface Timeouts {
  /** Whole request: connect, headers and body of one HTTP exchange. */
  totalMs: number;
  connectMs: number;
  headersMs: number;
  /** Longest silence while a body arrives. */
  bodyMs: number;
}

/** Connect is capped at 10 s; an idle body gets half the budget (at most 10 s) so a stall shows as a stall. */
export function deriveTimeouts(totalMs: number): Timeouts {
  const total = Math.max(1, Math.round(totalMs));
  return {
    totalMs: total,
    connectMs: Math.min(total, 10_000),
    headersMs: total,
    bodyMs: Math.max(1, Math.min(Math.round(total / 2), 10_000)),
  };
}
