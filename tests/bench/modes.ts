import { servingAppDeps } from './app-deps';

/**
 * Generated-mode figures, measured in-process against the running local runtime: the app it loaded
 * (package.json `main`, the bundle) is in this process's module cache and publishes its deps
 * (scripts/build-api.mjs), so that is the very instance serving requests.
 */
export async function modeBench(root: string, baseUrl: string): Promise<{ generatorCalls: number; loadMs: number[] }> {
  const deps = servingAppDeps(root);
  const original = deps.modeGenerator.generate.bind(deps.modeGenerator);
  let generatorCalls = 0;
  deps.modeGenerator.generate = (request) => {
    generatorCalls++;
    return original(request);
  };
  const post = () =>
    fetch(`${baseUrl}/api/modes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ industry: 'alpaca ranch' }),
    });
  const first = await Promise.all(Array.from({ length: 20 }, post));
  const jobUrl = ((await first.find((r) => r.status === 202)?.json()) as { statusUrl?: string } | undefined)?.statusUrl;
  for (let i = 0; jobUrl && i < 200; i++) {
    const job = (await (await fetch(`${baseUrl}${jobUrl}`)).json()) as { status: string };
    if (job.status === 'done' || job.status === 'failed') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const loadMs: number[] = [];
  for (let i = 0; i < 50; i++) {
    const started = performance.now();
    const res = await post();
    await res.json();
    if (res.status === 200) loadMs.push(performance.now() - started);
  }
  deps.modeGenerator.generate = original;
  return { generatorCalls, loadMs };
}
