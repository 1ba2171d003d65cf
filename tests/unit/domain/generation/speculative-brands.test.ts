// Issue #12: a new industry's brand call starts on the words of the command, while the chat model is
// still on its way to switch_mode; the run that tool call creates uses that draft instead of a second call.
import { describe, expect, it } from 'vitest';
import { OfflineModeGenerator } from '../../../../api/adapters/offline/mode-generator';
import { StoredModeCatalog } from '../../../../api/adapters/mode-catalog';
import type { ModeBrandDraft, ModeGenerationRequest } from '../../../../api/contracts/generated-mode';
import { JobRecord } from '../../../../api/contracts/jobs';
import { DomainError, UpstreamUnavailable } from '../../../../api/domain/errors';
import { getBuiltinMode } from '../../../../api/domain/modes/catalog';
import { jobPath } from '../../../../api/domain/modes/generation/job';
import { requestMode } from '../../../../api/domain/modes/generation/request-mode';
import { speculateBrand } from '../../../../api/domain/modes/generation/speculate-brand';
import {
  SPECULATIVE_BRAND_TTL_MS,
  SpeculativeBrands,
} from '../../../../api/domain/modes/generation/speculative-brands';
import { MemoryDocumentStore } from '../../../fakes/memory-document-store';
import { MemoryJobQueue } from '../../../fakes/memory-job-queue';

function setup(limits?: { ttlMs: number; max: number }) {
  const store = new MemoryDocumentStore();
  const queue = new MemoryJobQueue();
  const offline = new OfflineModeGenerator();
  let now = new Date('2026-02-01T12:00:00Z').getTime();
  const clock = { now: () => new Date(now) };
  const logs: string[] = [];
  const log = (line: string) => logs.push(line);
  const drafts = new SpeculativeBrands(clock, log, limits);
  const calls: ModeGenerationRequest[] = [];
  /** Fails the brand calls it is told to, once each, by industry. */
  const failing = new Set<string>();
  /** While set, brand calls wait for it: a test can have a run take a draft still on its way. */
  const gate: { hold?: Promise<void> } = {};
  /** Refuses the brand calls for these industries, permanently (as the model refusing the words would). */
  const refusing = new Set<string>();
  /** Each call gets its own tagline, so a test can tell which call's look is on the job. */
  const designBrand = async (request: ModeGenerationRequest): Promise<ModeBrandDraft> => {
    calls.push(request);
    if (gate.hold) await gate.hold;
    if (failing.delete(request.industry)) throw new UpstreamUnavailable('the designer is busy');
    if (refusing.has(request.industry))
      throw new DomainError('model_refused', 'The model declined these words', 422, false);
    return { ...(await offline.designBrand(request)), tagline: `Brand call ${calls.length}` };
  };
  const catalog = new StoredModeCatalog(store);
  /** Keys a test says are stored already (any finished mode will do: only its presence counts). */
  const stored = new Set<string>();
  const modes = {
    get: async (id: string) => (stored.has(id) ? getBuiltinMode('retail') : catalog.get(id)),
    list: () => catalog.list(),
  };
  let n = 0;
  const modeDeps = {
    modes,
    store,
    queue,
    clock,
    newToken: () => `token-${++n}-abcdef`,
    designBrand,
    speculative: drafts,
    log,
  };
  const speculation = { drafts, designBrand, modes, store, clock, log };
  const speculate = (industry: string, companyName: string | null = null, mayStart = () => true) =>
    speculateBrand({ industry, companyName }, mayStart, speculation);
  /** What switch_mode does when the tool call arrives: the brand step settled, the job's look returned. */
  const toolCall = async (industry: string, companyName: string | null = null) => {
    const outcome = await requestMode({ industry, companyName }, modeDeps);
    if (outcome.kind !== 'job') throw new Error(`expected a job for ${industry}`);
    await outcome.brandStep;
    return JobRecord.parse(await store.getJson(jobPath(outcome.job.id)));
  };
  const advance = (ms: number) => (now += ms);
  /** The tool call's answer as switch_mode gets it, before anyone waits for the brand step. */
  const answer = async (industry: string, companyName: string | null = null) => {
    const outcome = await requestMode({ industry, companyName }, modeDeps);
    if (outcome.kind !== 'job') throw new Error(`expected a job for ${industry}`);
    return outcome.job;
  };
  return {
    answer,
    gate,
    stored,
    drafts,
    calls,
    failing,
    refusing,
    logs,
    speculate,
    toolCall,
    advance,
  };
}

describe('a brand call started on the words of a command (issue #12)', () => {
  it('is used by the run the matching tool call creates: one brand call, its look on the job', async () => {
    const { calls, speculate, toolCall, logs } = setup();
    expect(speculate('veterinary clinic', 'Happy Paws')).toBe('veterinary-clinic--happy-paws');
    await until(() => calls.length === 1); // on its way before the model's tool call arrives
    // The model words it its own way; the same key is the same run.
    const job = await toolCall('a Veterinary Clinic', 'Happy Paws');
    expect(calls).toEqual([{ industry: 'veterinary clinic', companyName: 'Happy Paws' }]);
    expect(job).toMatchObject({ stage: 'brand', brand: { companyName: 'Happy Paws', tagline: 'Brand call 1' } });
    expect(logs.some((l) => /veterinary-clinic--happy-paws uses its speculative brand/.test(l))).toBe(true);
  });

  it("that has arrived before the tool call is in the tool call's answer: the chat's job event carries the look", async () => {
    const { answer, calls, drafts, speculate } = setup();
    speculate('bakery', 'Golden Crust');
    await until(() => drafts.isReady('bakery--golden-crust'));
    const job = await answer('bakery', 'Golden Crust');
    expect(job).toMatchObject({ stage: 'brand', brand: { companyName: 'Golden Crust', tagline: 'Brand call 1' } });
    expect(calls).toHaveLength(1);
  });

  it('still on its way when the tool call arrives does not hold up the answer', async () => {
    const { answer, gate, speculate, calls } = setup();
    gate.hold = new Promise<void>(() => undefined); // the designer never answers in this test
    speculate('bakery', 'Golden Crust');
    await until(() => calls.length === 1);
    const job = await answer('bakery', 'Golden Crust');
    expect(job).toMatchObject({ status: 'queued' });
    expect(job.brand).toBeUndefined();
  });

  it('is not taken by a tool call that names another industry: that run designs its own brand', async () => {
    const { calls, speculate, toolCall, drafts } = setup();
    speculate('veterinary clinic', 'Happy Paws');
    await until(() => calls.length === 1);
    const job = await toolCall('pet grooming salon', 'Happy Paws');
    expect(calls.map((c) => c.industry)).toEqual(['veterinary clinic', 'pet grooming salon']);
    expect(job).toMatchObject({ brand: { tagline: 'Brand call 2' } });
    // The unused draft stays only until it expires.
    expect(drafts.has('veterinary-clinic--happy-paws')).toBe(true);
  });

  it(`is dropped, and logged as spent, once ${SPECULATIVE_BRAND_TTL_MS / 1000} s old; a later run calls again`, async () => {
    const { calls, speculate, toolCall, advance, logs } = setup();
    speculate('llama ranch');
    await until(() => calls.length === 1);
    advance(SPECULATIVE_BRAND_TTL_MS);
    const job = await toolCall('llama ranch');
    expect(calls).toHaveLength(2);
    expect(job).toMatchObject({ brand: { tagline: 'Brand call 2' } });
    expect(logs).toContainEqual(expect.stringMatching(/llama-ranch dropped unused .*one brand call spent/));
  });

  it('keeps a bounded number: the oldest draft goes first when a new one starts', async () => {
    const { drafts, speculate, logs } = setup({ ttlMs: SPECULATIVE_BRAND_TTL_MS, max: 2 });
    speculate('food truck');
    speculate('llama ranch');
    speculate('climbing gym');
    expect(['food-truck', 'llama-ranch', 'climbing-gym'].map((k) => drafts.has(k))).toEqual([false, true, true]);
    expect(logs).toContainEqual(expect.stringMatching(/food-truck dropped unused \(too many kept/));
  });

  it('that failed leaves the run to a normal brand step, which puts its own look on the job', async () => {
    const { gate, calls, failing, speculate, toolCall, logs } = setup();
    let release!: () => void;
    gate.hold = new Promise<void>((resolve) => (release = resolve));
    failing.add('surf school');
    speculate('surf school', 'Blue Wave');
    await until(() => calls.length === 1);
    // The tool call's run takes the draft while it is still on its way; then the call fails.
    const running = toolCall('surf school', 'Blue Wave');
    gate.hold = undefined;
    release();
    const job = await running;
    expect(calls).toHaveLength(2);
    expect(job).toMatchObject({ status: 'queued', stage: 'brand', brand: { tagline: 'Brand call 2' } });
    expect(logs).toContainEqual(expect.stringMatching(/speculative brand for surf-school--blue-wave failed/));
  });

  it("that was refused is the run's failure, with its reason: the same words are not sent again", async () => {
    const { calls, refusing, speculate, toolCall, logs } = setup();
    refusing.add('haunted house');
    speculate('haunted house');
    await until(() => logs.some((l) => /refused/.test(l)));
    const job = await toolCall('haunted house');
    expect(calls).toHaveLength(1);
    expect(job).toMatchObject({ status: 'failed', error: { message: expect.stringMatching(/declined/) } });
  });

  it('starts nothing for a pre-built fit, a company variant of one, or a caller with no generation left', () => {
    const { calls, speculate } = setup();
    expect(speculate('bank')).toBeUndefined();
    expect(speculate('bank', 'Acme Federal')).toBeUndefined();
    expect(speculate('airline', 'Sky High')).toBeUndefined();
    expect(speculate('bakery', 'Golden Crust', () => false)).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('makes no call for a mode already stored or a job already running, and a second command joins the first', async () => {
    const { stored, calls, speculate, toolCall, drafts } = setup();
    stored.add('bakery');
    await toolCall('climbing gym'); // a live job, with its own brand call
    speculate('bakery');
    speculate('climbing gym');
    expect(speculate('food truck')).toBe('food-truck');
    expect(speculate('food truck')).toBeUndefined();
    await until(() => !drafts.has('bakery') && !drafts.has('climbing-gym'));
    expect(calls.map((c) => c.industry)).toEqual(['climbing gym', 'food truck']);
  });
});

/** Lets the kept drafts' checks (memory-store reads) settle; bounded. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !done(); i++) await new Promise((resolve) => setImmediate(resolve));
  expect(done()).toBe(true);
}
