// What a cold Functions instance loads: package.json `main` (the bundle `npm run build` makes), in a fresh
// Node process with the functions-core shim standing in for the worker, as api/local/load-app.ts loads it.
// A cold start pays for every file it resolves and compiles (README, "Cold import"), so the app must arrive
// as one file, with the SDKs and the offline engine left for the first request that needs them.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

const CHILD = `
const root = process.argv[1];
const { loadApp } = require(root + '/dist/api/local/load-app.js');
const { registry } = loadApp(root);
const loaded = Object.keys(require.cache);
const packages = new Set();
for (const file of loaded) {
  const m = /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(file);
  if (m) packages.add(m[1]);
}
// An error inside a handler: the context's error log gets the stack the operator would read.
const handler = registry.find((r) => r.name === 'mode-get').handler;
const logged = [];
const context = { error: (...args) => logged.push(...args), warn() {}, log() {}, invocationId: 'test' };
Promise.resolve(handler(undefined, context)).then(() => {
  const error = logged.find((a) => a instanceof Error);
  process.stdout.write(JSON.stringify({
    functions: registry.map((r) => r.name).sort(),
    appFiles: loaded.filter((f) => f.startsWith(root + '/dist/') && !f.startsWith(root + '/dist/api/local/'))
      .map((f) => f.slice(root.length + 1)).sort(),
    packages: [...packages].sort(),
    stack: error ? error.stack : '',
  }));
});
`;

interface Shipped {
  functions: string[];
  appFiles: string[];
  packages: string[];
  stack: string;
}

function loadShipped(): Shipped {
  const out = execFileSync(process.execPath, ['-e', CHILD, root], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(out.toString()) as Shipped;
}

describe('the shipped Function app (package.json main)', () => {
  const shipped = loadShipped();

  it('registers one function per api/functions file', () => {
    const files = readdirSync(join(root, 'api/functions'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(shipped.functions).toEqual(files);
  });

  it('is one bundled file at start, not the compiled tree', () => {
    expect(shipped.appFiles).toEqual(['dist/app/app.js', 'dist/app/main.js', 'dist/app/stack-traces.js']);
  });

  it('leaves the SDKs, the native renderer and zod out of the import: bundled, or loaded on first use', () => {
    // @azure/functions stays a package: the local runtime and the app must share its classes (scripts/build-api.mjs).
    expect(shipped.packages).toEqual(['@azure/functions', '@azure/functions-extensions-base', 'cookie']);
  });

  it('keeps what only some requests need out of the file every cold start compiles: it ships as chunks', () => {
    const sources = (file: string) =>
      (JSON.parse(readFileSync(join(root, 'dist/app', `${file}.map`), 'utf8')) as { sources: string[] }).sources;
    const chunks = readdirSync(join(root, 'dist/app/chunks')).filter((f) => f.endsWith('.js'));
    const inChunks = chunks.flatMap((f) => sources(`chunks/${f}`)).join('\n');
    const inApp = sources('app.js').join('\n');
    const firstUse = [
      /node_modules\/openai\//, // the Azure provider's first call
      /node_modules\/@azure\/identity\//,
      /node_modules\/@azure\/storage-blob\//, // the first storage read
      /node_modules\/@azure\/data-tables\//, // the first billed call
      /node_modules\/obscenity\//, // the first gallery check
      /api\/adapters\/offline\/chat-model\.ts/, // the offline engine's first turn
    ];
    for (const pattern of firstUse) {
      expect(inApp, String(pattern)).not.toMatch(pattern);
      expect(inChunks, String(pattern)).toMatch(pattern);
    }
  });

  it('names our TypeScript files and lines in a stack trace', () => {
    expect(shipped.stack).toMatch(/api\/functions\/mode-get\.ts:\d+:\d+/);
  });
});
