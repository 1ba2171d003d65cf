import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Time to `require` the compiled chat function in a fresh Node process: what a serverless
 * instance pays on every cold start before it can answer.
 */
export function coldStartMs(root: string, runs = 10): number[] {
  const file = path.join(root, 'dist/api/functions/chat-post.js');
  const script = `const t=performance.now();require(${JSON.stringify(file)});process.stdout.write(String(performance.now()-t))`;
  return Array.from({ length: runs }, () =>
    Number(
      execFileSync(process.execPath, ['-e', script], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString(),
    ),
  );
}
