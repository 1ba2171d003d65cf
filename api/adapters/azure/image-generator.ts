import type { OpenAI } from 'openai';
import { z } from 'zod';
import { ImageRefused, InvalidImage } from '../../domain/charts/image-errors';
import type { ChartPicture } from '../../domain/charts/picture';
import { checkPng } from '../../domain/charts/png';
import type { ImageGenerator, PngImage } from '../../domain/ports';
import { chartImagePrompt } from '../../domain/prompts/chart-image';
import type { AzureCaller, DeploymentTarget } from './azure-caller';

export const IMAGE_SIZE = { width: 1536, height: 1024 } as const;
/** gpt-image takes tens of seconds, far longer than a chat turn (AZURE_OPENAI_TIMEOUT_MS). */
export const IMAGE_TIMEOUT_MS = 120_000;
/** A queued image waits this long for the deployment's single slot before it falls back (and retries later). */
export const IMAGE_SLOT_WAIT_MS = 180_000;
export type ImageQuality = 'low' | 'medium';

/** `{ created, data: [{ b64_json }] }`: Azure always answers base64 (AZURE-FACTS §3). Built on first use (cold start). */
let response: z.ZodType<{ data: { b64_json: string }[] }> | undefined;
const Response = () => (response ??= z.object({ data: z.array(z.object({ b64_json: z.string().min(1) })).min(1) }));

const field = (value: unknown, key: string): unknown =>
  value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;

/**
 * Azure's image safety refusal: HTTP 400 `{"error":{"code":"contentFilter","message":"Your task
 * failed as a result of our safety system."}}` for the prompt, "Generated image was filtered …"
 * for the output (AZURE-FACTS §3). The chat's `content_filter` spelling is accepted too.
 */
export function isImageContentFilter(error: unknown): boolean {
  const body = field(error, 'error');
  const codes = [
    field(error, 'code'),
    field(body, 'code'),
    field(field(body, 'innererror'), 'code'),
    field(field(body, 'inner_error'), 'code'),
  ].map(String);
  const message = String(field(body, 'message') ?? (error instanceof Error ? error.message : ''));
  return (
    field(error, 'status') === 400 &&
    (codes.some((c) => /^(?:contentFilter|content_filter|moderation_blocked|ResponsibleAIPolicyViolation)$/.test(c)) ||
      /safety system/i.test(message))
  );
}

/**
 * gpt-image(-mini) on the image deployment through the dated deployment route with the pinned
 * api-version (the v1 surface does not list images; AZURE-FACTS §3), on the shared SDK client
 * (no second client, PITFALLS 6.2). Its own caller holds one request in flight per deployment —
 * the default quota is 6 requests a minute, so parallel calls only earn 429s (PITFALLS 4.3) — and
 * retries 429/5xx honouring retry-after-ms / retry-after. Returned bytes must be a whole PNG of
 * the requested size, or the call fails with InvalidImage (and the chart gets its local rendering).
 */
export class AzureImageGenerator implements ImageGenerator {
  readonly source = 'model' as const;
  readonly model: string;

  constructor(
    private readonly caller: AzureCaller,
    private readonly target: DeploymentTarget,
    private readonly options: { endpoint: string; apiVersion: string; quality: ImageQuality; timeoutMs: number },
  ) {
    this.model = `${target.deployment}:${options.quality}:${IMAGE_SIZE.width}x${IMAGE_SIZE.height}`;
  }

  async generate(picture: ChartPicture, signal?: AbortSignal): Promise<PngImage> {
    const { endpoint, apiVersion, quality, timeoutMs } = this.options;
    const url = `${endpoint}/openai/deployments/${encodeURIComponent(this.target.deployment)}/images/generations?api-version=${encodeURIComponent(apiVersion)}`;
    const body = { prompt: chartImagePrompt(picture), n: 1, size: `${IMAGE_SIZE.width}x${IMAGE_SIZE.height}`, quality };
    const post = async (client: OpenAI, b: typeof body, s?: AbortSignal): Promise<unknown> => {
      try {
        return await client.post(url, { body: b, timeout: timeoutMs, maxRetries: 0, ...(s ? { signal: s } : {}) });
      } catch (error) {
        // A refusal is not retried and not "rejected": it becomes a fallback now and a retry later.
        if (isImageContentFilter(error))
          throw new ImageRefused(String(field(field(error, 'error'), 'message') ?? 'content filter').slice(0, 200));
        throw error;
      }
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

/** Runs a status-yielding generator to its return value (a queue job has nobody to show statuses to). */
async function drain<T>(generator: AsyncGenerator<unknown, T>): Promise<T> {
  for (;;) {
    const step = await generator.next();
    if (step.done) return step.value;
  }
}
