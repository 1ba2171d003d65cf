import { DomainError } from '../../domain/errors';
import { AzureAuthFailed } from './errors';

interface HeaderBag {
  get(name: string): string | null;
}

/** Why a request got no HTTP answer at all: what an operator checks differs for each. */
export type NetworkCause = 'dns' | 'refused' | 'timeout' | 'tls' | 'reset' | 'unreachable' | 'other';

export type AzureFailure =
  | { kind: 'abort' }
  | { kind: 'auth'; error: AzureAuthFailed }
  /** `network` (with the system error's code when there is one) when no HTTP answer came back. */
  | { kind: 'transient'; status?: number; headers?: HeaderBag; network?: { cause: NetworkCause; code?: string } }
  | { kind: 'content_filter' }
  /** `code` tells a refused parameter (`unsupported_parameter`) from a refused value of it. */
  | { kind: 'unsupported'; status: number; param: string; code: string; message: string }
  | { kind: 'missing'; status: number; message: string }
  | { kind: 'unauthorized'; status: number; message: string }
  | { kind: 'rejected'; status: number; message: string }
  | { kind: 'unknown' };

const TRANSIENT = new Set([408, 409, 429, 500, 502, 503, 504]);

function field(value: unknown, key: string): unknown {
  return value && typeof value === 'object' && key in value ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * Node's and undici's codes for a request that got no answer, by what to check. openai-node wraps
 * the fetch failure as APIConnectionError with the `TypeError: fetch failed` as `cause`, whose own
 * `cause` carries the system error's code (openai-node `src/client.ts`, makeRequest); a timeout is
 * APIConnectionTimeoutError. TLS codes are OpenSSL's (https://nodejs.org/api/errors.html#openssl-errors).
 */
const NETWORK_CODES: ReadonlyArray<[NetworkCause, RegExp]> = [
  ['dns', /^(ENOTFOUND|EAI_AGAIN|EAI_FAIL|EAI_NONAME|EAI_NODATA)$/],
  ['refused', /^ECONNREFUSED$/],
  ['timeout', /^(ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT)$/],
  ['tls', /^(ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|EPROTO$)/],
  ['reset', /^(ECONNRESET|EPIPE|UND_ERR_SOCKET|ECONNABORTED)$/],
  ['unreachable', /^(EHOSTUNREACH|ENETUNREACH|ENETDOWN|EHOSTDOWN)$/],
];

function networkCause(error: unknown, timedOut: boolean): { cause: NetworkCause; code?: string } {
  for (let e = field(error, 'cause'), depth = 0; e && depth < 5; e = field(e, 'cause'), depth++) {
    const code = field(e, 'code');
    if (typeof code !== 'string') continue;
    const known = NETWORK_CODES.find(([, pattern]) => pattern.test(code));
    return { cause: known ? known[0] : timedOut ? 'timeout' : 'other', code };
  }
  return { cause: timedOut ? 'timeout' : 'other' };
}

/** Our token provider's failure, wherever the SDK wrapped it (it re-throws with `cause`). */
function authCause(error: unknown): AzureAuthFailed | undefined {
  for (let e = error, depth = 0; e && depth < 5; e = field(e, 'cause'), depth++) {
    if (e instanceof AzureAuthFailed) return e;
  }
  return undefined;
}

/** A code as text: Azure sends codes as strings ("429", "content_filter") or numbers; anything else is no code. */
const scalarText = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

/** Azure's message without its boilerplate link, kept short for logs and error events. */
function messageOf(error: unknown): string {
  const body = field(error, 'error');
  const message = field(body, 'message');
  const text = typeof message === 'string' ? message : error instanceof Error ? error.message : String(error);
  return text.split(/ To learn more| Please go here/)[0]!.slice(0, 300);
}

/** Codes naming a parameter (or its value) the deployment does not take; the request is fine without it. */
const REFUSED_PARAM_CODES = new Set(['unsupported_parameter', 'unsupported_value', 'invalid_value']);

/**
 * The parameter a 400 says this deployment does not take: `param` with one of the codes above
 * (OpenAI's "Unsupported value: 'reasoning_effort' does not support 'minimal' with this model"),
 * or Azure's older "Unrecognized request argument supplied: <name>" with no code at all.
 */
function refusedParam(error: unknown, code: string, message: string): { param: string; code: string } | undefined {
  const param = field(error, 'param');
  if (REFUSED_PARAM_CODES.has(code) && typeof param === 'string' && param) return { param, code };
  const unrecognized = /Unrecognized request argument supplied: ([A-Za-z_]+)/.exec(message)?.[1];
  // The parameter itself is unknown to this deployment, whatever its value.
  return unrecognized ? { param: unrecognized, code: 'unsupported_parameter' } : undefined;
}

/**
 * Sorts an openai SDK error (matched by shape, so the SDK need not be loaded to classify) into
 * what the adapters do about it. Azure's bodies: https://learn.microsoft.com/azure/ai-foundry/openai/reference.
 */
export function classifyAzureError(error: unknown): AzureFailure {
  const auth = authCause(error);
  if (auth) return { kind: 'auth', error: auth };
  // Already translated (our own errors carry an HTTP status too).
  if (error instanceof DomainError) return { kind: 'unknown' };
  const name = error instanceof Error ? error.constructor.name : '';
  if (name === 'APIUserAbortError' || (error instanceof Error && error.name === 'AbortError')) return { kind: 'abort' };
  if (name === 'APIConnectionError' || name === 'APIConnectionTimeoutError')
    return { kind: 'transient', network: networkCause(error, name === 'APIConnectionTimeoutError') };
  const status = field(error, 'status');
  if (typeof status !== 'number') return { kind: 'unknown' };
  const headers = field(error, 'headers') as HeaderBag | undefined;
  const code = scalarText(field(error, 'code'));
  const inner = scalarText(field(field(field(error, 'error'), 'innererror'), 'code'));
  const message = messageOf(error);
  // A refusal is known by its body, whatever the status it came with: Learn documents the bodies,
  // not the status (https://learn.microsoft.com/azure/foundry/openai/concepts/content-filter), and
  // a filtered prompt must never be retried as if it were a 5xx or read as a credentials problem.
  if (code === 'content_filter' || inner === 'ResponsibleAIPolicyViolation') return { kind: 'content_filter' };
  if (TRANSIENT.has(status)) return { kind: 'transient', status, ...(headers ? { headers } : {}) };
  if (status === 401 || status === 403) return { kind: 'unauthorized', status, message };
  if (status === 404) return { kind: 'missing', status, message };
  const refused = refusedParam(error, code, message);
  if (status === 400 && refused) return { kind: 'unsupported', status, ...refused, message };
  if (status >= 500) return { kind: 'transient', status, ...(headers ? { headers } : {}) };
  return { kind: 'rejected', status, message };
}
