import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { z } from 'zod';
import { ContentFiltered } from '../../domain/errors';
import type { ModelMessage, StructuredModel } from '../../domain/ports';
import type { AzureCaller, DeploymentTarget } from './azure-caller';
import type { ReasoningEffort } from '../../config';
import { InvalidModelOutput, ModelRefused, ReasoningBudgetSpent } from './errors';
import { dropNullOptionals, toStrictJsonSchema, type StrictSchema } from './strict-schema';
import { drain } from '../../domain/async/drain';

/** The parts of a non-streamed completion we read (built on first use: module load is cold start). */
const completionSchema = () =>
  z.object({
    choices: z
      .array(
        z.object({
          finish_reason: z.string().nullish(),
          message: z.object({ content: z.string().nullish(), refusal: z.string().nullish() }),
        }),
      )
      .min(1),
    usage: z
      .object({
        prompt_tokens: z.number(),
        completion_tokens: z.number(),
        completion_tokens_details: z.object({ reasoning_tokens: z.number().nullish() }).nullish(),
      })
      .nullish(),
  });
let Completion: ReturnType<typeof completionSchema> | undefined;

/**
 * Tokens held back for hidden reasoning on top of the visible answer's budget, by the effort
 * actually sent (none sent = the model's default, medium). Reasoning tokens are billed and
 * counted inside completion_tokens, so max_completion_tokens must cover both
 * (https://learn.microsoft.com/azure/foundry/openai/how-to/reasoning). Filling a fixed schema is
 * easy reasoning: at minimal a few hundred tokens, at low ~1–3k; medium and high are sized from
 * OpenAI's advice to reserve ~25k for reasoning plus output when effort is high
 * (https://platform.openai.com/docs/guides/reasoning#allocating-space-for-reasoning). Azure
 * reserves prompt + max_completion_tokens against the TPM quota up front (docs/pitfalls.md 4.1), which is
 * why the default effort is minimal and these are not simply "a lot".
 */
export const REASONING_HEADROOM: Readonly<Record<ReasoningEffort, number>> = {
  minimal: 1_000,
  low: 4_000,
  medium: 12_000,
  high: 24_000,
};
/** What a deployment does without `reasoning_effort` (GPT-5 and o-series default: how-to/reasoning). */
const DEFAULT_EFFORT: ReasoningEffort = 'medium';

/** One structured call's token use, reasoning included (logged; the caller's meter can add it). */
export interface StructuredCallUsage {
  name: string;
  deployment: string;
  /** The effort sent after any fallback; undefined when the deployment takes none. */
  effort: ReasoningEffort | undefined;
  maxCompletionTokens: number;
  promptTokens: number;
  completionTokens: number;
  /** Hidden reasoning, counted inside completionTokens (`usage.completion_tokens_details.reasoning_tokens`). */
  reasoningTokens: number;
  finishReason: string;
}

type Outcome<T> =
  | { ok: true; value: T }
  | { ok: false; kind: 'invalid'; raw: string; problem: string }
  | { ok: false; kind: 'length'; usage: StructuredCallUsage };

/** One structured call's token use as a log line (the invocation's log, never stdout). */
export const usageLine = (u: StructuredCallUsage): string =>
  `[azure] ${u.name} on ${u.deployment}: finish ${u.finishReason}, prompt ${u.promptTokens}, completion ${u.completionTokens} (reasoning ${u.reasoningTokens}) of max ${u.maxCompletionTokens}, effort ${u.effort ?? 'deployment default'}`;

function issues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || 'root'}: ${i.message}`)
    .join('; ');
}

export interface StructuredModelOptions {
  /** AZURE_OPENAI_REASONING_EFFORT: the lowest is tried first; refused values move up (azure-caller.ts). */
  effort: ReasoningEffort;
  /** Generation takes longer than a chat turn (reasoning + a whole document); still bounded. */
  timeoutMs?: number;
  /** Every call's usage, failed ones included. */
  onUsage?: (usage: StructuredCallUsage) => void;
}

/**
 * Schema-bound completions on the structured deployment — never model-router, which may route to a
 * model without structured outputs (docs/pitfalls.md 3.1). Strict json_schema, every answer validated with
 * the same zod schema, one corrective retry, then InvalidModelOutput; a refusal fails at once as
 * ModelRefused. The budget is the caller's
 * visible-answer budget plus reasoning headroom for the effort sent; an answer cut off at it
 * (`finish_reason: length`) is retried once with double the budget, never "corrected" with the
 * same one, and then fails as ReasoningBudgetSpent.
 */
export class AzureStructuredModel implements StructuredModel {
  private readonly schemas = new WeakMap<z.ZodType, StrictSchema>();
  private readonly timeoutMs: number;

  constructor(
    private readonly caller: AzureCaller,
    private readonly target: DeploymentTarget,
    private readonly options: StructuredModelOptions,
  ) {
    this.timeoutMs = options.timeoutMs ?? 90_000;
  }

  async complete<T>(request: {
    name: string;
    schema: z.ZodType<T>;
    messages: ModelMessage[];
    maxCompletionTokens: number;
    log?: (line: string) => void;
  }): Promise<T> {
    const strict = this.strictSchema(request.schema);
    let messages = request.messages;
    let scale = 1;
    let corrected = false;
    for (;;) {
      const outcome = await this.once(request, strict, messages, scale);
      if (outcome.ok) return outcome.value;
      if (outcome.kind === 'length') {
        if (scale === 1) {
          scale = 2;
          continue;
        }
        throw new ReasoningBudgetSpent(this.budgetMessage(request.name, outcome.usage));
      }
      if (corrected)
        throw new InvalidModelOutput(
          `The structured deployment "${this.target.deployment}" twice returned output that does not fit the ${request.name} schema: ${outcome.problem}`,
        );
      corrected = true;
      messages = [
        ...request.messages,
        { role: 'assistant', content: outcome.raw.slice(0, 4000) },
        {
          role: 'user',
          content: `That answer was not valid for the ${request.name} schema (${outcome.problem}). Answer again with JSON that satisfies every constraint.`,
        },
      ];
    }
  }

  /** The fix first: the job's reason is cut to 300 characters, the log keeps all of it. */
  private budgetMessage(name: string, usage: StructuredCallUsage): string {
    const effort = usage.effort ?? `${DEFAULT_EFFORT}, the deployment's default`;
    const spent = `"${usage.deployment}" used all ${usage.maxCompletionTokens} completion tokens (${usage.reasoningTokens} on hidden reasoning at effort ${effort}) before the ${name} answer was complete, even at double the budget`;
    // Already the lowest setting (the deployment may still have moved it up, or take no effort at all).
    return this.options.effort === 'minimal'
      ? `Token budget spent although AZURE_OPENAI_REASONING_EFFORT is "minimal", the lowest: ${spent}; please report this.`
      : `Token budget spent on reasoning: lower AZURE_OPENAI_REASONING_EFFORT (now "${this.options.effort}"; "minimal" or "low" suit this task). ${spent}.`;
  }

  private async once<T>(
    request: { name: string; schema: z.ZodType<T>; maxCompletionTokens: number; log?: (line: string) => void },
    strict: StrictSchema,
    messages: ModelMessage[],
    scale: number,
  ): Promise<Outcome<T>> {
    const body: ChatCompletionCreateParamsNonStreaming = {
      model: this.target.deployment,
      messages,
      response_format: {
        type: 'json_schema',
        json_schema: { name: request.name, strict: true, schema: strict.schema },
      },
      reasoning_effort: this.options.effort,
      max_completion_tokens: request.maxCompletionTokens,
    };
    // The budget follows the effort the deployment really gets (a refused value moves up, azure-caller.ts).
    let sent = body;
    const budgeted = (b: ChatCompletionCreateParamsNonStreaming) => {
      const effort = (b.reasoning_effort ?? undefined) as ReasoningEffort | undefined;
      sent = {
        ...b,
        max_completion_tokens: scale * (request.maxCompletionTokens + REASONING_HEADROOM[effort ?? DEFAULT_EFFORT]),
      };
      return sent;
    };
    const release = await drain(this.caller.slot(this.target.deployment));
    let completion: unknown;
    try {
      completion = await drain(
        this.caller.send(this.target, body, (client, b) =>
          client.chat.completions.create(budgeted(b), { timeout: this.timeoutMs }),
        ),
      );
    } catch (error) {
      throw this.caller.translate(error, this.target);
    } finally {
      release();
    }
    Completion ??= completionSchema();
    const parsed = Completion.safeParse(completion);
    if (!parsed.success)
      return { ok: false, kind: 'invalid', raw: '', problem: `unexpected response shape (${issues(parsed.error)})` };
    const choice = parsed.data.choices[0]!;
    const usage: StructuredCallUsage = {
      name: request.name,
      deployment: this.target.deployment,
      effort: (sent.reasoning_effort ?? undefined) as ReasoningEffort | undefined,
      maxCompletionTokens: sent.max_completion_tokens ?? 0,
      promptTokens: parsed.data.usage?.prompt_tokens ?? 0,
      completionTokens: parsed.data.usage?.completion_tokens ?? 0,
      reasoningTokens: parsed.data.usage?.completion_tokens_details?.reasoning_tokens ?? 0,
      finishReason: choice.finish_reason ?? 'unknown',
    };
    // Reasoning tokens are invisible in the answer and billed as output: the log is where an operator sees them.
    request.log?.(usageLine(usage));
    this.options.onUsage?.(usage);
    if (choice.finish_reason === 'content_filter') throw new ContentFiltered('completion');
    // A refusal is the model's decision, not malformed output: no corrective retry.
    if (choice.message.refusal)
      throw new ModelRefused(request.name, this.target.deployment, choice.message.refusal.slice(0, 200));
    if (choice.finish_reason === 'length') return { ok: false, kind: 'length', usage };
    const raw = choice.message.content ?? '';
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return { ok: false, kind: 'invalid', raw, problem: 'the answer was not JSON' };
    }
    const result = request.schema.safeParse(dropNullOptionals(json, strict.original));
    return result.success
      ? { ok: true, value: result.data }
      : { ok: false, kind: 'invalid', raw, problem: issues(result.error) };
  }

  private strictSchema(schema: z.ZodType): StrictSchema {
    let strict = this.schemas.get(schema);
    if (!strict) {
      strict = toStrictJsonSchema(schema);
      this.schemas.set(schema, strict);
    }
    return strict;
  }
}
