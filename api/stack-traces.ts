// Stack traces of the bundled app (dist/app, scripts/build-api.mjs) name api/…/*.ts and their lines, without
// paying for source maps at every cold start. Node's own support (--enable-source-maps,
// process.setSourceMapsEnabled) reads and indexes a file's map when the file loads: for the bundle that was
// ~17 ms of CPU per cold start (README, "Cold import"), spent whether or not anything ever fails. Here a
// map is read the first time a frame of its file is printed. Frames are rewritten with V8's stack trace
// API (https://v8.dev/docs/stack-trace-api) and positions looked up with node:module's SourceMap
// (https://nodejs.org/docs/latest-v20.x/api/module.html#class-modulesourcemap).
import { readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { dirname, resolve, sep } from 'node:path';

type CallSite = NodeJS.CallSite;

type Format = (error: Error, frames: CallSite[]) => unknown;

/** A frame as V8 prints it after "at " (CallSite's own toString, missing from @types/node's interface). */
const frameLine = (frame: CallSite): string => (frame as CallSite & { toString(): string }).toString();

/** A call site that reports another position (CallSite methods only work on their own receiver). */
function relocated(frame: CallSite, text: string, file: string, line: number, column: number): CallSite {
  const own: Record<PropertyKey, unknown> = {
    toString: () => text,
    getFileName: () => file,
    getScriptNameOrSourceURL: () => file,
    getLineNumber: () => line,
    getColumnNumber: () => column,
  };
  return new Proxy(frame, {
    get(target, key) {
      if (key in own) return own[key];
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** V8's format, for when nothing formats stacks yet: the `Name: message` line, then one line per frame. */
const v8Format: Format = (error, frames) =>
  Error.prototype.toString.call(error) + frames.map((frame) => `\n    at ${frameLine(frame)}`).join('');

/**
 * From now on, frames in files under `bundleDir` print their original file, line and column; whatever
 * formatted stacks before (Node's default, an APM agent) still does, given the mapped frames. Leaves
 * things alone when Node maps already (--enable-source-maps).
 */
export function mapBundleStackTraces(bundleDir: string): void {
  const sourceMapsOn = (process as { sourceMapsEnabled?: boolean }).sourceMapsEnabled === true;
  if (sourceMapsOn || process.execArgv.includes('--enable-source-maps')) return;
  const previous = (Error as { prepareStackTrace?: Format }).prepareStackTrace ?? v8Format;
  const root = resolve(bundleDir) + sep;
  const maps = new Map<string, SourceMap | null>();
  const mapOf = (file: string): SourceMap | null => {
    let map = maps.get(file);
    if (map === undefined) {
      try {
        map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')) as SourceMapPayload);
      } catch {
        map = null; // no map next to the file: its frames print as they are
      }
      maps.set(file, map);
    }
    return map;
  };
  const mapped = (frame: CallSite): CallSite => {
    const file = frame.getFileName();
    const line = frame.getLineNumber();
    const column = frame.getColumnNumber();
    if (!file || !file.startsWith(root) || line === null || column === null) return frame;
    const entry = mapOf(file)?.findEntry(line - 1, column - 1);
    if (!entry || !('originalSource' in entry) || !entry.originalSource) return frame; // unmapped position
    const source = resolve(dirname(file), entry.originalSource);
    const [originalLine, originalColumn] = [entry.originalLine + 1, entry.originalColumn + 1];
    const text = frameLine(frame).replace(`${file}:${line}:${column}`, `${source}:${originalLine}:${originalColumn}`);
    return relocated(frame, text, source, originalLine, originalColumn);
  };
  Error.prepareStackTrace = (error, frames) => previous(error, frames.map(mapped));
}
