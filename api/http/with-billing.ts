import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { Deps } from '../deps';
import { reservedUnit, type Admission, type BillableKind } from '../domain/billing/budget';
import type { Caller, Refusal, Reservation } from '../domain/billing/billing';
import { BudgetSpent } from '../domain/errors';
import { billedStarters, type Billed, type Spend, type Starters } from './billed-starters';
import { apiKeyOf, visitorOf } from './billing-caller';
import { jsonError, rateLimited, withErrors } from './errors';
import { waitAtMost } from './flush-after';
import { meterStream } from './meter-stream';

type Handler = (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>;

/**
 * A billable route's handler: its third argument starts pictures and new modes against this
 * caller's budget. Registered bare (without withBilling) it does not fit app.http's two-argument
 * handler, so a route cannot be left unbilled by forgetting the wrapper.
 */
export type BilledHandler = (
  request: HttpRequest,
  context: InvocationContext,
  billed: Billed,
) => Promise<HttpResponseInit>;

/** Metering waits at most this long before the response ends (the platform may freeze the instance after). */
const METER_WAIT_MS = 2_000;

/**
 * The one billing wrapper for every billable trigger: authenticate (x-api-key, or the anonymous
 * demo budget), admit against the plan (429 + Retry-After naming the limit), call the trigger,
 * then meter what it used. The invocation id is the idempotency key: a replayed counter write is
 * recognised and skipped, so nothing is counted twice.
 */
/** A billable route's handler, with the one error exit (withErrors), as app.http cannot take it bare. */
export const billedRoute = (handler: BilledHandler): BilledHandler => withErrors(handler);

export function withBilling(
  kind: BillableKind,
  handler: BilledHandler,
  deps: () => Pick<Deps, 'billing'> & Starters,
): Handler {
  return withErrors(async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
    const { billing, ...starters } = deps();
    const apiKey = apiKeyOf(request);
    const caller = await billing.identify(apiKey, apiKey ? undefined : await visitorOf(request));
    if (!caller) return jsonError(401, 'invalid_api_key', 'This API key is unknown or has been revoked.');
    const speculate = kind === 'chat' && billing.likelyAdmits(caller, kind); // judged before this call's own admission
    const admitting = billing.admit(caller, kind, context.invocationId);
    let spent = 0;
    const spend: Spend = async (spendKind) => {
      // Never before this call's own admission (a speculative answer may reach a tool first).
      const admitted = await admitting;
      if (!admitted.ok) throw budgetSpent(caller, admitted);
      const reserved = await billing.reserve(caller, spendKind, `${context.invocationId}:${spent++}`);
      if (!reserved.ok) throw budgetSpent(caller, reserved);
    };
    // Work started before this call's admission is written only for a caller likely admitted.
    const billed = billedStarters(
      starters,
      spend,
      (spendKind) => billing.likelyAdmits(caller, kind) && billing.likelyReserves(caller, spendKind),
    );
    let admission: Awaited<typeof admitting>;
    let response: HttpResponseInit;
    if (speculate) {
      // The answer is started while the admission is written, so the counter's round trip overlaps
      // the model's first token instead of preceding it; no byte goes out until admission says yes.
      const [admitted, started] = await Promise.allSettled([admitting, startAnswer(handler, request, context, billed)]);
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
      response = await handler(request, context, billed);
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

/** The caller's limit is reached: what it is, and when it lifts, in the caller's words. */
function budgetSpent(caller: Caller, spent: Refusal | Extract<Reservation, { ok: false }>): BudgetSpent {
  const wait =
    spent.retryAfterSeconds >= 3600
      ? 'tomorrow'
      : spent.retryAfterSeconds >= 90
        ? `in ${Math.ceil(spent.retryAfterSeconds / 60)} minutes`
        : `in ${spent.retryAfterSeconds} seconds`;
  const message =
    caller.kind === 'anonymous'
      ? `The demo has reached its limit of ${LIMIT_TEXT[spent.limitName]} for ${spent.scope === 'network' ? 'visitors from your network' : 'your visit'}, so nobody runs up the bill. Please try again ${wait}.`
      : `Your ${caller.plan} plan's limit of ${LIMIT_TEXT[spent.limitName]} (${spent.limitName}) is reached. Try again ${wait}.`;
  return new BudgetSpent(message, spent.retryAfterSeconds, spent.limitName);
}

/** Refused at admission: the one 429 body (errors.ts), with this window's rate headers. */
const refusal = (caller: Caller, admission: Refusal) =>
  rateLimited(budgetSpent(caller, admission), rateHeaders(admission));

/** A handler's response with its stream already asked for its first chunk (which starts the model call). */
interface StartedAnswer {
  response: HttpResponseInit;
  stream?: { iterator: AsyncIterator<Uint8Array>; first: Promise<IteratorResult<Uint8Array>> };
}

async function startAnswer(
  handler: BilledHandler,
  request: HttpRequest,
  context: InvocationContext,
  billed: Billed,
): Promise<StartedAnswer> {
  const response = await handler(request, context, billed);
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
