import { modePaintMs, startPaintServer } from './mode-paint';
import { ms, percentile } from './stats';

/**
 * Only the "mode event → painted" figure of `npm run bench`, for before/after comparisons of the
 * transformation without the rest of the bench: `node dist/tests/bench/mode-paint-run.js [runs] [web build]`
 * after `npm run build && npm run build:web` (a second argument serves another build of the SPA,
 * e.g. one made with `vite build --outDir` from an earlier commit, for a back-to-back comparison).
 */
async function main() {
  const runs = Number(process.argv[2] ?? 9);
  const staticRoot = process.argv[3];
  const server = await startPaintServer(staticRoot);
  try {
    const paint = await modePaintMs(server.url, runs);
    console.log(
      `mode event → themed dashboard painted (n=${paint.length}): p50 ${ms(percentile(paint, 50))}  p95 ${ms(percentile(paint, 95))}  [${paint.map((p) => p.toFixed(0)).join(', ')}]`,
    );
  } finally {
    await server.stop();
  }
}

void main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
