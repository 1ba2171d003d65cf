/** Milliseconds from sending POST /api/chat to the first SSE byte, for `runs` sequential offline requests. */
export async function chatFirstByteMs(baseUrl: string, runs = 50): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const body = JSON.stringify({
      sessionId: 'bench-session',
      modeId: 'banking',
      personaSeed: i,
      messages: [{ role: 'user', content: 'How much is left in my checking account?' }],
    });
    const started = performance.now();
    const res = await fetch(`${baseUrl}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const reader = res.body!.getReader();
    await reader.read();
    samples.push(performance.now() - started);
    while (!(await reader.read()).done) {
      /* drain so the connection is reusable */
    }
  }
  return samples;
}
