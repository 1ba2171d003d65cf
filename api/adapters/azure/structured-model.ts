import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { z } from 'zod';
import { ContentFiltered } from '../../domain/errors';
import type { ModelMessage, StructuredModel } from '../../domain/ports';
import type { AzureCaller, DeploymentTarget } from './azure-caller';
import { InvalidModelOutput } from './errors';
import { dropNullOptionals, toStrictJsonSchema, type StrictSchema } from './strict-schema';

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
  });
let Completion: ReturnType<typeof completionSchema> | undefined;

type Outcome<T> = { ok: true; value: T } | { ok: false; raw: string; problem: string };

function issues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || 'root'}: ${i.message}`)
    .join('; ');
}

/**
 * Schema-bound completions on the structured deployment — never model-router, which may route to a
 * model without structured outputs (PITFALLS 3.1). Strict json_schema, every answer validated with
 * the same zod schema, one corrective retry, then InvalidModelOutput.
 */
export class AzureStructuredModel implements StructuredModel {
  private readonly schemas = new WeakMap<z.ZodType, StrictSchema>();

  constructor(
    private readonly caller: AzureCaller,
    private readonly target: DeploymentTarget,
    /** Generation takes longer than a chat turn (reasoning + a whole document); still bounded. */
    private readonly timeoutMs = 90_000,
  ) {}

  async complete<T>(request: {
    name: string;
    schema: z.ZodType<T>;
    messages: ModelMessage[];
    maxCompletionTokens: number;
  }): Promise<T> {
    const strict = this.strictSchema(request.schema);
    let messages = request.messages;
    let last = '';
    for (let attempt = 1; attempt <= 2; attempt++) {
      const outcome = await this.once(request, strict, messages);
      if (outcome.ok) return outcome.value;
      last = outcome.problem;
      messages = [
        ...request.messages,
        { role: 'assistant', content: outcome.raw.slice(0, 4000) },
        {
          role: 'user',
          content: `That answer was not valid for the ${request.name} schema (${outcome.problem}). Answer again with JSON that satisfies every constraint.`,
        },
      ];
    }
    throw new InvalidModelOutput(
      `The structured deployment "${this.target.deployment}" twice returned output that does not fit the ${request.name} schema: ${last}`,
    );
  }

  private async once<T>(
    request: { name: string; schema: z.ZodType<T>; maxCompletionTokens: number },
    strict: StrictSchema,
    messages: ModelMessage[],
  ): Promise<Outcome<T>> {
    const body: ChatCompletionCreateParamsNonStreaming = {
      model: this.target.deployment,
      messages,
      response_format: {
        type: 'json_schema',
        json_schema: { name: request.name, strict: true, schema: strict.schema },
      },
      max_completion_tokens: request.maxCompletionTokens,
    };
    const release = await drain(this.caller.slot(this.target.deployment));
    let completion: unknown;
    try {
      completion = await drain(
        this.caller.send(this.target, body, (client, b) =>
          client.chat.completions.create(b, { timeout: this.timeoutMs }),
        ),
      );
    } catch (error) {
      throw this.caller.translate(error, this.target);
    } finally {
      release();
    }
    Completion ??= completionSchema();
    const parsed = Completion.safeParse(completion);
    if (!parsed.success) return { ok: false, raw: '', problem: `unexpected response shape (${issues(parsed.error)})` };
    const choice = parsed.data.choices[0]!;
    if (choice.finish_reason === 'content_filter') throw new ContentFiltered('completion');
    if (choice.message.refusal)
      return { ok: false, raw: '', problem: `the model refused: ${choice.message.refusal.slice(0, 200)}` };
    const raw = choice.message.content ?? '';
    if (choice.finish_reason === 'length')
      return { ok: false, raw, problem: 'the answer was cut off at max_completion_tokens' };
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return { ok: false, raw, problem: 'the answer was not JSON' };
    }
    const result = request.schema.safeParse(dropNullOptionals(json, strict.original));
    return result.success ? { ok: true, value: result.data } : { ok: false, raw, problem: issues(result.error) };
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

/** Runs a status-yielding generator to its return value (no one to show statuses to here). */
async function drain<T>(generator: AsyncGenerator<unknown, T>): Promise<T> {
  for (;;) {
    const step = await generator.next();
    if (step.done) return step.value;
  }
}
