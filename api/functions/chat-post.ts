import { app, type HttpResponseInit } from '@azure/functions';
import { ChatRequest } from '../contracts/chat';
import { getDeps } from '../deps';
import type { BillableRouteDeps } from '../http/billed-starters';
import { runChat } from '../domain/chat/run-chat';
import { NotFound } from '../domain/errors';
import { billedRoute, withBilling } from '../http/with-billing';
import { ownedRequestMode } from '../http/gallery-owner';
import { readJson } from '../http/read-json';
import { flushAfter } from '../http/flush-after';
import { sseResponse } from '../http/sse';

export function chatPost(deps: () => BillableRouteDeps) {
  return billedRoute(async (request, context, billed): Promise<HttpResponseInit> => {
    const body = await readJson(request, ChatRequest);
    const { modes, chatModel, persona, toolGuard, speculateBrand } = deps();
    const requestMode = ownedRequestMode(billed.requestMode, deps().gallery, body.sessionId, context);
    const mode = await modes.get(body.modeId);
    if (!mode) throw new NotFound(`Mode "${body.modeId}"`);
    // A new industry's brand call starts on the command's words, overlapping the model's turn (issue #12).
    const said = body.messages.at(-1);
    if (speculateBrand && said?.role === 'user' && billed.mayLikelySpend)
      speculateBrand(said.content, () => billed.mayLikelySpend?.('generation') ?? false);
    const turn = { mode, personaSeed: body.personaSeed, messages: body.messages, sessionId: body.sessionId };
    const events = runChat(turn, {
      model: chatModel,
      modes,
      persona,
      guard: toolGuard,
      requestMode,
      requestChartImage: billed.requestChartImage,
      log: (e) => context.error('chat failed', e),
    });
    return sseResponse(flushAfter(events, () => toolGuard.flush()));
  });
}

app.http('chat-post', { route: 'chat', methods: ['POST'], handler: withBilling('chat', chatPost(getDeps), getDeps) });
