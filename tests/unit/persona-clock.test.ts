import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/config';
import { buildDeps } from '../../api/deps';
import { getBuiltinMode } from '../../api/domain/modes/catalog';
import { MemoryDocumentStore } from '../fakes/memory-document-store';

const banking = getBuiltinMode('banking')!;

describe('one persona function, on the injected clock', () => {
  it("a persona's months end on the clock's month, not the machine's", () => {
    const deps = buildDeps(loadConfig({ AI_PROVIDER: 'offline' }), {
      store: new MemoryDocumentStore(),
      clock: { now: () => new Date('2025-03-10T12:00:00Z') },
    });
    expect(deps.persona(banking, 7).series.checking?.at(-1)?.x).toBe('2025-03');
  });

  it('chat, tools and the chart routes read one memoised persona per mode, seed and month', () => {
    const now = new Date('2025-03-10T12:00:00Z');
    const deps = buildDeps(loadConfig({ AI_PROVIDER: 'offline' }), {
      store: new MemoryDocumentStore(),
      clock: { now: () => now },
    });
    // The figures are the month's one memoised persona; its lists and actions (dated by the day) ride on it.
    const monthly = deps.personaAt(banking, 7, new Date('2025-03-01T00:00:00Z'));
    expect(deps.persona(banking, 7).series).toBe(monthly.series);
    expect(deps.persona(banking, 7).fields).toBe(monthly.fields);
    expect(deps.persona(banking, 7)).toBe(deps.persona(banking, 7));
    expect(deps.persona(banking, 7).lists?.length).toBeGreaterThan(0);
  });
});
