import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { ChatRequest } from '../contracts/chat';
import { getDeps, type Deps } from '../deps';
import { runChat } from '../domain/chat/run-chat';
import { NotFound } from '../domain/errors';
import { withErrors } from '../http/errors';
import { withBilling } from '../http/with-billing';
import { ownedRequestMode } from '../http/gallery-owner';
import { billedStarters } from '../http/billed-starters';
import { readJson } from '../http/read-json';
import { flushAfter } from '../http/flush-after';
import { sseResponse } from '../http/sse';

export function chatPost(deps: () => Deps) {
  return withErrors(async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
    const body = await readJson(request, ChatRequest);
    const { modes, chatModel, persona, toolGuard } = deps();
    const { requestMode: billed, requestChartImage } = billedStarters(deps(), context);
    const requestMode = ownedRequestMode(billed, deps().gallery, body.sessionId, context);
    const mode = await modes.get(body.modeId);
    if (!mode) throw new NotFound(`Mode "${body.modeId}"`);
    const turn = { mode, personaSeed: body.personaSeed, messages: body.messages, sessionId: body.sessionId };
    const events = runChat(turn, {
      model: chatModel,
      modes,
      persona,
      guard: toolGuard,
      requestMode,
      requestChartImage,
      log: (e) => context.error('chat failed', e),
    });
    return sseResponse(flushAfter(events, () => toolGuard.flush()));
  });
}

app.http('chat-post', { route: 'chat', methods: ['POST'], handler: withBilling('chat', chatPost(getDeps), getDeps) });
