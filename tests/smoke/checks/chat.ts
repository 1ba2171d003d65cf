import type { ChatEvent } from '../../../api/contracts/chat';
import { runChat } from '../../../api/domain/chat/run-chat';
import { DomainError } from '../../../api/domain/errors';
import { builtinModeSummaries, getBuiltinMode } from '../../../api/domain/modes/catalog';
import { personaMemo } from '../../../api/domain/persona';
import type { SmokeContext } from '../context';
import { explainAzure, type AzureTarget } from '../hints';
import { CheckFailed, type Check } from '../runner';

/** Worded so any chat model must call a tool: the figures exist only behind show_metrics. */
export const CHAT_PROMPT = 'Give me an overview of my key metrics.';

/**
 * One chat turn through the real ChatModel adapter and the domain tool loop (runChat), on the
 * pre-built banking mode: it passes when the model called a tool that succeeded and then answered
 * in words — the loop a visitor's first question runs.
 */
export function chatCheck(ctx: SmokeContext): Check {
  const target: AzureTarget = {
    variable: 'AZURE_OPENAI_CHAT_DEPLOYMENT',
    deployment: ctx.config.AZURE_OPENAI_CHAT_DEPLOYMENT,
    model: 'chat model with tool calling (model-router, gpt-4.1-mini …)',
    capacity: 'PRESTO_CHAT_CAPACITY',
  };
  return {
    id: 'chat',
    title: 'chat + tool call',
    timeoutMs: 45_000,
    usage: () => ctx.meter.peek(target.deployment),
    explain: (error) => explainAzure(error, target, ctx.meter.networkFailure()),
    async run(signal) {
      const mode = getBuiltinMode('banking')!;
      const persona = personaMemo();
      const events: ChatEvent[] = [];
      for await (const event of runChat(
        { mode, personaSeed: 7, messages: [{ role: 'user', content: CHAT_PROMPT }], sessionId: 'smoke' },
        {
          model: ctx.azure.chatModel,
          modes: { get: async (id) => getBuiltinMode(id), list: async () => builtinModeSummaries() },
          persona: (m, seed) => persona(m, seed, new Date()),
        },
        signal,
      ))
        events.push(event);
      const usage = await ctx.meter.usageOf(target.deployment);
      const error = events.find((e) => e.type === 'error');
      const done = events.find((e) => e.type === 'done');
      if (error?.type === 'error') {
        // runChat turns adapter errors into error events; their code picks the fix.
        const explained = explainAzure(
          new DomainError(error.code, `${error.code}: ${error.message}`, 502),
          target,
          ctx.meter.networkFailure(),
        );
        throw new CheckFailed(explained.detail, explained.fix, usage);
      }
      const tools = events.filter((e) => e.type === 'tool');
      const failedTool = tools.find((t) => hasError(t.result));
      if (tools.length === 0)
        throw new CheckFailed(
          `the model answered without calling a tool ("${text(events).slice(0, 80)}")`,
          `${target.variable} must be a deployment that supports tool calling`,
          usage,
        );
      if (failedTool?.type === 'tool')
        throw new CheckFailed(
          `the tool ${failedTool.name} failed: ${JSON.stringify(failedTool.result).slice(0, 160)}`,
          undefined,
          usage,
        );
      const answer = text(events);
      if (!answer)
        throw new CheckFailed('tools ran but no answer followed', `${target.variable}: check the model`, usage);
      const model = done?.type === 'done' ? done.model : 'unknown';
      const names = [...new Set(tools.map((t) => (t.type === 'tool' ? t.name : '')))].join(', ');
      return {
        outcome: 'ok',
        detail: `${target.deployment} → ${model}; called ${names}; answered "${answer.slice(0, 60)}${answer.length > 60 ? '…' : ''}"`,
        usage,
      };
    },
  };
}

function hasError(result: unknown): boolean {
  return !!result && typeof result === 'object' && 'error' in result;
}

function text(events: ChatEvent[]): string {
  return events
    .map((e) => (e.type === 'delta' ? e.text : ''))
    .join('')
    .trim();
}
