import { chromium } from '@playwright/test';

/**
 * Time from the `mode` SSE event reaching the page to the themed dashboard being painted, read from
 * the app's performance marks (`presto:mode-event` → `presto:mode-painted`).
 */
export async function modePaintMs(baseUrl: string, runs = 5): Promise<number[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const samples: number[] = [];
  try {
    const modes = [
      "Presto-Change-O, you're a bank",
      'hey presto, turn yourself into an insurer',
      "Presto-Change-O, you're a hospital",
    ];
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage();
      await page.goto(baseUrl);
      const input = page.getByTestId('chat-input');
      await input.fill(modes[i % modes.length]!);
      await input.press('Enter');
      await page.waitForFunction(() => performance.getEntriesByName('presto:mode-painted').length > 0, undefined, {
        timeout: 15_000,
      });
      samples.push(
        await page.evaluate(() => {
          const start = performance.getEntriesByName('presto:mode-event')[0]!.startTime;
          return performance.getEntriesByName('presto:mode-painted')[0]!.startTime - start;
        }),
      );
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return samples;
}
