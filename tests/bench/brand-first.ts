// Run in its own process by run.ts, once per design (`two-step`, `one-shot`): each gets its own
// runtime (settings and SDK clients are once per process) against a Foundry emulator with the
// realistic latency profile (latency.ts), and a browser that says the command and watches the page.
import path from 'node:path';
import { chromium, type Page, type Response } from '@playwright/test';
import { startLocal } from '../../api/local/start';
import { emulatedAzureEnv } from '../fakes/foundry-emulator/app-env';
import { startFoundryEmulator } from '../fakes/foundry-emulator/emulator';
import { REALISTIC_LATENCY } from '../fakes/foundry-emulator/latency';
import { modeBrandBrain } from '../fakes/foundry-emulator/mode-draft-brain';

export type Scenario = 'company variant' | 'new industry with a company' | 'new industry';
export interface BrandFirstSample {
  scenario: Scenario;
  /** Enter → the header names the new brand. */
  brandMs: number;
  /** Enter → the new mode's KPI cards are on screen (no skeleton, no transition). */
  completeMs: number;
  /**
   * Where a designed brand's time goes, from Enter (absent for a company variant, which has no job):
   * the job created (the chat turn up to the tool call), the brand call reaching the model, the
   * page's poll first seeing the brand on the job. The rest, to `brandMs`, is the page painting it (the sweep).
   */
  steps?: { jobCreatedMs: number; brandCallMs: number; brandSeenMs: number };
}

/** The first GET /api/jobs answer with a brand: when it arrived and the server's own times of the job. */
interface BrandSeen {
  at: number;
  createdAt: string;
}

/** When each brand call reached the emulator (its brain answers on arrival, the latency comes after). */
const brandCalls: number[] = [];

const RUNS = 3;
export const RESULT_PREFIX = 'BRAND_FIRST_RESULT ';
/** Fresh words each run: a stored mode would answer at once and measure nothing. */
const COMMANDS: Record<Scenario, string[]> = {
  'company variant': ['a bank called Acme Federal', 'a bank called Birch Savings', 'a bank called Cedar Trust'],
  'new industry with a company': [
    'a veterinary clinic called Happy Paws',
    'a bakery called Golden Crust',
    'a surf school called Blue Wave',
  ],
  'new industry': ['a food truck', 'a llama ranch', 'a climbing gym'],
};

/** Records, in the page, when Enter was pressed, when the header changed name and when the new dashboard was whole. */
async function timeCommand(page: Page, command: string): Promise<Omit<BrandFirstSample, 'scenario'>> {
  // Server, bench and browser share this machine's clock: epoch milliseconds line them up.
  let seen: BrandSeen | undefined;
  const onResponse = (response: Response) => {
    if (seen || !/\/api\/jobs\//.test(response.url()) || response.status() !== 200) return;
    const at = Date.now();
    response
      .json()
      .then((job: { brand?: unknown; createdAt: string; stage?: string }) => {
        if (!seen && job.brand && job.stage === 'brand') seen = { at, createdAt: job.createdAt };
      })
      .catch(() => undefined);
  };
  page.on('response', onResponse);
  await page.evaluate(() => {
    const w = window as unknown as { __t: { sent?: number; brand?: number; complete?: number; from?: string } };
    w.__t = { from: document.querySelector('[data-testid="company-name"]')?.textContent ?? '' };
    document.querySelector('[data-testid="chat-input"]')?.addEventListener(
      'keydown',
      (e) => {
        if ((e as KeyboardEvent).key === 'Enter') w.__t.sent = performance.now();
      },
      { once: true },
    );
    const check = () => {
      const t = w.__t;
      if (t.sent === undefined) return;
      const name = document.querySelector('[data-testid="company-name"]')?.textContent ?? '';
      if (name === t.from) return;
      t.brand ??= performance.now();
      const whole =
        document.querySelector('[data-testid="kpi-card"]') &&
        !document.querySelector('[data-testid="brand-skeleton"]') &&
        !document.querySelector('[data-testid="mode-transition"]');
      if (whole) t.complete ??= performance.now();
    };
    new MutationObserver(check).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  const input = page.getByTestId('chat-input');
  await input.fill(`Presto-Change-O, you're ${command}`);
  await input.press('Enter');
  await page.waitForFunction(
    () => (window as unknown as { __t: { complete?: number } }).__t.complete !== undefined,
    undefined,
    {
      timeout: 90_000,
      polling: 100,
    },
  );
  page.off('response', onResponse);
  const t = await page.evaluate(() => {
    const t = (window as unknown as { __t: { sent: number; brand: number; complete: number } }).__t;
    return { brandMs: t.brand - t.sent, completeMs: t.complete - t.sent, sentAt: performance.timeOrigin + t.sent };
  });
  const sample: Omit<BrandFirstSample, 'scenario'> = { brandMs: t.brandMs, completeMs: t.completeMs };
  const call = brandCalls.find((at) => at >= t.sentAt);
  if (seen && call !== undefined)
    sample.steps = {
      jobCreatedMs: Date.parse(seen.createdAt) - t.sentAt,
      brandCallMs: call - t.sentAt,
      brandSeenMs: seen.at - t.sentAt,
    };
  return sample;
}

async function main(): Promise<void> {
  const design = process.argv[2] === 'one-shot' ? 'one-shot' : 'two-step';
  const root = path.resolve(__dirname, '../../..');
  const emulator = await startFoundryEmulator({ chunkDelayMs: 0, latency: REALISTIC_LATENCY });
  emulator.jsonBrain('mode_brand', (request) => {
    brandCalls.push(Date.now());
    return modeBrandBrain(request);
  });
  const runtime = await startLocal({
    root,
    port: 0,
    inMemoryStorage: true,
    quiet: true,
    env: {
      ...emulatedAzureEnv(emulator),
      PRESTO_MODE_DESIGN: design,
      PRESTO_DEMO_REQUESTS_PER_MINUTE: '100000',
      PRESTO_DEMO_GENERATIONS_PER_DAY: '100000',
      PRESTO_DEMO_TOKENS_PER_DAY: '100000000',
    },
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const samples: BrandFirstSample[] = [];
  try {
    for (const scenario of Object.keys(COMMANDS) as Scenario[]) {
      for (const command of COMMANDS[scenario].slice(0, RUNS)) {
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        await page.goto(runtime.url);
        await page.getByTestId('chat-input').waitFor();
        // Start from a finished mode, as on stage.
        await timeCommand(page, 'an insurer');
        samples.push({ scenario, ...(await timeCommand(page, command)) });
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await runtime.stop();
    await emulator.stop();
  }
  // The runtime's own log lines share stdout: the result is the one line with this prefix.
  process.stdout.write(`\n${RESULT_PREFIX}${JSON.stringify(samples)}\n`);
}

// Imported by run.ts for its types and prefix: only a direct run measures.
if (require.main === module)
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
