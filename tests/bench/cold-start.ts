import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { freeAzuritePorts, startAzurite } from '../../api/local/azurite';

export interface ColdSample {
  /** Importing every file package.json `main` names, as the worker does at start. */
  importWallMs: number;
  importCpuMs: number;
  /** Import, then one offline chat turn through the chat function, streamed to its end. */
  answerWallMs?: number;
  answerCpuMs?: number;
  /** Files of the app (not node_modules) loaded by the import, and after the first answer. */
  importFiles: number;
  answerFiles?: number;
}

// Runs in a fresh Node process per sample. The functions-core shim stands in for the worker (so the
// functions register as they do on Azure, not in @azure/functions' test mode) and is loaded before the
// clock starts, as the worker is. Then `main` is required; then, when a storage connection is given, the
// chat function answers one offline turn (the offline engine, Blob and Table Storage on Azurite: billing,
// audit) with chunks unpaced, and the clock stops when the answer has streamed to its end.
const CHILD = `
const root = process.argv[1];
const storage = process.argv[2];
const { installFunctionsCoreShim } = require(root + '/dist/api/local/functions-core-shim.js');
const { expandGlob } = require(root + '/dist/api/local/load-app.js');
const registry = installFunctionsCoreShim();
if (storage) Object.assign(process.env, { AI_PROVIDER: 'offline', AzureWebJobsStorage: storage, PRESTO_OFFLINE_CHUNK_MS: '0' });
const files = expandGlob(root, require(root + '/package.json').main);
const ours = () => Object.keys(require.cache).filter((f) => f.startsWith(root + '/dist/') && !f.startsWith(root + '/dist/api/local/')).length;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (const file of files) require(file);
const cpu = (since) => { const u = process.cpuUsage(since); return (u.user + u.system) / 1000; };
const sample = { importWallMs: performance.now() - t0, importCpuMs: cpu(cpu0), importFiles: ours() };
const done = () => process.stdout.write(JSON.stringify(sample));
if (!storage) done();
else {
  const { HttpRequest, HttpResponse } = require(require.resolve('@azure/functions', { paths: [root] }));
  const { createInvocationContext } = require(root + '/dist/api/local/invocation.js');
  const chat = registry.find((r) => r.name === 'chat-post');
  const body = JSON.stringify({ sessionId: 'cold-start', modeId: 'banking', personaSeed: 1,
    messages: [{ role: 'user', content: 'How much is left in my checking account?' }] });
  const request = new HttpRequest({ method: 'POST', url: 'http://127.0.0.1/api/chat',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.' + (process.pid % 250) },
    body: { string: body } });
  (async () => {
    const response = new HttpResponse(await chat.handler(request, createInvocationContext(chat, { logger: () => {} })));
    if (response.status !== 200) throw new Error('chat answered ' + response.status + ': ' + (await response.text()));
    // The whole answer: with chunks unpaced, the rest of the stream is the first turn's own work.
    const text = await response.text();
    if (!/event: done/.test(text)) throw new Error('the chat ended without its done event: ' + text.slice(-300));
    Object.assign(sample, { answerWallMs: performance.now() - t0, answerCpuMs: cpu(cpu0), answerFiles: ours() });
    done();
    process.exit(0);
  })().catch((error) => { console.error(error); process.exit(1); });
}
`;

function sampleOnce(root: string, storage: string): ColdSample {
  return JSON.parse(
    execFileSync(process.execPath, ['-e', CHILD, root, storage], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      timeout: 60_000,
    }).toString(),
  ) as ColdSample;
}

/**
 * What a cold instance pays before it answers, in a fresh Node process per run: the import of what
 * package.json `main` ships (the whole app, as Azure loads it), alone and followed by one offline chat
 * turn streamed to its end (`withAnswer`, against an in-memory Azurite started here and stopped after).
 * The process's CPU time comes with each: on a machine shared with other work the wall time mostly
 * measures the wait for a core, the CPU time hardly moves.
 */
export async function coldStart(root: string, runs = 10, withAnswer = true): Promise<ColdSample[]> {
  if (!withAnswer) return Array.from({ length: runs }, () => sampleOnce(root, ''));
  const ports = await freeAzuritePorts();
  const azurite = await startAzurite({ ...ports, inMemory: true, root: path.resolve(__dirname, '../../..') });
  try {
    return Array.from({ length: runs }, () => sampleOnce(root, azurite.connectionString));
  } finally {
    await azurite.stop();
  }
}

// `node dist/tests/bench/cold-start.js [root] [runs]`: this figure alone, e.g. against a build of main in a
// temporary directory for a before/after comparison in the same conditions.
if (require.main === module) {
  const root = path.resolve(process.argv[2] ?? path.resolve(__dirname, '../../..'));
  const runs = Number(process.argv[3] ?? 10);
  void coldStart(root, runs).then((samples) => {
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const pick = (key: keyof ColdSample) => median(samples.map((s) => Number(s[key])));
    console.log(
      JSON.stringify({
        root,
        runs,
        importWallMs: pick('importWallMs'),
        importCpuMs: pick('importCpuMs'),
        answerWallMs: pick('answerWallMs'),
        answerCpuMs: pick('answerCpuMs'),
        importFiles: pick('importFiles'),
        answerFiles: pick('answerFiles'),
      }),
    );
  });
}
