import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { ChartImage } from '../../api/contracts/charts';
import { openApp, provider, say } from './helpers';

// Each test illustrates its own dataset, so "the first time" really is the first time in this run.
const tabCard = (page: Page, datasetId: string) =>
  page.locator(`[data-testid="chart"][data-source="tab"][data-dataset-ids="${datasetId}"]`);
const chartsPost = (page: Page) =>
  page.waitForResponse((r) => r.url().endsWith('/api/charts') && r.request().method() === 'POST');

async function expectLoadedImage(page: Page, card: ReturnType<typeof tabCard>, figure: RegExp) {
  const image = card.getByTestId('chart-image');
  await expect(image).toBeVisible({ timeout: 20_000 });
  const img = image.locator('img');
  await expect(img).toHaveAttribute('alt', figure);
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : 0))).toBe(1536);
  return image;
}

test('Illustrate a chart: progress, then the image (alt text with its figures) in place of the chart; instantly the second time, also after a reload', async ({
  page,
}, info) => {
  await openApp(page);
  await say(page, "Presto-Change-O, you're a bank");
  const card = tabCard(page, 'savings');
  const answered = chartsPost(page);
  await card.getByTestId('illustrate').click();
  await expect(card.getByTestId('chart-image-progress')).toHaveText(/Painting your chart…/);
  expect((await answered).status()).toBe(202);
  const image = await expectLoadedImage(
    page,
    card,
    /^Illustrated area chart of Savings balance for Harborstone Bank, .*Savings balance \$[\d,.]+[kM]? in \w+ \d{4}/,
  );
  await expect(image).toHaveAttribute('data-fallback', 'false');
  await expect(image).toHaveAttribute('data-source', provider() === 'azure' ? 'model' : 'local');
  // Offline draws locally and says so; the emulated gpt-image answer is the model's picture.
  await expect(image.getByTestId('chart-image-badge')).toHaveCount(provider() === 'azure' ? 0 : 1);
  await expect(card.locator('.chart-card__body')).toBeHidden();
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('illustrated-card.png') });
  const axe = await new AxeBuilder({ page }).include('[data-testid="chart"][data-dataset-ids="savings"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);

  // The button now switches between the picture and the chart.
  await card.getByTestId('illustrate').click();
  await expect(card.locator('.chart-card__body svg').first()).toBeVisible();
  await expect(image).toBeHidden();

  await page.reload();
  await expect(page.getByTestId('chat-input')).toBeVisible();
  const again = chartsPost(page);
  await tabCard(page, 'savings').getByTestId('illustrate').click();
  const res = await again;
  expect(res.status()).toBe(200);
  expect(((await res.json()) as ChartImage).fallback).toBe(false);
  await expectLoadedImage(page, tabCard(page, 'savings'), /Savings balance \$/);
});

test('"make me a picture of my spending" puts an illustrated spending chart on the stage', async ({ page }) => {
  await openApp(page);
  await say(page, "Presto-Change-O, you're a bank");
  const answer = await say(page, 'make me a picture of my spending');
  expect(answer).toMatch(/painting your monthly spending chart|illustrated monthly spending chart/i);
  const card = page.locator('[data-testid="chart"][data-source="chat"][data-dataset-ids="spending"]');
  await expect(card).toBeVisible();
  await expectLoadedImage(page, card, /^Illustrated bar chart of Monthly spending/);
  await expect(page.locator('[data-testid="chat-message"][data-role="assistant"]').last()).toContainText(/spending/i);
});

test('a locally rendered fallback is marked as such', async ({ page }, info) => {
  await openApp(page);
  await say(page, "Presto-Change-O, you're a bank");
  // Let the server make the image, then present it as a fallback would arrive (Azure throttled): the badge must say so.
  await page.route('**/api/charts', async (route) => {
    const real = await route.fetch();
    const body = (await real.json()) as ChartImage | { jobId: string };
    await route.fulfill({ response: real, json: 'url' in body ? { ...body, source: 'local', fallback: true } : body });
  });
  await page.route('**/api/jobs/chart_*', async (route) => {
    const real = await route.fetch();
    const job = (await real.json()) as { result?: ChartImage };
    await route.fulfill({
      response: real,
      json: job.result ? { ...job, result: { ...job.result, source: 'local', fallback: true } } : job,
    });
  });
  const card = tabCard(page, 'checking');
  await card.getByTestId('illustrate').click();
  const image = await expectLoadedImage(page, card, /Checking balance \$/);
  await expect(image).toHaveAttribute('data-fallback', 'true');
  await expect(image.getByTestId('chart-image-badge')).toHaveText(
    /Locally rendered — the illustrated version is on its way/,
  );
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('fallback-card.png') });
});
