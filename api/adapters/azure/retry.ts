import type { NetworkCause } from './classify-error';

/** How long to wait between attempts, and for how many attempts (docs/pitfalls.md 4.2). */
export interface RetryPolicy {
  /** Total attempts, including the first. */
  attempts: number;
  /** First backoff step when Azure gives no retry header; doubles per attempt. */
  baseDelayMs: number;
  /** Longest wait we accept; when Azure asks for more we fail fast with a retryable error. */
  maxDelayMs: number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  random(): number;
}

/** The abort's reason as an Error (an AbortSignal's default reason is a DOMException "AbortError"). */
export const abortReason = (signal: AbortSignal | undefined): Error =>
  signal?.reason instanceof Error ? signal.reason : new DOMException('This operation was aborted', 'AbortError');

export const abortableSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export function defaultRetryPolicy(attempts: number): RetryPolicy {
  return { attempts, baseDelayMs: 800, maxDelayMs: 20_000, sleep: abortableSleep, random: Math.random };
}

interface HeaderBag {
  get(name: string): string | null;
}

/**
 * Azure's own advice first: `retry-after-ms`, then `retry-after` (seconds or an HTTP date), as
 * openai-node does (https://learn.microsoft.com/azure/ai-foundry/openai/quotas-limits).
 */
export function advisedDelayMs(headers: HeaderBag | undefined, now = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const after = headers?.get('retry-after');
  if (!after) return undefined;
  const seconds = Number.parseFloat(after);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(after);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/**
 * The wait before attempt `attempt + 1`: Azure's advice when given, else exponential backoff; plus
 * jitter either way so concurrent callers don't retry in lock-step (sub-minute bursts, docs/pitfalls.md 4.2).
 */
export function backoffDelayMs(attempt: number, headers: HeaderBag | undefined, policy: RetryPolicy): number {
  const jitter = policy.random() * Math.min(250, policy.baseDelayMs);
  const advised = advisedDelayMs(headers);
  if (advised !== undefined) return Math.round(advised + jitter);
  return Math.round(Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1)) + jitter);
}

/** "Azure is busy — retrying in 3 s…": shown next to the typing dots while we wait. */
export function busyMessage(status: number | undefined, delayMs: number, unreachable = false): string {
  const seconds = Math.max(1, Math.ceil(delayMs / 1000));
  const what = unreachable ? 'Could not reach Azure' : status === 429 ? 'Azure is busy' : 'Azure did not answer';
  return `${what} — retrying in ${seconds} s…`;
}

/** What to check for each reason a request got no HTTP answer (a DNS failure is not "busy"). */
const NETWORK_ADVICE: Readonly<Record<NetworkCause, string>> = {
  dns: 'its host name did not resolve (DNS). Check the host in AZURE_OPENAI_ENDPOINT and, behind a private endpoint, that this network resolves it (the private DNS zone is linked)',
  refused:
    'the connection was refused. Check the host and port in AZURE_OPENAI_ENDPOINT, and that nothing in between refuses connections',
  timeout:
    "it did not answer in time. Check that a firewall, a proxy or the resource's network rules let this machine through (a private endpoint needs this network), or raise AZURE_OPENAI_TIMEOUT_MS",
  tls: "the TLS handshake failed. Check that AZURE_OPENAI_ENDPOINT is the resource's https:// address and that no proxy replaces its certificate",
  reset: 'the connection was cut off. A firewall or proxy between here and Azure may be dropping it',
  unreachable: "this machine has no route to it. Check this machine's network and firewall",
  other: 'the request got no answer. Check AZURE_OPENAI_ENDPOINT and the network between here and Azure',
};

const attemptsText = (n: number) => (n === 1 ? 'the only attempt' : `all ${n} attempts`);

/**
 * The retryable error's message once every attempt failed: a network failure names its cause and
 * what to check (with the system error's code), a refusal by Azure its status.
 */
export function exhaustedMessage(
  failure: { status?: number; network?: { cause: NetworkCause; code?: string } },
  attempts: number,
): string {
  if (failure.network) {
    const { cause, code } = failure.network;
    return `Could not reach Azure OpenAI (${code ? `${code}, ` : ''}${attemptsText(attempts)}): ${NETWORK_ADVICE[cause]}.`;
  }
  if (failure.status === 429)
    return `Azure OpenAI is busy right now (rate limited on ${attemptsText(attempts)}). Please try again in a moment.`;
  return `Azure OpenAI did not answer (HTTP ${failure.status ?? 'error'} on ${attemptsText(attempts)}). Please try again in a moment.`;
}
