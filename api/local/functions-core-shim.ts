// A stand-in for `@azure/functions-core`, the module the real Node worker provides to
// `@azure/functions`. With it present the library stops running in "test mode" and hands every
// `app.*` registration to `registerFunction(metadata, handler)`, which we capture.
// Contract: @azure/functions 4.16.5 src/utils/tryGetCoreApiLazy.ts, src/app.ts `generic()`,
// and the worker's src/setupCoreModule.ts (https://github.com/Azure/azure-functions-nodejs-worker). The package is pinned because
// this contract is internal.
import Module from 'node:module';

export interface BindingInfo {
  type?: string;
  direction?: string;
  name?: string;
  route?: string;
  methods?: string[];
  queueName?: string;
  connection?: string;
  schedule?: string;
  runOnStartup?: boolean;
  [key: string]: unknown;
}

export type FunctionHandler = (...args: unknown[]) => unknown;

export interface Registration {
  name: string;
  bindings: Record<string, BindingInfo>;
  handler: FunctionHandler;
}

interface CoreApi {
  version: string;
  setProgrammingModel(model: unknown): void;
  getProgrammingModel(): unknown;
  registerFunction(
    metadata: { name?: string; bindings?: Record<string, BindingInfo> },
    handler: FunctionHandler,
  ): { dispose(): void };
  registerHook(hookName: string, callback: (...args: unknown[]) => unknown): { dispose(): void };
  log(level: string, category: string, message: string): void;
}

interface ShimState {
  api: CoreApi;
  registry: Registration[];
  locked: boolean;
  programmingModel: unknown;
  hooks: Map<string, Array<(...args: unknown[]) => unknown>>;
}

const CORE_MODULE_ID = '@azure/functions-core';
// One state per process, even if this file is loaded twice (tsc output + vitest's TS transform):
// @azure/functions caches the core api object forever after its first lookup.
const STATE_KEY = Symbol.for('presto-change-o.functions-core-shim');

function createState(): ShimState {
  const state: ShimState = {
    registry: [],
    locked: false,
    programmingModel: undefined,
    hooks: new Map(),
    api: undefined as unknown as CoreApi,
  };
  state.api = {
    version: '4.0.0-local',
    setProgrammingModel(model) {
      state.programmingModel = model;
    },
    getProgrammingModel() {
      return state.programmingModel;
    },
    registerFunction(metadata, handler) {
      const name = metadata.name;
      if (!name) throw new Error('registerFunction: metadata.name is required');
      // Same rules as the worker: registration happens at module top level, names are unique.
      if (state.locked) {
        throw new Error(`Function "${name}" was registered after app startup; register at module top level.`);
      }
      if (state.registry.some((r) => r.name.toLowerCase() === name.toLowerCase())) {
        throw new Error(`A function with the name "${name}" has already been registered.`);
      }
      state.registry.push({ name, bindings: metadata.bindings ?? {}, handler });
      return { dispose: () => removeWhere(state.registry, (r) => r.name === name) };
    },
    registerHook(hookName, callback) {
      // Hooks are stored but never run by the local runtime; say so once per hook name.
      const list = state.hooks.get(hookName) ?? [];
      if (list.length === 0) console.warn(`[local] ${hookName} hooks are not run by the local runtime`);
      list.push(callback);
      state.hooks.set(hookName, list);
      return { dispose: () => removeWhere(list, (c) => c === callback) };
    },
    log(level, category, message) {
      // The library logs through here once a core api exists; keep only what a developer needs.
      if (level === 'warning' || level === 'error' || level === 'critical') {
        console.warn(`[functions ${category}] ${level}: ${message}`);
      }
    },
  };
  return state;
}

function removeWhere<T>(list: T[], predicate: (item: T) => boolean): void {
  const index = list.findIndex(predicate);
  if (index >= 0) list.splice(index, 1);
}

type LoadFn = (request: string, parent: unknown, isMain: boolean) => unknown;

function getState(): ShimState {
  const holder = globalThis as unknown as Record<symbol, ShimState | undefined>;
  let state = holder[STATE_KEY];
  if (!state) {
    state = createState();
    holder[STATE_KEY] = state;
    const mod = Module as unknown as { _load: LoadFn };
    const originalLoad = mod._load;
    // Answer only this one request id; everything else goes to Node's loader untouched.
    mod._load = function load(this: unknown, request: string, parent: unknown, isMain: boolean): unknown {
      if (request === CORE_MODULE_ID) return holder[STATE_KEY]?.api;
      return originalLoad.call(this, request, parent, isMain);
    };
  }
  return state;
}

/**
 * Installs the fake core module (once per process) and starts a fresh, unlocked registry that
 * collects every registration made until {@link lockRegistrations} is called. Must run before
 * the first `app.*` / `app.setup` call in the process, because @azure/functions caches the lookup.
 */
export function installFunctionsCoreShim(): Registration[] {
  const state = getState();
  state.registry = [];
  state.locked = false;
  return state.registry;
}

/** Ends app startup: later registrations throw, as they do under the real worker. */
export function lockRegistrations(): void {
  getState().locked = true;
}

/** The trigger binding of a registration (exactly one binding has direction "in" and a *Trigger type). */
export function triggerOf(registration: Registration): BindingInfo | undefined {
  return Object.values(registration.bindings).find(
    (b) => b.direction === 'in' && typeof b.type === 'string' && b.type.toLowerCase().endsWith('trigger'),
  );
}
