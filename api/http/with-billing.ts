import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { Deps } from '../deps';
import { reservedUnit, type Admission, type BillableKind } from '../domain/billing/budget';
import type { Caller, Refusal, Reservation } from '../domain/billing/billing';
import type { SpendKind } from '../domain/billing/budget';
import { BudgetSpent } from '../domain/errors';
import { apiKeyOf, visitorOf } from './billing-caller';
import { jsonError, withErrors } from './errors';
import { waitAtMost } from './flush-after';
import { meterStream } from './meter-stream';

type Handler = (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>;

/** Reserves a unit of the caller's daily allowance for paid work started on the way; throws BudgetSpent when spent. */
export type Spend = (kind: SpendKind) => Promise<void>;

const spenders = new WeakMap<InvocationContext, Spend>();

/**
 * The billed caller's Spend for this invocation: chat and voice tools start pictures and new modes,
 * which count against images/generations per day like POST /api/charts and /api/modes do.
 */
export const spendOf = (context: InvocationContext): Spend | undefined => spenders.get(context);

/** Metering waits at most this long before the response ends (the platform may freeze the instance after). */
const METER_WAIT_MS = 2_000;

/**
 * The one billing wrapper for every billable trigger: authenticate (x-api-key, or the anonymous
 * demo budget), admit against the plan (429 + Retry-After naming the limit), call the trigger,
 * then meter what it used. The invocation id is the idempotency key: a replayed counter write is
 * recognised and skipped, so nothing is counted twice.
 */
export function withBilling(kind: BillableKind, handler: Handler, deps: () => Pick<Deps, 'billing'>): Handler {
  return withErrors(async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
    const { billing } = deps();
    const apiKey = apiKeyOf(request);
    const caller = await billing.identify(apiKey, apiKey ? undefined : await visitorOf(request));
    if (!caller) return jsonError(401, 'invalid_api_key', 'This API key is unknown or has been revoked.');
    const speculate = kind === 'chat' && billing.likelyAdmits(caller, kind); // judged before this call's own admission
    const admitting = billing.admit(caller, kind, context.invocationId);
    let spent = 0;
    spenders.set(context, async (spendKind) => {
      // Never before this call's own admission (a speculative answer may reach a tool first).
      const admitted = await admitting;
      if (!admitted.ok)
        throw new BudgetSpent(limitMessage(caller, admitted), admitted.retryAfterSeconds, admitted.limitName);
      const reserved = await billing.reserve(caller, spendKind, `${context.invocationId}:${spent++}`);
      if (!reserved.ok)
        throw new BudgetSpent(limitMessage(caller, reserved), reserved.retryAfterSeconds, reserved.limitName);
    });
    let admission: Awaited<typeof admitting>;
    let response: HttpResponseInit;
    if (speculate) {
      // The answer is started while the admission is written, so the counter's round trip overlaps
      // the model's first token instead of preceding it; no byte goes out until admission says yes.
      const [admitted, started] = await Promise.allSettled([admitting, startAnswer(handler, request, context)]);
      if (admitted.status === 'rejected' || !admitted.value.ok) {
        if (started.status === 'fulfilled') abandon(started.value);
        if (admitted.status === 'rejected') throw admitted.reason;
        return refusal(caller, admitted.value as Refusal);
      }
      if (started.status === 'rejected') throw started.reason;
      admission = admitted.value;
      response = started.value.stream
        ? { ...started.value.response, body: resume(started.value.stream) }
        : started.value.response;
    } else {
      admission = await admitting;
      if (!admission.ok) return refusal(caller, admission);
      response = await handler(request, context);
    }
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(rateHeaders(admission))) headers.set(name, value);
    const meter = (delta: Parameters<typeof billing.meter>[2]) =>
      waitAtMost(
        meterDurably(() => billing.meter(caller, admission.day, delta, context.invocationId)).catch((e: unknown) =>
          context.error('metering failed', e),
        ),
        METER_WAIT_MS,
      );
    if (kind === 'chat' && isStream(response.body)) {
      return { ...response, headers, body: meterStream(response.body, (usage) => meter(usage)) };
    }
    // A unit taken at admission (a voice session) is given back when the call failed.
    const unit = reservedUnit(kind);
    if (unit && (response.status ?? 200) >= 400) await meter({ [unit]: -1 });
    return { ...response, headers };
  });
}

/**
 * Waits before each new try of a meter write that failed (storage briefly down): about a minute in
 * all, so an outage of that length loses no usage. Safe to repeat: a write is keyed by the
 * invocation id and a replay is recognised and skipped (budget.ts `meter`).
 */
export const METER_RETRY_DELAYS_MS: readonly number[] = [1_000, 2_000, 4_000, 8_000, 15_000, 15_000, 15_000];

async function meterDurably(write: () => Promise<void>, delays = METER_RETRY_DELAYS_MS): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      const delay = delays[attempt];
      if (delay === undefined) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

function rateHeaders(window: Admission): Record<string, string> {
  return {
    'x-ratelimit-limit': String(window.limit),
    'x-ratelimit-remaining': String(window.remaining),
    'x-ratelimit-reset': String(window.resetSeconds),
  };
}

const LIMIT_TEXT: Record<Extract<Admission, { ok: false }>['limitName'], string> = {
  requests_per_minute: 'requests per minute',
  tokens_per_day: 'chat tokens for today',
  images_per_day: 'chart pictures for today',
  generations_per_day: 'new industries for today',
  realtime_sessions_per_day: 'voice sessions for today',
};

function limitMessage(caller: Caller, spent: Refusal | Extract<Reservation, { ok: false }>): string {
  const wait =
    spent.retryAfterSeconds >= 3600
      ? 'tomorrow'
      : spent.retryAfterSeconds >= 90
        ? `in ${Math.ceil(spent.retryAfterSeconds / 60)} minutes`
        : `in ${spent.retryAfterSeconds} seconds`;
  return caller.kind === 'anonymous'
    ? `The demo has reached its limit of ${LIMIT_TEXT[spent.limitName]} for ${spent.scope === 'network' ? 'visitors from your network' : 'your visit'}, so nobody runs up the bill. Please try again ${wait}.`
    : `Your ${caller.plan} plan's limit of ${LIMIT_TEXT[spent.limitName]} (${spent.limitName}) is reached. Try again ${wait}.`;
}

function refusal(caller: Caller, admission: Refusal): HttpResponseInit {
  const message = limitMessage(caller, admission);
  return {
    status: 429,
    // retryAfterSeconds repeats Retry-After in the body: a cross-origin SPA cannot read that header (not CORS-safelisted).
    jsonBody: {
      error: {
        code: 'rate_limited',
        message,
        retryable: true,
        limit: admission.limitName,
        retryAfterSeconds: admission.retryAfterSeconds,
      },
    },
    headers: { ...rateHeaders(admission), 'Retry-After': String(admission.retryAfterSeconds) },
  };
}

/** A handler's response with its stream already asked for its first chunk (which starts the model call). */
interface StartedAnswer {
  response: HttpResponseInit;
  stream?: { iterator: AsyncIterator<Uint8Array>; first: Promise<IteratorResult<Uint8Array>> };
}

async function startAnswer(handler: Handler, request: HttpRequest, context: InvocationContext): Promise<StartedAnswer> {
  const response = await handler(request, context);
  if (!isStream(response.body)) return { response };
  const iterator = response.body[Symbol.asyncIterator]();
  const first = iterator.next();
  first.catch(() => undefined); // awaited by resume(); a refused answer's failure is nobody's concern
  return { response, stream: { iterator, first } };
}

/** Stops a started answer that will not be sent (its generator's finally blocks abort the model call). */
function abandon(started: StartedAnswer): void {
  const stream = started.stream;
  if (stream) void stream.first.then(() => stream.iterator.return?.()).catch(() => undefined);
}

/** The started stream, from its first chunk on; closing it early closes the source. */
async function* resume(stream: NonNullable<StartedAnswer['stream']>): AsyncGenerator<Uint8Array> {
  let finished = false;
  try {
    for (let next = await stream.first; !next.done; next = await stream.iterator.next()) yield next.value;
    finished = true;
  } finally {
    if (!finished) await stream.iterator.return?.();
  }
}

function isStream(body: unknown): body is AsyncIterable<Uint8Array> {
  return typeof body === 'object' && body !== null && Symbol.asyncIterator in body && !(body instanceof ReadableStream);
}
