import { chromium, type Browser, type Page } from '@playwright/test';
import { startLocal } from '../../api/local/start';

/** The pre-built modes the bench switches to, one per run in turn (a fresh page each). */
export const SWITCH_COMMANDS = [
  "Presto-Change-O, you're a bank",
  'hey presto, turn yourself into an insurer',
  "Presto-Change-O, you're a hospital",
];

/** Headless Chromium without GPU, as in CI. */
export function launchBenchBrowser(): Promise<Browser> {
  return chromium.launch({
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
}

/**
 * The page as a presenter has it before the first command: loaded, its start-up fetches done (the
 * heading faces, health) and idle. A command typed in its first few hundred milliseconds would
 * time the switch racing the page's own start-up, which no audience sees.
 */
export async function settledPage(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise<void>((r) => requestIdleCallback(() => r(), { timeout: 1000 })));
}

export const waitForPainted = (page: Page) =>
  page.waitForFunction(() => performance.getEntriesByName('presto:mode-painted').length > 0, undefined, {
    timeout: 15_000,
  });

/**
 * Time from the `mode` SSE event reaching the page to the themed dashboard being painted, read from
 * the app's performance marks (`presto:mode-event` → `presto:mode-painted`).
 */
export async function modePaintMs(baseUrl: string, runs = 5): Promise<number[]> {
  const browser = await launchBenchBrowser();
  const samples: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage();
      await page.goto(baseUrl);
      await settledPage(page);
      const input = page.getByTestId('chat-input');
      await input.fill(SWITCH_COMMANDS[i % SWITCH_COMMANDS.length]!);
      // The wait is set up first: Playwright's injected poller is evaluated in the page before the
      // command, not in the window it measures (a visitor's browser has no such script).
      const painted = waitForPainted(page);
      await input.press('Enter');
      await painted;
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

/** The app on the local runtime for the paint benches: offline, answers at once, no rate limit; `staticRoot` serves another SPA build. */
export const startPaintServer = (staticRoot?: string) =>
  startLocal({
    port: 0,
    ...(staticRoot ? { staticRoot } : {}),
    inMemoryStorage: true,
    quiet: true,
    env: { PRESTO_OFFLINE_CHUNK_MS: '0', PRESTO_DEMO_REQUESTS_PER_MINUTE: '100000' },
  });
