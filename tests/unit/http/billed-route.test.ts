import type { HttpHandler } from '@azure/functions';
import { describe, expect, it } from 'vitest';
import type { Deps } from '../../../api/deps';
import { chartsPost } from '../../../api/functions/charts-post';
import { chatPost } from '../../../api/functions/chat-post';
import { modesPost } from '../../../api/functions/modes-post';
import { toolsPost } from '../../../api/functions/tools-post';
import type { BillableRouteDeps } from '../../../api/http/billed-starters';
import { withBilling } from '../../../api/http/with-billing';

// The @ts-expect-error lines are the test: `npm run typecheck` fails if any of them compiles.
const deps = (): Deps => {
  throw new Error('never called: these checks are about types');
};

describe('billing is passed to a billable route, not looked up beside it', () => {
  it('a billable route registered without withBilling does not compile', () => {
    // @ts-expect-error chat-post's handler needs the billed starters only withBilling passes
    const chat: HttpHandler = chatPost(deps);
    // @ts-expect-error tools-post's handler needs the billed starters only withBilling passes
    const tools: HttpHandler = toolsPost(deps);
    // @ts-expect-error charts-post's handler needs the billed starters only withBilling passes
    const charts: HttpHandler = chartsPost();
    // @ts-expect-error modes-post's handler needs the billed starters only withBilling passes
    const modes: HttpHandler = modesPost(deps);
    const billed: HttpHandler = withBilling('chat', chatPost(deps), deps);
    expect([chat, tools, charts, modes, billed].map((handler) => typeof handler)).toEqual(Array(5).fill('function'));
  });

  it("a billable route's deps hold no unbilled starter", () => {
    const reach = (routeDeps: BillableRouteDeps) => [
      // @ts-expect-error the starter that spends nothing is withBilling's to wrap, not the route's to call
      routeDeps.requestMode,
      // @ts-expect-error the starter that spends nothing is withBilling's to wrap, not the route's to call
      routeDeps.requestChartImage,
    ];
    expect(reach).toBeTypeOf('function');
  });
});
