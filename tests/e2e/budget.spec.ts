import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { provider, say, SEED } from './helpers';

// The public demo's per-visitor budget (issue #8) as a visitor meets it. Each describe runs a
// runtime of its own with a tiny budget, so the rest of the suite keeps its unlimited one.
type Server = { url: string; stop(): Promise<void> };

function ownRuntime(budget: Record<string, string>): () => Server {
  let server: Server | undefined;
  test.beforeAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startLocal } = require(
      path.resolve(__dirname, '../../dist/api/local/start.js'),
    ) as typeof import('../../api/local/start');
    server = await startLocal({
      root: path.resolve(__dirname, '../..'),
      port: 0,
      inMemoryStorage: true,
      quiet: true,
      env: { AI_PROVIDER: 'offline', PRESTO_OFFLINE_CHUNK_MS: '0', ...budget },
    });
  });
  test.afterAll(async () => server?.stop());
  return () => server!;
}

async function openBank(page: Page, url: string): Promise<void> {
  await page.addInitScript(
    (s) => localStorage.setItem('presto-change-o:v1', JSON.stringify({ personaSeed: s, modeId: 'banking' })),
    SEED,
  );
  await page.goto(url);
  await expect(page.getByTestId('chat-input')).toBeVisible();
}

async function send(page: Page, text: string): Promise<void> {
  const input = page.getByTestId('chat-input');
  await input.fill(text);
  await input.press('Enter');
}

test.describe('the demo budget, as a visitor meets it', () => {
  test.skip(() => provider() !== 'offline', 'offline pass only (the budget is provider-independent)');

  test.describe('a daily token budget', () => {
    const server = ownRuntime({ PRESTO_DEMO_TOKENS_PER_DAY: '50' });

    test('past it, chat says the limit lifts tomorrow (no Retry that cannot work), and the dashboard keeps working', async ({
      page,
    }, info) => {
      await openBank(page, server().url);
      // The first answer spends more than the whole day's 50 tokens (the prompt alone is larger).
      await say(page, 'How much is in my savings?');
      await send(page, 'And my checking?');
      const error = page.getByTestId('chat-error');
      await expect(error).toContainText(
        /reached its limit of chat tokens for today for your visit.*try again tomorrow/i,
      );
      await expect(page.getByTestId('typing-indicator')).toHaveCount(0);
      await expect(page.getByTestId('chat-retry')).toHaveCount(0);
      await page.screenshot({ path: info.outputPath('budget-reached.png') });
      // Asking again is refused the same way, and nothing else is lost.
      await send(page, 'What about my mortgage?');
      await expect(page.locator('[data-testid="chat-message"][data-role="user"]').last()).toHaveText(
        'What about my mortgage?',
      );
      const last = page.locator('.chat-log > .msg').last();
      await expect(last).toHaveAttribute('data-testid', 'chat-error');
      await expect(last).toContainText(/try again tomorrow/i);
      await expect(page.getByTestId('kpi-card')).toHaveCount(4);
      await page.getByTestId('tab').nth(1).click();
      await expect(page.getByTestId('tab').nth(1)).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByTestId('chat-input')).toBeEnabled();
    });
  });

  test.describe('a per-minute request limit', () => {
    const server = ownRuntime({ PRESTO_DEMO_REQUESTS_PER_MINUTE: '1' });

    test('past it, chat says how many seconds to wait and offers Retry', async ({ page }) => {
      await openBank(page, server().url);
      // Both calls must fall in one minute window: start early in a minute (a bounded wait of < 15 s).
      const second = new Date().getUTCSeconds();
      if (second > 45) await page.waitForTimeout((61 - second) * 1000);
      await say(page, 'How much is in my savings?');
      await send(page, 'And my checking?');
      await expect(page.getByTestId('chat-error')).toContainText(
        /reached its limit of requests per minute for your visit.*try again in \d+ seconds/i,
      );
      await expect(page.getByTestId('chat-retry')).toBeVisible();
    });
  });

  test.describe('a daily picture budget', () => {
    const server = ownRuntime({ PRESTO_DEMO_IMAGES_PER_DAY: '1' });

    test('a new picture past it explains the limit (and offers no retry); one already painted is still shown', async ({
      page,
    }) => {
      await openBank(page, server().url);
      const card = (id: string) => page.locator(`[data-testid="chart"][data-source="tab"][data-dataset-ids="${id}"]`);
      await card('checking').getByTestId('illustrate').click();
      await expect(card('checking').getByTestId('chart-image')).toBeVisible({ timeout: 20_000 });
      // The day's one picture is spent: the next new one is refused, and says until when.
      await card('savings').getByTestId('illustrate').click();
      const refusal = card('savings').locator('.chart-image-error');
      await expect(refusal).toContainText(/limit of chart pictures for today for your visit.*try again tomorrow/i);
      await expect(refusal).not.toContainText(/Press Illustrate to try again/);
      // The picture already painted costs nothing to see again, also after a reload.
      await page.reload();
      await expect(page.getByTestId('chat-input')).toBeVisible();
      await card('checking').getByTestId('illustrate').click();
      await expect(card('checking').getByTestId('chart-image')).toBeVisible({ timeout: 20_000 });
    });
  });
});
