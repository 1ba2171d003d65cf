import type { OpenAI } from 'openai';
import { z } from 'zod';
import { ImageRefused, InvalidImage } from '../../domain/charts/image-errors';
import type { ChartPicture } from '../../domain/charts/picture';
import { checkPng } from '../../domain/charts/png';
import type { ImageGenerator, PngImage } from '../../domain/ports';
import { chartImagePrompt } from '../../domain/prompts/chart-image';
import type { AzureCaller, DeploymentTarget } from './azure-caller';
import { drain } from '../../domain/async/drain';

export const IMAGE_SIZE = { width: 1536, height: 1024 } as const;
/** gpt-image takes tens of seconds, far longer than a chat turn (AZURE_OPENAI_TIMEOUT_MS). */
export const IMAGE_TIMEOUT_MS = 120_000;
/** A queued image waits this long for the deployment's single slot before it falls back (and retries later). */
export const IMAGE_SLOT_WAIT_MS = 180_000;
export type ImageQuality = 'low' | 'medium';

/** `{ created, data: [{ b64_json }] }`: gpt-image always answers base64 (https://learn.microsoft.com/azure/foundry/openai/how-to/dall-e). Built on first use (cold start). */
let response: z.ZodType<{ data: { b64_json: string }[] }> | undefined;
const Response = () => (response ??= z.object({ data: z.array(z.object({ b64_json: z.string().min(1) })).min(1) }));

const field = (value: unknown, key: string): unknown =>
  value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;

/** The content-filter codes Azure and OpenAI use for a refused prompt or a filtered image. */
const REFUSAL_CODE =
  /^(?:contentFilter|content_filter|content_policy_violation|moderation_blocked|ResponsibleAIPolicyViolation)$/;

/**
 * Azure's image safety refusal, known by its body whatever the HTTP status: Learn documents only
 * the body — `{"created":…,"error":{"code":"contentFilter","message":"Your task failed as a result
 * of our safety system."}}`, "Generated image was filtered …" for the output, `content_policy_violation`
 * in the quickstart's error table (https://learn.microsoft.com/azure/foundry/openai/how-to/dall-e,
 * "Troubleshooting") — and calls it an operation that "Failed", so it may come as a 400, another
 * 4xx/5xx, or a 200 whose body is that error. Takes a thrown SDK error (which carries the body's
 * `error` as `.error` and its code as `.code`) or a parsed response body.
 */
export function isImageContentFilter(errorOrBody: unknown): boolean {
  const body = field(errorOrBody, 'error');
  const codes = [
    field(errorOrBody, 'code'),
    field(body, 'code'),
    field(field(body, 'innererror'), 'code'),
    field(field(body, 'inner_error'), 'code'),
  ].map(String);
  const text = field(body, 'message');
  const message = typeof text === 'string' ? text : errorOrBody instanceof Error ? errorOrBody.message : '';
  return codes.some((c) => REFUSAL_CODE.test(c)) || /as a result of our safety system/i.test(message);
}

export type ImageApi = 'v1' | 'deployments';

export interface ImageRouteOptions {
  endpoint: string;
  /** AZURE_OPENAI_IMAGE_API */
  api: ImageApi;
  /** AZURE_OPENAI_API_VERSION: only the dated route takes it. */
  apiVersion: string;
}

/**
 * Where an image request for `deployment` goes, and what its body must add. v1:
 * `POST {endpoint}/openai/v1/images/generations?api-version=preview` with the deployment as the
 * body's `model` (Learn's how-to/dall-e, "Call the image generation API"); deployments: the dated
 * route with the deployment in the path and the pinned api-version (how-to/dall-e-2 REST
 * quickstart). The health probe builds its URL here too, so it checks the surface we really use.
 */
export function imageRoute(options: ImageRouteOptions, deployment: string): { url: string; model?: string } {
  const { endpoint, api, apiVersion } = options;
  return api === 'v1'
    ? { url: `${endpoint}/openai/v1/images/generations?api-version=preview`, model: deployment }
    : {
        url: `${endpoint}/openai/deployments/${encodeURIComponent(deployment)}/images/generations?api-version=${encodeURIComponent(apiVersion)}`,
      };
}

/**
 * gpt-image(-mini) on the image deployment through the surface AZURE_OPENAI_IMAGE_API picks
 * (imageRoute), on the shared SDK client (no second client, docs/pitfalls.md 6.2). Its own caller holds
 * one request in flight per deployment — the default quota is a handful of requests a minute, so
 * parallel calls only earn 429s (docs/pitfalls.md 4.3) — and retries 429/5xx honouring retry-after-ms /
 * retry-after. A content-filter refusal is never retried, whatever its status. Returned bytes must
 * be a whole PNG of the requested size, or the call fails with InvalidImage (and the chart gets
 * its local rendering).
 */
export class AzureImageGenerator implements ImageGenerator {
  readonly source = 'model' as const;
  readonly model: string;

  constructor(
    private readonly caller: AzureCaller,
    private readonly target: DeploymentTarget,
    private readonly options: ImageRouteOptions & { quality: ImageQuality; timeoutMs: number },
  ) {
    this.model = `${target.deployment}:${options.quality}:${IMAGE_SIZE.width}x${IMAGE_SIZE.height}`;
  }

  async generate(picture: ChartPicture, signal?: AbortSignal): Promise<PngImage> {
    const { quality, timeoutMs } = this.options;
    const { url, model } = imageRoute(this.options, this.target.deployment);
    const body = {
      ...(model ? { model } : {}),
      prompt: chartImagePrompt(picture),
      n: 1,
      size: `${IMAGE_SIZE.width}x${IMAGE_SIZE.height}`,
      quality,
    };
    const post = async (client: OpenAI, b: typeof body, s?: AbortSignal): Promise<unknown> => {
      let answer: unknown;
      try {
        answer = await client.post(url, { body: b, timeout: timeoutMs, maxRetries: 0, ...(s ? { signal: s } : {}) });
      } catch (error) {
        // A refusal is not retried and not "rejected": it becomes a fallback now and a retry later.
        if (isImageContentFilter(error)) throw refused(error);
        throw error;
      }
      if (isImageContentFilter(answer)) throw refused(answer);
      return answer;
    };
    const release = await drain(this.caller.slot(this.target.deployment, signal));
    let answer: unknown;
    try {
      answer = await drain(this.caller.send(this.target, body, post, signal));
    } finally {
      release();
    }
    const parsed = Response().safeParse(answer);
    if (!parsed.success) throw new InvalidImage('no b64_json in the response');
    const bytes = new Uint8Array(Buffer.from(parsed.data.data[0]!.b64_json, 'base64'));
    return { bytes, ...checkPng(bytes, IMAGE_SIZE) };
  }
}

const refused = (errorOrBody: unknown) => {
  const message = field(field(errorOrBody, 'error'), 'message');
  return new ImageRefused((typeof message === 'string' ? message : 'content filter').slice(0, 200));
};
