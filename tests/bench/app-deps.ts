import path from 'node:path';
import type { Deps } from '../../api/deps';

/**
 * The deps of the app the local runtime in this process is serving requests with. That app is what
 * package.json `main` names (the bundle), already in the module cache, and it publishes its `getDeps`
 * under a process-wide key (scripts/build-api.mjs); tsc's dist/api/deps.js would be a second copy.
 */
export function servingAppDeps(root: string): Deps {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { main } = require(path.join(root, 'package.json')) as { main: string };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(root, main)); // loaded already by the runtime: the cached app, not a second one
  return ((globalThis as Record<symbol, unknown>)[Symbol.for('presto-change-o.app-deps')] as () => Deps)();
}
