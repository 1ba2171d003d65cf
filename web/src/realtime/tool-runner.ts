import type { ToolEvent } from '../../../api/contracts/chat';
import { toApiError } from '../api/client';
import type { ClientEvent } from './events';
import { runTool, type ToolResponse } from './voice-api';

/** A tool answer slower than this is answered "in progress" at once, so the voice keeps talking. */
export const SLOW_TOOL_MS = 1200;

export interface ToolHost {
  conversation(): { sessionId: string; modeId: string; personaSeed: number };
  /** Applies a result to the UI exactly like a chat `tool` event (charts, tabs, mode, job). */
  apply(event: ToolEvent, response: ToolResponse | null): void;
  send(event: ClientEvent): void;
}

interface Run {
  callId: string;
  done: Promise<void>;
  settled: boolean;
  /** An "in progress" output was already sent; the real result follows as a system message. */
  interim: boolean;
}

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const output = (callId: string, value: unknown): ClientEvent => ({
  type: 'conversation.item.create',
  item: { type: 'function_call_output', call_id: callId, output: JSON.stringify(value).slice(0, 16_000) },
});

/**
 * The realtime function-calling loop (openai-node `src/resources/realtime/realtime.ts`): each `response.function_call_arguments.done`
 * runs the tool on the server (`POST /api/tools/{name}`, validated there against the current mode),
 * the result goes to the UI at once and back to the model as `function_call_output`; when the
 * response that asked is done, one `response.create` lets the model go on. A slow tool gets an
 * "in progress" output so speech does not stall, and its real result arrives as a system item.
 */
export class ToolRunner {
  private readonly runs = new Map<string, Run[]>();
  private readonly abort = new AbortController();

  constructor(private readonly host: ToolHost) {}

  call(responseId: string, callId: string, name: string, args: string): void {
    performance.mark('presto:voice-tool-call', { detail: { name } });
    const run: Run = { callId, done: Promise.resolve(), settled: false, interim: false };
    run.done = this.execute(run, callId, name, args).finally(() => {
      run.settled = true;
    });
    this.runs.set(responseId, [...(this.runs.get(responseId) ?? []), run]);
  }

  /** The response that called tools has finished: continue once every result is in (or answered for). */
  async responseDone(responseId: string): Promise<void> {
    const runs = this.runs.get(responseId);
    if (!runs) return;
    this.runs.delete(responseId);
    const all = Promise.all(runs.map((r) => r.done));
    const inTime = await Promise.race([all.then(() => true), delay(SLOW_TOOL_MS).then(() => false)]);
    if (this.abort.signal.aborted) return;
    if (!inTime) {
      for (const run of runs.filter((r) => !r.settled)) {
        run.interim = true;
        this.host.send(
          output(run.callId, {
            status: 'in_progress',
            message: 'The screen is still updating. Tell the customer it is on its way; do not guess the figures.',
          }),
        );
      }
    }
    this.host.send({ type: 'response.create' });
  }

  /** A tool call is still waiting for its answer. */
  get busy(): boolean {
    return [...this.runs.values()].some((runs) => runs.some((r) => !r.settled));
  }

  close(): void {
    this.abort.abort();
  }

  private async execute(run: Run, callId: string, name: string, rawArgs: string): Promise<void> {
    let args: unknown;
    try {
      args = JSON.parse(rawArgs || '{}');
    } catch {
      return this.host.send(
        output(callId, { error: { code: 'invalid_arguments', message: 'The arguments were not valid JSON.' } }),
      );
    }
    let response: ToolResponse | null = null;
    let event: ToolEvent;
    try {
      response = await runTool(name, { ...this.host.conversation(), args }, this.abort.signal);
      const { mode: _mode, persona: _persona, job: _job, ...run } = response;
      event = { type: 'tool', callId, ...run };
    } catch (error) {
      if (this.abort.signal.aborted) return;
      const e = toApiError(error);
      event = { type: 'tool', callId, ok: false, name, args, result: { error: { code: e.code, message: e.message } } };
    }
    const result = event.result;
    this.host.apply(event, response);
    if (!run.interim) return this.host.send(output(callId, result));
    this.host.send({
      type: 'conversation.item.create',
      item: {
        type: 'message',
        role: 'system',
        content: [
          { type: 'input_text', text: `The ${name} result is now on screen: ${JSON.stringify(result).slice(0, 4000)}` },
        ],
      },
    });
  }
}
