// Builds the InvocationContext every trigger gets, with a concise console log handler, and runs
// a handler the way the library's InvocationModel does (`handler(...inputs, context)`).
// Source: @azure/functions 4.16.5 src/InvocationModel.ts.
import { randomUUID } from 'node:crypto';
import { format } from 'node:util';
import { InvocationContext, type TriggerMetadata } from '@azure/functions';
import type { BindingInfo, Registration } from './functions-core-shim';

export type Logger = (line: string) => void;

export const consoleLogger: Logger = (line) => console.log(line);

const QUIET_LEVELS = new Set(['trace', 'debug']);

function time(): string {
  return new Date().toISOString().slice(11, 23);
}

export interface ContextInit {
  triggerMetadata?: TriggerMetadata;
  logger: Logger;
}

export function createInvocationContext(registration: Registration, init: ContextInit): InvocationContext {
  const invocationId = randomUUID();
  const tag = `${registration.name} ${invocationId.slice(0, 8)}`;
  const bindings = Object.values(registration.bindings);
  const trigger = bindings.find((b) => b.direction === 'in' && b.type?.toLowerCase().endsWith('trigger'));
  const asOptions = (b: BindingInfo) => ({ ...b, type: b.type ?? 'unknown', name: b.name ?? 'unknown' });
  return new InvocationContext({
    invocationId,
    functionName: registration.name,
    triggerMetadata: init.triggerMetadata,
    options: {
      trigger: trigger ? asOptions(trigger) : { type: 'unknown', name: 'unknown' },
      extraInputs: bindings.filter((b) => b.direction === 'in' && b !== trigger).map(asOptions),
      extraOutputs: bindings.filter((b) => b.direction === 'out' && b.name !== '$return').map(asOptions),
    },
    logHandler: (level, ...args) => {
      if (QUIET_LEVELS.has(level) && !process.env.LOCAL_DEBUG) return;
      init.logger(`${time()} [${tag}] ${level === 'information' ? 'info' : level}: ${format(...args)}`);
    },
  });
}

export function logLine(logger: Logger, message: string): void {
  logger(`${time()} ${message}`);
}

/** Calls the handler; sync throws become rejections so callers have one error path. */
export async function invokeHandler(
  registration: Registration,
  input: unknown,
  context: InvocationContext,
): Promise<unknown> {
  return await Promise.resolve().then(() => registration.handler(input, context));
}

/** Error text for logs: message plus the first stack frames, never shown to API callers. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const frames = (error.stack ?? '')
      .split('\n')
      .slice(1, 4)
      .map((l) => l.trim())
      .join(' | ');
    return frames ? `${error.message} (${frames})` : error.message;
  }
  return String(error);
}

/** Output bindings the local runtime does not write; warned once at startup so nothing is silent. */
export function warnUnsupportedOutputs(registry: Registration[], logger: Logger): void {
  for (const registration of registry) {
    for (const [name, binding] of Object.entries(registration.bindings)) {
      if (binding.direction !== 'out' || binding.type === 'http') continue;
      logLine(
        logger,
        `[local] warning: ${registration.name}: output binding "${name}" (${binding.type}) is ignored by the local runtime`,
      );
    }
  }
}
