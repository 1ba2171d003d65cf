import { z } from 'zod';
import { paintChart } from './png';
import type { Route, RouteContext } from './types';
import * as wire from './wire';

/** What a test can make the next image generation do. */
export type ImageReply =
  /** A valid PNG of the requested size (the default); `b64` sends exactly that instead. */
  | { kind: 'image'; b64?: string }
  | { kind: 'rate_limit'; retryAfterMs?: number; retryAfterSeconds?: number }
  /**
   * Azure's safety refusal: `prompt` (input) or `output` (the generated image filtered), with the
   * emulator's refusal status (400 unless `strict.imageRefusalStatus`) or this one.
   */
  | { kind: 'content_filter'; where?: 'prompt' | 'output'; status?: number }
  | { kind: 'error'; status: number; body: unknown; headers?: Record<string, string> };

const SIZES = ['1024x1024', '1024x1536', '1536x1024', 'auto'] as const;

/** The request body as Azure validates it: no response_format, PNG/JPEG only (https://learn.microsoft.com/azure/foundry/openai/how-to/dall-e, "Specify API options"). */
export const ImageRequestBody = z.looseObject({
  prompt: z.string(),
  n: z.number().int().min(1).max(10).optional(),
  size: z.enum(SIZES).optional(),
  quality: z.enum(['low', 'medium', 'high', 'auto']).optional(),
  output_format: z.enum(['PNG', 'JPEG', 'png', 'jpeg']).optional(),
});
export type ImageRequestBody = z.infer<typeof ImageRequestBody>;

export interface ImageEmulation {
  /** The v1 route and the dated deployments route. */
  readonly routes: Route[];
  /** Queues replies for the next image generations. */
  enqueue(...replies: ImageReply[]): void;
  /** Decides every generation until reset (undefined → the queue, then a PNG). */
  respond(hook: ((body: ImageRequestBody) => ImageReply | undefined) | undefined): void;
  /** Every valid image request received, in order (the request log). */
  requests(): ImageRequestBody[];
  /** Which surface each logged request came on, in the same order. */
  surfaces(): ImageSurface[];
  /** How many images were actually generated (200 answers). */
  generated(): number;
  reset(): void;
}

export type ImageSurface = 'v1' | 'deployments';

/**
 * Azure's exact refusal bodies (https://learn.microsoft.com/azure/foundry/openai/how-to/dall-e,
 * "Troubleshooting"). Learn shows the body and calls the operation "Failed" but names no HTTP
 * status, so the status is a parameter: 400 by default, anything (even 200) under strictness.
 */
export function contentFilterError(where: 'prompt' | 'output', status = 400): wire.WireError {
  const message =
    where === 'prompt'
      ? 'Your task failed as a result of our safety system.'
      : 'Generated image was filtered as a result of our safety system.';
  return { status, body: { created: Math.floor(Date.now() / 1000), error: { code: 'contentFilter', message } } };
}

function rateLimit(deployment: string, reply: Extract<ImageReply, { kind: 'rate_limit' }>): wire.WireError {
  const error = wire.rateLimitError(deployment, reply.retryAfterMs, reply.retryAfterSeconds);
  const body = error.body as { error: { message: string } };
  return {
    ...error,
    body: {
      error: {
        ...body.error,
        message: body.error.message
          .replace('token rate limit', 'request rate limit')
          .replace('ChatCompletions_Create', 'Images_Generations_Create'),
      },
    },
  };
}

/**
 * gpt-image on both surfaces Learn documents: `POST /openai/v1/images/generations` with the
 * deployment in the body's `model` (how-to/dall-e, "Call the image generation API"; Learn's URL
 * carries `api-version=preview`), and `POST /openai/deployments/{deployment}/images/generations?api-version=…`
 * (the dated route, 404 without an api-version). 404 `DeploymentNotFound` for unknown deployments
 * (resolved before the body is checked), 400 for invalid bodies (an empty prompt, as the deep
 * health probe sends), scripted 429 / content-filter answers, and otherwise
 * `{created, data: [{b64_json}]}` with a real PNG of the requested size after `imageMs`.
 */
export function createImageEmulation(options: { imageMs?: number; refusalStatus?: number } = {}): ImageEmulation {
  const queue: ImageReply[] = [];
  const log: ImageRequestBody[] = [];
  const surfaces: ImageSurface[] = [];
  let hook: ((body: ImageRequestBody) => ImageReply | undefined) | undefined;
  let generated = 0;
  const send = (ctx: RouteContext, error: wire.WireError) => ctx.sendJson(error.status, error.body, error.headers);

  const generate = async (ctx: RouteContext, name: string, surface: ImageSurface) => {
    const deployment = ctx.deployment(name);
    if (!deployment || deployment.kind !== 'image') return send(ctx, wire.deploymentNotFoundError());
    if (ctx.body && typeof ctx.body === 'object' && 'response_format' in ctx.body) {
      return send(ctx, wire.invalidRequestError("Unknown parameter: 'response_format'.", 'response_format'));
    }
    const parsed = ImageRequestBody.safeParse(ctx.body);
    if (!parsed.success)
      return send(
        ctx,
        wire.invalidRequestError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')),
      );
    if (parsed.data.prompt.trim() === '')
      return send(ctx, wire.invalidRequestError("'' is too short - 'prompt'", 'prompt'));
    log.push(parsed.data);
    surfaces.push(surface);
    const reply = hook?.(parsed.data) ?? queue.shift() ?? { kind: 'image' };
    if (reply.kind === 'rate_limit') return send(ctx, rateLimit(name, reply));
    if (reply.kind === 'content_filter')
      return send(ctx, contentFilterError(reply.where ?? 'prompt', reply.status ?? options.refusalStatus ?? 400));
    if (reply.kind === 'error')
      return send(ctx, {
        status: reply.status,
        body: reply.body,
        ...(reply.headers ? { headers: reply.headers } : {}),
      });
    const [width, height] = (parsed.data.size && parsed.data.size !== 'auto' ? parsed.data.size : '1024x1024')
      .split('x')
      .map(Number) as [number, number];
    const b64 = reply.b64 ?? paintChart(parsed.data.prompt, width, height).toString('base64');
    if (options.imageMs) await new Promise((resolve) => setTimeout(resolve, options.imageMs));
    generated++;
    ctx.sendJson(200, { created: Math.floor(Date.now() / 1000), data: [{ b64_json: b64 }] });
  };

  const routes: Route[] = [
    {
      method: 'POST',
      pattern: /^\/openai\/v1\/images\/generations$/,
      handler(ctx) {
        const model = ctx.body && typeof ctx.body === 'object' ? (ctx.body as { model?: unknown }).model : undefined;
        if (typeof model !== 'string' || model === '')
          return send(ctx, wire.invalidRequestError("Missing required parameter: 'model'.", 'model'));
        return generate(ctx, model, 'v1');
      },
    },
    {
      method: 'POST',
      pattern: /^\/openai\/deployments\/([^/]+)\/images\/generations$/,
      handler(ctx) {
        const name = decodeURIComponent(ctx.match[1] ?? '');
        if (ctx.deployment(name)?.kind === 'image' && !ctx.url.searchParams.get('api-version'))
          return send(ctx, wire.notFoundError());
        return generate(ctx, name, 'deployments');
      },
    },
  ];

  return {
    routes,
    enqueue: (...replies) => void queue.push(...replies),
    respond: (next) => {
      hook = next;
    },
    requests: () => [...log],
    surfaces: () => [...surfaces],
    generated: () => generated,
    reset: () => {
      queue.length = 0;
      log.length = 0;
      surfaces.length = 0;
      hook = undefined;
      generated = 0;
    },
  };
}
