// JSON bodies that are error objects: {"error":"Not found"}, {"status":404}, {"errors":[{"code":
// "not_found"}]}, {"detail":"Not found."} … A real resource with `"error": null`, an empty list
// or an array is not one. The shape (sorted top-level keys) lets a probe's body be compared.

export interface JsonError {
  /** 'not-found' when the body says so; 'error' for an error object that does not say what. */
  kind: 'not-found' | 'error';
  evidence: string;
  shape: string;
}

const STATUS_KEYS = ['status', 'statuscode', 'status_code', 'code', 'httpstatus', 'http_status', 'errorcode', 'error_code', 'reason'];
const MESSAGE_KEYS = ['error', 'message', 'detail', 'details', 'error_description', 'errormessage', 'error_message', 'msg', 'reason'];
const RESOURCE_KEYS = ['id', '_id', 'uuid', 'slug', 'sku', 'name', 'created_at', 'createdat', 'url'];
/** Error bodies are small; an object with more keys is a resource that happens to mention one. */
const MAX_ERROR_KEYS = 7;
const DATA_KEYS = ['data', 'result', 'results', 'items', 'item', 'records', 'payload', 'content'];
const NOT_FOUND_CODE = /^(?:404|410|not[-_ ]?found|resource[-_ ]?not[-_ ]?found|no[-_ ]?such[-_ ]?\w+|\w+[-_]?not[-_]?found|gone)$/i;
const NOT_FOUND_TEXT = /\bnot[\s_-]?found\b|\b(?:does not|doesn't|do not|did not) exist\b|\bno such\b|\bcould not be found\b|\bcannot be found\b|\bunknown (?:resource|id|route|endpoint|path)\b|\bno \w+ (?:found|with (?:that|this|the given) id)\b|\bnot exist/i;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The error object in a JSON body, or undefined when it looks like a real resource. */
export function jsonError(text: string): JsonError | undefined {
  let value: Json;
  try {
    value = JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
  if (!isObject(value)) return undefined;
  const shape = jsonShape(value);
  const found = describe(value, 0);
  if (!found) return undefined;
  return { kind: found.kind, evidence: `JSON body ${found.what}`, shape };
}

/** Sorted top-level keys: two bodies built by the same handler share it. */
export function jsonShape(value: unknown): string {
  if (!isObject(value as Json)) return Array.isArray(value) ? '[]' : typeof value;
  return Object.keys(value as object).sort().join(',');
}

function describe(obj: { [key: string]: Json }, depth: number): { kind: JsonError['kind']; what: string } | undefined {
  const lower = new Map(Object.entries(obj).map(([k, v]) => [k.toLowerCase(), [k, v] as const]));
  if (hasData(lower) || lower.size > MAX_ERROR_KEYS) return undefined;
  for (const key of STATUS_KEYS) {
    const entry = lower.get(key);
    if (entry && (typeof entry[1] === 'number' || typeof entry[1] === 'string') && NOT_FOUND_CODE.test(String(entry[1]).trim())) {
      return { kind: 'not-found', what: `${entry[0]}: ${JSON.stringify(entry[1])}` };
    }
  }
  if (RESOURCE_KEYS.some((key) => isPresent(lower.get(key)?.[1]))) return undefined;
  for (const key of MESSAGE_KEYS) {
    const entry = lower.get(key);
    if (entry && typeof entry[1] === 'string' && NOT_FOUND_TEXT.test(entry[1])) {
      return { kind: 'not-found', what: `${entry[0]}: ${JSON.stringify(entry[1].slice(0, 60))}` };
    }
  }
  if (depth === 0) {
    for (const key of ['error', 'errors']) {
      const nested = lower.get(key)?.[1];
      const inner = Array.isArray(nested) ? nested.find(isObject) : nested;
      if (inner && isObject(inner)) {
        const found = describe(inner, 1);
        if (found) return { kind: found.kind, what: `${lower.get(key)![0]}: ${found.what}` };
      }
    }
  }
  return genericError(lower, depth);
}

function genericError(lower: Map<string, readonly [string, Json]>, depth: number): { kind: 'error'; what: string } | undefined {
  if (depth > 0) return undefined;
  const error = lower.get('error') ?? lower.get('errors');
  if (error && isPresent(error[1])) return { kind: 'error', what: `${error[0]}: ${JSON.stringify(error[1]).slice(0, 60)}` };
  const status = lower.get('status') ?? lower.get('success') ?? lower.get('ok');
  if (status && (status[1] === 'error' || status[1] === 'fail' || status[1] === false) && lower.size <= 4) {
    return { kind: 'error', what: `${status[0]}: ${JSON.stringify(status[1])}` };
  }
  return undefined;
}

function hasData(lower: Map<string, readonly [string, Json]>): boolean {
  return DATA_KEYS.some((key) => {
    const entry = lower.get(key);
    return entry !== undefined && isPresent(entry[1]) && !(Array.isArray(entry[1]) && entry[1].length === 0);
  });
}

function isPresent(value: Json | undefined): boolean {
  if (value === null || value === undefined || value === false || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isObject(value)) return Object.keys(value).length > 0;
  return true;
}

function isObject(value: Json): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
