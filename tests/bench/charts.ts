import { servingAppDeps } from './app-deps';

/**
 * Chart image figures against the running local runtime (offline renderer), in-process like
 * modes.ts so the generator of the instance serving requests can be counted: generations caused
 * by 20 concurrent identical POST /api/charts, and GET /api/charts/{key} latency for a cached PNG.
 */
export async function chartBench(
  root: string,
  baseUrl: string,
): Promise<{ generations: number; getMs: number[]; bytes: number }> {
  const { generator } = servingAppDeps(root).charts;
  const original = generator.generate.bind(generator);
  let generations = 0;
  generator.generate = (picture, signal) => {
    generations++;
    return original(picture, signal);
  };
  const post = () =>
    fetch(`${baseUrl}/api/charts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ modeId: 'banking', datasetIds: ['spending'], personaSeed: 99 }),
    });
  const first = await Promise.all(Array.from({ length: 20 }, post));
  const jobUrl = ((await first.find((r) => r.status === 202)?.json()) as { statusUrl?: string } | undefined)?.statusUrl;
  for (let i = 0; jobUrl && i < 300; i++) {
    const job = (await (await fetch(`${baseUrl}${jobUrl}`)).json()) as { status: string };
    if (job.status === 'done' || job.status === 'failed') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const image = (await (await post()).json()) as { url: string };
  const getMs: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 100; i++) {
    const started = performance.now();
    const res = await fetch(`${baseUrl}${image.url}`);
    bytes = (await res.arrayBuffer()).byteLength;
    if (res.status === 200) getMs.push(performance.now() - started);
  }
  generator.generate = original;
  return { generations, getMs, bytes };
}
