import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Time to `require` the compiled chat function in a fresh Node process: what a serverless
 * instance pays on every cold start before it can answer. The process's CPU time for the require
 * comes with it: on a machine shared with other work the wall time mostly measures the wait for a
 * core, the CPU time hardly moves.
 */
export function coldStartMs(root: string, runs = 10): Array<{ wallMs: number; cpuMs: number }> {
  const file = path.join(root, 'dist/api/functions/chat-post.js');
  const script = `const c=process.cpuUsage();const t=performance.now();require(${JSON.stringify(file)});const u=process.cpuUsage(c);process.stdout.write(JSON.stringify({wallMs:performance.now()-t,cpuMs:(u.user+u.system)/1000}))`;
  return Array.from(
    { length: runs },
    () =>
      JSON.parse(
        execFileSync(process.execPath, ['-e', script], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString(),
      ) as { wallMs: number; cpuMs: number },
  );
}
