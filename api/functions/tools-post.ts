import { app, type HttpResponseInit } from '@azure/functions';
import { ToolRequest, type ToolResponse } from '../contracts/chat';
import { ToolName } from '../contracts/tools';
import { getDeps } from '../deps';
import type { BillableRouteDeps } from '../http/billed-starters';
import { NotFound } from '../domain/errors';
import { failedRun } from '../domain/tools/context';
import { runTool } from '../domain/tools/registry';
import { jsonError } from '../http/errors';
import { billedRoute, withBilling } from '../http/with-billing';
import { ownedRequestMode } from '../http/gallery-owner';
import { waitAtMost } from '../http/flush-after';
import { readJson } from '../http/read-json';

/** Runs one tool for the voice client (realtime tool calls arrive in the browser). */
export function toolsPost(deps: () => BillableRouteDeps) {
  return billedRoute(async (request, context, billed): Promise<HttpResponseInit> => {
    const name = ToolName.safeParse(request.params.name);
    if (!name.success)
      return jsonError(404, 'unknown_tool', `There is no tool named "${String(request.params.name).slice(0, 64)}".`);
    const body = await readJson(request, ToolRequest);
    const { modes, persona, toolGuard } = deps();
    const requestMode = ownedRequestMode(billed.requestMode, deps().gallery, body.sessionId, context);
    const mode = await modes.get(body.modeId);
    if (!mode) throw new NotFound(`Mode "${body.modeId}"`);
    const call = { sessionId: body.sessionId, modeId: mode.id, tool: name.data, args: body.args };
    const refused = toolGuard.admit(call);
    const outcome = refused
      ? failedRun(name.data, body.args, refused)
      : await runTool(name.data, body.args, {
          mode,
          persona: persona(mode, body.personaSeed),
          modes,
          requestMode,
          requestChartImage: billed.requestChartImage,
        });
    toolGuard.record(call, outcome);
    // Capped, so a slow audit write can delay a voice tool result by at most this much.
    await waitAtMost(toolGuard.flush(), 500);
    const switched = outcome.switchedTo;
    const response: ToolResponse = {
      ...outcome.run,
      ...(switched ? { mode: switched, persona: persona(switched, body.personaSeed) } : {}),
      ...(outcome.job ? { job: outcome.job } : {}),
    };
    return { status: 200, jsonBody: response };
  });
}

app.http('tools-post', {
  route: 'tools/{name}',
  methods: ['POST'],
  handler: withBilling('tool', toolsPost(getDeps), getDeps),
});
