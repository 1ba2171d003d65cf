import { describe, expect, it } from 'vitest';
import { ChatEvent } from '../../../../api/contracts/chat';
import { BlobAuditLog } from '../../../../api/adapters/audit/blob-audit-log';
import { StoredModeCatalog } from '../../../../api/adapters/mode-catalog';
import { OfflineChatModel } from '../../../../api/adapters/offline/chat-model';
import { runChat } from '../../../../api/domain/chat/run-chat';
import { SlidingWindowLimiter } from '../../../../api/domain/guard/rate-limit';
import {
  auditPath,
  MODE_SWITCHES_PER_MINUTE,
  TOOL_CALLS_PER_MINUTE,
  ToolGuard,
} from '../../../../api/domain/guard/tool-guard';
import { getBuiltinMode } from '../../../../api/domain/modes/catalog';
import { requestMode } from '../../../../api/domain/modes/generation/request-mode';
import { buildPersona } from '../../../../api/domain/persona';
import { failedRun, toolError, type ToolOutcome } from '../../../../api/domain/tools/context';
import { MemoryDocumentStore } from '../../../fakes/memory-document-store';
import { MemoryJobQueue } from '../../../fakes/memory-job-queue';
import { END, ScriptedChatModel, call } from '../../../fakes/scripted-chat-model';

const at = new Date('2026-05-04T09:30:00Z');
const tabOpened: ToolOutcome = {
  run: { ok: true, name: 'select_tab', args: { tab_id: 'home' }, result: { tab: { id: 'home', label: 'Home' } } },
};

describe('SlidingWindowLimiter', () => {
  it('allows `limit` hits per window per key and says when a slot frees', () => {
    const limiter = new SlidingWindowLimiter(3, 60_000);
    for (let i = 0; i < 3; i++) expect(limiter.take('s', 1000 + i).ok).toBe(true);
    expect(limiter.take('s', 2000)).toEqual({ ok: false, retryAfterMs: 59_000 });
    expect(limiter.take('other', 2000).ok).toBe(true);
    expect(limiter.take('s', 61_001).ok).toBe(true);
  });

  it('keeps memory bounded however many session ids appear', () => {
    const limiter = new SlidingWindowLimiter(1, 60_000, 100);
    for (let i = 0; i < 10_000; i++) limiter.take(`session-${i}`, i);
    expect(limiter.size).toBe(100);
  });
});

describe('ToolGuard', () => {
  const setup = () => {
    const store = new MemoryDocumentStore();
    const audit = new BlobAuditLog(store);
    return { store, guard: new ToolGuard(audit, { now: () => at }) };
  };
  const call1 = (tool = 'show_chart') => ({
    sessionId: 'session-1',
    modeId: 'banking',
    tool,
    args: { dataset_ids: ['checking'] },
  });

  const newMode = () => ({
    ...call1('switch_mode'),
    args: { industry: 'veterinary clinic', builtin: null, company_name: 'Happy Paws' },
  });
  const prebuilt = (builtin: string) => ({
    ...call1('switch_mode'),
    args: { industry: builtin, builtin, company_name: null },
  });

  it('rate-limits tool calls per session, and switches that may generate a mode more tightly', () => {
    const { guard } = setup();
    for (let i = 0; i < MODE_SWITCHES_PER_MINUTE; i++) expect(guard.admit(newMode())).toBeUndefined();
    expect(guard.admit(newMode())?.result).toMatchObject({
      error: { code: 'rate_limited', message: expect.stringMatching(/new modes/) },
    });
    const variant = {
      ...prebuilt('banking'),
      args: { industry: 'bank', builtin: 'banking', company_name: 'Wells Fargo' },
    };
    expect(guard.admit(variant)?.result).toMatchObject({ error: { code: 'rate_limited' } });
    // Unparseable arguments are no way around the tighter budget.
    expect(guard.admit(call1('switch_mode'))?.result).toMatchObject({ error: { code: 'rate_limited' } });
    for (let i = MODE_SWITCHES_PER_MINUTE; i < TOOL_CALLS_PER_MINUTE; i++) expect(guard.admit(call1())).toBeUndefined();
    expect(guard.admit(call1())?.result).toMatchObject({
      error: { code: 'rate_limited', message: expect.stringMatching(/try again in \d+ s/) },
    });
    expect(guard.admit({ ...call1(), sessionId: 'session-2' })).toBeUndefined();
  });

  it('lets pre-built switches through up to the overall per-minute budget, not the generation one', () => {
    const { guard } = setup();
    const ids = ['insurance', 'banking', 'airline', 'healthcare', 'retail', 'energy'];
    for (let i = 0; i < 12; i++) expect(guard.admit(prebuilt(ids[i % ids.length]!))).toBeUndefined();
    // Paid work still has its own budget, untouched by the pre-built tour.
    for (let i = 0; i < MODE_SWITCHES_PER_MINUTE; i++) expect(guard.admit(newMode())).toBeUndefined();
    expect(guard.admit(newMode())?.result).toMatchObject({ error: { code: 'rate_limited' } });
    for (let i = 12 + MODE_SWITCHES_PER_MINUTE; i < TOOL_CALLS_PER_MINUTE; i++)
      expect(guard.admit(prebuilt('banking'))).toBeUndefined();
    expect(guard.admit(prebuilt('banking'))?.result).toMatchObject({
      error: { code: 'rate_limited', message: expect.stringMatching(/actions/) },
    });
  });

  it('appends every call with its outcome to audit/<day>/<session>.jsonl, without blocking', async () => {
    const { guard, store } = setup();
    guard.record(call1(), tabOpened);
    guard.record(call1('select_tab'), failedRun('select_tab', {}, toolError('unknown_tab', 'x')));
    guard.record(call1('switch_mode'), {
      ...tabOpened,
      job: { jobId: 'food-bank', kind: 'mode-generation', status: 'queued' },
    });
    expect(store.appended.size).toBe(0); // nothing written synchronously
    await guard.flush();
    const lines = store.appended.get(auditPath(at, 'session-1'))!.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(auditPath(at, 'session-1')).toBe('audit/2026-05-04/session-1.jsonl');
    expect(lines.map((l) => [l.tool, l.outcome, l.code ?? null, l.jobId ?? null])).toEqual([
      ['show_chart', 'ok', null, null],
      ['select_tab', 'error', 'unknown_tab', null],
      ['switch_mode', 'ok', null, 'food-bank'],
    ]);
    expect(lines[0]).toMatchObject({
      at: at.toISOString(),
      sessionId: 'session-1',
      modeId: 'banking',
      args: '{"dataset_ids":["checking"]}',
    });
  });

  it('truncates huge arguments in the log', async () => {
    const { guard, store } = setup();
    guard.record({ ...call1(), args: { title: 'x'.repeat(10_000) } }, tabOpened);
    await guard.flush();
    const line = JSON.parse(store.appended.get(auditPath(at, 'session-1'))![0]!) as { args: string };
    expect(line.args.length).toBeLessThanOrEqual(1000);
  });
});

describe('runChat with the guard and generated modes', () => {
  const banking = getBuiltinMode('banking')!;
  const persona = (mode: typeof banking, seed: number) => buildPersona(mode, seed, at);

  async function run(model: ScriptedChatModel | OfflineChatModel, text: string, guard?: ToolGuard) {
    const store = new MemoryDocumentStore();
    const queue = new MemoryJobQueue();
    const modes = new StoredModeCatalog(store);
    const deps = { modes, store, queue, clock: { now: () => at }, newToken: () => 'token-abcdefgh' };
    const events: ChatEvent[] = [];
    const turn = {
      mode: banking,
      personaSeed: 3,
      sessionId: 'session-9',
      messages: [{ role: 'user' as const, content: text }],
    };
    for await (const e of runChat(turn, { model, modes, persona, guard, requestMode: (r) => requestMode(r, deps) }))
      events.push(ChatEvent.parse(e));
    return { events, queue };
  }

  it('switch_mode with no pre-built fit emits tool then job {queued}; the offline reply says it is being prepared', async () => {
    const modes = new StoredModeCatalog(new MemoryDocumentStore());
    const { events, queue } = await run(
      new OfflineChatModel((id) => modes.get(id), 0),
      "Presto-Change-O, you're a veterinary clinic called Happy Paws",
    );
    const types = events.map((e) => e.type);
    expect(types.indexOf('job')).toBe(types.indexOf('tool') + 1);
    expect(events.find((e) => e.type === 'job')).toEqual({
      type: 'job',
      jobId: 'veterinary-clinic--happy-paws',
      kind: 'mode-generation',
      status: 'queued',
    });
    expect(types).not.toContain('mode'); // the old mode stays until the new one is ready
    const text = events.flatMap((e) => (e.type === 'delta' ? [e.text] : [])).join('');
    expect(text).toMatch(/Happy Paws is taking shape/);
    expect(queue.sent).toHaveLength(1);
  });

  it('a company name makes a variant even when a pre-built mode fits the industry, switched to at once', async () => {
    const model = new ScriptedChatModel([
      [call('c1', 'switch_mode', { industry: 'bank', builtin: 'banking', company_name: 'Wells Fargo' }), END],
      [END],
    ]);
    const { events } = await run(model, 'x');
    expect(events.find((e) => e.type === 'job')).toBeUndefined();
    expect(events.find((e) => e.type === 'mode')).toMatchObject({
      mode: { id: 'banking--wells-fargo', companyName: 'Wells Fargo' },
    });
  });

  it('refuses tool calls over the session limit with a tool error the model sees, and audits each call', async () => {
    const store = new MemoryDocumentStore();
    const guard = new ToolGuard(new BlobAuditLog(store), { now: () => at });
    const rounds = Array.from({ length: 2 }, () => [
      call('c', 'switch_mode', { industry: 'bank', builtin: 'banking', company_name: 'Wells Fargo' }),
      END,
    ]);
    const model = new ScriptedChatModel([...rounds, [END]]);
    for (let i = 0; i < MODE_SWITCHES_PER_MINUTE; i++)
      guard.admit({ sessionId: 'session-9', modeId: 'banking', tool: 'switch_mode', args: {} });
    const { events } = await run(model, 'x', guard);
    const tool = events.find((e) => e.type === 'tool');
    expect(tool?.type === 'tool' && tool.result).toMatchObject({ error: { code: 'rate_limited' } });
    await guard.flush();
    const lines = store.appended.get(auditPath(at, 'session-9'))!.map((l) => JSON.parse(l) as { outcome: string });
    expect(lines.map((l) => l.outcome)).toEqual(['refused', 'refused']);
  });
});
