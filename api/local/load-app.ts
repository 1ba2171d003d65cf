// Loads the compiled Functions app the way the Node worker does: the files named by package.json
// `main` (a path or a glob), in order, at module top level, with registrations captured by the
// functions-core shim. https://learn.microsoft.com/azure/azure-functions/functions-reference-node#registering-a-function
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';
import { installFunctionsCoreShim, lockRegistrations, type Registration } from './functions-core-shim';

/** Expands `{a,b}` alternatives (nesting allowed), left to right, keeping order. */
export function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open < 0) return [pattern];
  let depth = 0;
  const commas: number[] = [];
  for (let i = open; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) {
      const parts: string[] = [];
      let start = open + 1;
      for (const comma of [...commas, i]) {
        parts.push(pattern.slice(start, comma));
        start = comma + 1;
      }
      const head = pattern.slice(0, open);
      const tails = expandBraces(pattern.slice(i + 1));
      return parts.flatMap((part) => expandBraces(head + part).flatMap((h) => tails.map((t) => h + t)));
    } else if (ch === ',' && depth === 1) commas.push(i);
  }
  throw new Error(`Unbalanced "{" in glob "${pattern}"`);
}

/** `*` and `?` match within one path segment only (no `**`), like the file segment of `main`. */
function segmentRegex(segment: string): RegExp {
  const body = segment
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}

/** Files matching a brace/star glob relative to root, sorted within each alternative. */
export function expandGlob(root: string, pattern: string): string[] {
  const files: string[] = [];
  for (const alternative of expandBraces(pattern)) {
    const parts = alternative.split('/').filter((p) => p !== '' && p !== '.');
    const fileSegment = parts.pop() ?? '';
    if (parts.some((p) => /[*?]/.test(p))) {
      throw new Error(`Glob "${pattern}": wildcards are only supported in the file name segment`);
    }
    const dir = join(root, ...parts);
    if (!/[*?]/.test(fileSegment)) {
      const file = join(dir, fileSegment);
      if (existsSync(file)) files.push(file);
      continue;
    }
    if (!existsSync(dir)) continue;
    const regex = segmentRegex(fileSegment);
    const names = readdirSync(dir)
      .filter((n) => regex.test(n) && statSync(join(dir, n)).isFile())
      .sort();
    files.push(...names.map((n) => join(dir, n)));
  }
  return [...new Set(files)];
}

/** The newest `.ts` file under a folder (mtime 0 when there is none), leaving out the folders named. */
function newestSource(dir: string, skip: string[] = []): { file: string; mtimeMs: number } {
  let newest = { file: '', mtimeMs: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip.includes(entry.name)) continue;
    const path = join(dir, entry.name);
    const candidate = entry.isDirectory()
      ? newestSource(path)
      : entry.name.endsWith('.ts')
        ? { file: path, mtimeMs: statSync(path).mtimeMs }
        : newest;
    if (candidate.mtimeMs > newest.mtimeMs) newest = candidate;
  }
  return newest;
}

/**
 * `main` names a build output (the bundle scripts/build-api.mjs makes of api/), which `tsc -b` alone does
 * not refresh: say so when a source is newer, so a run never tests yesterday's app without a word.
 */
function warnIfStale(root: string, files: string[]): void {
  const sources = join(root, 'api');
  if (!existsSync(sources) || !statSync(sources).isDirectory()) return;
  const built = Math.min(...files.map((f) => statSync(f).mtimeMs));
  // The local runtime and the CLIs are not part of the app (tsc builds them).
  const newest = newestSource(sources, ['local', 'cli']);
  if (newest.mtimeMs > built) {
    console.warn(
      `[local] ${relative(root, newest.file)} is newer than the app package.json \`main\` loads: run \`npm run build\``,
    );
  }
}

export interface LoadedApp {
  registry: Registration[];
  files: string[];
}

/**
 * Requires every file of package.json `main` (index.js first, because the glob lists it first)
 * and returns the captured registrations. Throws a clear error when the build output is missing.
 */
export function loadApp(root: string): LoadedApp {
  const pkgFile = join(root, 'package.json');
  if (!existsSync(pkgFile)) throw new Error(`No package.json in ${root}: that is not a Functions app root`);
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { main?: unknown };
  if (typeof pkg.main !== 'string' || pkg.main.trim() === '') {
    throw new Error(`${pkgFile} has no "main" field naming the compiled functions`);
  }
  const alternatives = expandBraces(pkg.main);
  const files = expandGlob(root, pkg.main);
  const literalMissing = alternatives.filter((a) => !/[*?]/.test(a) && !existsSync(join(root, a)));
  if (files.length === 0 || literalMissing.length > 0) {
    const missing = literalMissing.length > 0 ? literalMissing.join(', ') : pkg.main;
    throw new Error(`Compiled Functions app not found (${missing} in ${root}). Run "npm run build" first.`);
  }

  warnIfStale(root, files);
  const registry = installFunctionsCoreShim();
  // A second load in the same process (tests) must re-run the app's modules, so drop them from
  // the require cache; node_modules stay cached so @azure/functions keeps its core api lookup.
  const appRoot = resolve(root) + sep;
  const requireFromApp = createRequire(pkgFile);
  for (const key of Object.keys(requireFromApp.cache)) {
    if (key.startsWith(appRoot) && !key.includes(`${sep}node_modules${sep}`)) delete requireFromApp.cache[key];
  }
  try {
    for (const file of files) requireFromApp(file);
  } finally {
    lockRegistrations();
  }
  if (registry.length === 0) {
    // Also what happens when @azure/functions registered something before the shim was installed:
    // it then stays in "test mode" for the life of the process (src/utils/tryGetCoreApiLazy.ts).
    console.warn(
      `[local] ${pkg.main} registered no functions (was @azure/functions used before the local runtime loaded?)`,
    );
  }
  return { registry, files };
}
