// The detector's own records (src/types.ts holds those that flow between stages).
import type { Hop, PageFacts, Soft404Finding } from '../../types.js';

/** What the linking element expects to load. */
export type Expects = 'page' | 'image' | 'script' | 'style' | 'media' | 'other';

/** One URL whose redirect chain ended in 2xx. */
export interface Soft404Input {
  /** Requested URL (normalized, no fragment). */
  url: string;
  /** URL of the final response. */
  finalUrl: string;
  redirects: Hop[];
  /** Final status (2xx). */
  status: number;
  /** Final MIME type, lower-case, no parameters. */
  mime: string;
  /** Present when the final response was HTML and parsed. */
  facts?: PageFacts;
  /** Body text (capped) of an application/json or +json answer. */
  jsonText?: string;
  expects?: Expects;
  internal: boolean;
}

/** A probe's answer: like a crawl result, without a body. status null = no response. */
export interface ProbeResult {
  status: number | null;
  finalUrl: string;
  redirects: Hop[];
  mime: string;
  facts?: PageFacts;
  jsonText?: string;
}

/** Fetches a URL as the crawl does (same limits and politeness); never rejects. */
export type Probe = (url: string) => Promise<ProbeResult>;

/**
 * soft404 true: category soft-404 with `finding`. soft404 false with a finding: suspected (a
 * warning on an ok entry). `notes`: remarks such as "requires sign-in".
 */
export interface Soft404Judgement {
  soft404: boolean;
  finding?: Soft404Finding;
  notes?: string[];
}

export interface Soft404Options {
  /** Confidence at or above which a URL is soft-404 (e.g. 0.8). */
  threshold: number;
  /** Without a probe function, no baseline probes are made. */
  probe?: Probe;
  /** Phrase lines added to the shipped list (e.g. the result of loadPhrases(userFile)). */
  extraPhrases?: string[];
  /** Probes per internal origin at most (default 20). */
  maxProbesPerHost?: number;
  /** Probes per other origin at most (default 2). */
  maxProbesForeignHost?: number;
  /** Which origins count as internal for the probe budget (default: none). */
  isInternalOrigin?: (origin: string) => boolean;
  /** Random probe names (default: 24 random letters and digits). */
  random?: () => string;
}

/** One piece of evidence: `weight` for or against a soft 404. */
export interface Signal {
  weight: number;
  evidence: string;
}
