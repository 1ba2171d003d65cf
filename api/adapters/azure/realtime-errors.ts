/**
 * Reading Azure's realtime error bodies by their code, not only their status. The openai SDK puts
 * the body's `error` object on the thrown APIError and copies `code`, `param` and `type` onto it
 * (openai-node `src/core/error.ts`), so these match by shape and need no SDK import.
 */

function field(value: unknown, key: string): unknown {
  return value && typeof value === 'object' && key in value ? (value as Record<string, unknown>)[key] : undefined;
}

const codeOf = (error: unknown): string => {
  const code = field(error, 'code') ?? field(field(error, 'error'), 'code');
  return typeof code === 'string' || typeof code === 'number' ? String(code) : '';
};

/**
 * Azure's body code for a deployment name it does not know (`{"error":{"code":"DeploymentNotFound"}}`),
 * sent with 404 on most routes and with 400 on others; the code is what identifies it.
 */
export function isDeploymentNotFound(error: unknown): boolean {
  return codeOf(error) === 'DeploymentNotFound';
}

/** Codes with which the realtime API refuses one parameter it names in `param`. */
const REFUSAL_CODES = new Set(['unknown_parameter', 'unsupported_parameter', 'invalid_parameter', '']);

/**
 * The session parameter (without `session.`) a 400 refused, e.g. `{"error":{"type":
 * "invalid_request_error","code":"unknown_parameter","message":"Unknown parameter:
 * 'session.output_modalities'.","param":"session.output_modalities"}}` — the shape the realtime API
 * uses (https://github.com/openai/openai-realtime-api-beta/issues/9). Undefined for anything else
 * (content filter, a missing deployment, a refused value of a field we must keep).
 */
export function refusedParameter(error: unknown): string | undefined {
  if (field(error, 'status') !== 400 || isDeploymentNotFound(error)) return undefined;
  const code = codeOf(error);
  const param = field(error, 'param') ?? field(field(error, 'error'), 'param');
  if (!REFUSAL_CODES.has(code) || typeof param !== 'string') return undefined;
  const match = /^session\.(.+)$/.exec(param);
  return match?.[1];
}
