// Builds the SPA for `npm start` only when its inputs are newer than web/dist/index.html, so a
// second start with nothing changed skips Vite entirely.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { logLine, type Logger } from './invocation';
import { SWA_CONFIG_SOURCE } from './swa-config';

/** Newest mtime (ms) of a file, or of every file below a directory; 0 when absent. */
export function newestMtime(path: string): number {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs; // a deleted file bumps its directory's mtime
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

const INPUTS = ['web/index.html', 'web/src', 'web/public', 'web/vite.config.mts', 'api/contracts', SWA_CONFIG_SOURCE];

export function isWebBuildStale(root: string): boolean {
  const built = newestMtime(join(root, 'web/dist/index.html'));
  if (built === 0) return true;
  return INPUTS.some((input) => newestMtime(join(root, input)) > built);
}

/**
 * Runs `vite build` when stale and makes sure staticwebapp.config.json sits next to the built
 * files (SWA reads it from the app artifact folder). Returns false when there is no web app yet.
 */
export function buildWebIfStale(root: string, logger: Logger): boolean {
  const config = join(root, 'web/vite.config.mts');
  if (!existsSync(join(root, 'web')) || !existsSync(config) || !existsSync(join(root, 'web/index.html'))) {
    logLine(logger, '[local] warning: web/ (index.html + vite.config.mts) does not exist yet; serving the API only');
    return false;
  }
  if (isWebBuildStale(root)) {
    logLine(logger, '[local] web app changed; running vite build');
    const result = spawnSync(
      process.execPath,
      [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', config],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
    if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status ?? result.signal})`);
  } else {
    logLine(logger, '[local] web/dist is up to date; skipping vite build');
  }
  const source = join(root, SWA_CONFIG_SOURCE);
  const target = join(root, 'web/dist/staticwebapp.config.json');
  if (existsSync(source) && newestMtime(target) < newestMtime(source)) {
    mkdirSync(join(root, 'web/dist'), { recursive: true });
    copyFileSync(source, target);
  }
  return true;
}
