import type { ChatEvent, ChatMessage, FinishReason, Usage } from '../../contracts/chat';
import type { Mode } from '../../contracts/mode';
import type { Persona } from '../../contracts/persona';
import { ContentFiltered, DomainError } from '../errors';
import type { ChatModel, ModelMessage, ModelToolCall } from '../ports';
import { contentFilteredReply } from '../prompts/content-filtered';
import { cachedSystemPrompt } from '../prompts/system-prompt';
import type { ToolGuard } from '../guard/tool-guard';
import { failedRun, toolError, type ModeCatalog, type ToolContext, type ToolOutcome } from '../tools/context';
import { parseToolArguments, runTool, toolDefinitions } from '../tools/registry';
import { capHistory } from './history';

export const MAX_TOOL_ROUNDS = 4;
export const MAX_TOOL_CALLS_PER_TURN = 8;
export const HISTORY_LIMIT = 24;
/** A realistic completion cap: Azure reserves prompt + max tokens against TPM up front (docs/pitfalls.md 4.1). */
export const MAX_COMPLETION_TOKENS = 400;

export interface ChatTurn {
  mode: Mode;
  personaSeed: number;
  messages: ChatMessage[];
  /** Scopes tool rate limits and the audit log. */
  sessionId?: string;
}

export interface ChatDeps {
  model: ChatModel;
  modes: ModeCatalog;
  persona(mode: Mode, seed: number): Persona;
  /** Unexpected failures are logged here before the client gets a generic error event. */
  log?(error: unknown): void;
  /** Rate limit and audit log for every tool call (docs/pitfalls.md 9.2). */
  guard?: ToolGuard;
  /** Lets switch_mode reach stored and generated modes (issue #4). */
  requestMode?: ToolContext['requestMode'];
  /** Lets make_chart_image reach the chart image cache and queue (issue #6). */
  requestChartImage?: ToolContext['requestChartImage'];
}

/**
 * One stateless chat turn: a capped tool loop that streams text, runs tools against the current
 * mode, switches modes mid-turn, and ends with exactly one `done` event.
 */
export async function* runChat(turn: ChatTurn, deps: ChatDeps, signal?: AbortSignal): AsyncGenerator<ChatEvent> {
  let mode = turn.mode;
  let persona = deps.persona(mode, turn.personaSeed);
  const summaries = await deps.modes.list();
  const history: ModelMessage[] = capHistory(turn.messages, HISTORY_LIMIT);
  const added: ChatMessage[] = [];
  const usage: Usage = { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
  let model = 'unknown';
  let finishReason: FinishReason = 'tool_limit';
  let toolCalls = 0;

  try {
    for (let round = 0; round < MAX_TOOL_ROUNDS; round++) {
      const messages: ModelMessage[] = [
        { role: 'system', content: cachedSystemPrompt(mode, persona, summaries) },
        ...history,
      ];
      let text = '';
      const calls: ModelToolCall[] = [];
      for await (const chunk of deps.model.stream(
        {
          messages,
          tools: toolDefinitions(),
          maxCompletionTokens: MAX_COMPLETION_TOKENS,
          context: { modeId: mode.id, personaSeed: turn.personaSeed },
        },
        signal,
      )) {
        if (chunk.type === 'text') {
          text += chunk.text;
          yield { type: 'delta', text: chunk.text };
        } else if (chunk.type === 'status') {
          yield { type: 'status', message: chunk.message };
        } else if (chunk.type === 'tool_call') {
          calls.push(chunk.call);
        } else if (chunk.type === 'end') {
          model = chunk.model;
          finishReason = chunk.finishReason;
          usage.promptTokens += chunk.usage.promptTokens;
          usage.completionTokens += chunk.usage.completionTokens;
          usage.totalTokens += chunk.usage.totalTokens;
        }
      }
      const assistant: ChatMessage = {
        role: 'assistant',
        content: text || null,
        ...(calls.length ? { tool_calls: calls } : {}),
      };
      history.push(assistant);
      added.push(assistant);
      if (calls.length === 0) break;

      for (const call of calls) {
        toolCalls++;
        const parsed = parseToolArguments(call.function.arguments);
        const gateCall = {
          sessionId: turn.sessionId ?? 'anonymous',
          modeId: mode.id,
          tool: call.function.name,
          args: parsed.ok ? parsed.value : call.function.arguments,
        };
        const refused = deps.guard?.admit(gateCall);
        const outcome: ToolOutcome = refused
          ? failedRun(call.function.name, gateCall.args, refused)
          : toolCalls > MAX_TOOL_CALLS_PER_TURN
            ? failedRun(
                call.function.name,
                gateCall.args,
                toolError('tool_limit', 'Too many tool calls in one turn; answer with what you have.'),
              )
            : parsed.ok
              ? await runTool(call.function.name, parsed.value, {
                  mode,
                  persona,
                  modes: deps.modes,
                  requestMode: deps.requestMode,
                  requestChartImage: deps.requestChartImage,
                })
              : failedRun(
                  call.function.name,
                  gateCall.args,
                  toolError('invalid_json', 'The arguments were not valid JSON.'),
                );
        deps.guard?.record(gateCall, outcome);
        yield { type: 'tool', callId: call.id, ...outcome.run };
        if (outcome.job) yield { type: 'job', ...outcome.job };
        if ('switchedTo' in outcome && outcome.switchedTo) {
          mode = outcome.switchedTo;
          persona = deps.persona(mode, turn.personaSeed);
          yield { type: 'mode', mode, persona };
        }
        const toolMessage: ChatMessage = {
          role: 'tool',
          tool_call_id: call.id,
          content: JSON.stringify(outcome.run.result),
        };
        history.push(toolMessage);
        added.push(toolMessage);
      }
      finishReason = 'tool_limit';
    }
  } catch (error) {
    if (signal?.aborted) return;
    if (error instanceof ContentFiltered) {
      // Answer in character, then say why with a non-retryable event (docs/pitfalls.md 5.1).
      const reply: ChatMessage = { role: 'assistant', content: contentFilteredReply(mode) };
      yield { type: 'delta', text: reply.content ?? '' };
      added.push(reply);
    }
    const known = error instanceof DomainError;
    if (!known) deps.log?.(error);
    yield {
      type: 'error',
      code: known ? error.code : 'internal',
      message: known ? error.message : 'Something went wrong while answering. Please try again.',
      retryable: known ? error.retryable : true,
    };
    finishReason = error instanceof ContentFiltered ? 'content_filter' : 'error';
  }
  yield { type: 'done', finishReason, model, usage, messages: added };
}
