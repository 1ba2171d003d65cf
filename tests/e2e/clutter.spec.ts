import { expect, test } from '@playwright/test';
import { openApp, say } from './helpers';

const stageCharts = '[data-testid="chart"][data-source="chat"]';

test.describe('no clutter', () => {
  test('asking again for a chart already on screen highlights it instead of stacking a copy', async ({ page }) => {
    await openApp(page);
    await say(page, "Presto-Change-O, you're a bank");
    await say(page, 'What is my credit score?');
    await expect(page.locator(stageCharts)).toHaveCount(1);
    await say(page, 'Show me my mortgage burndown');
    await expect(page.locator(stageCharts)).toHaveCount(2);
    await page.locator('.stage__scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await say(page, 'Show me my credit score again');
    await expect(page.locator(stageCharts)).toHaveCount(2);
    const score = page.locator(`${stageCharts}[data-dataset-ids="credit_score"]`);
    await expect(score).toHaveCount(1);
    await expect(score).toHaveAttribute('data-asked-again', '1');
    await expect(score).toBeInViewport();
    await expect(page.locator('.section-title__count')).toHaveText('2');
  });

  test('a chart the open tab already shows is highlighted there, not copied under "From your assistant"', async ({
    page,
  }) => {
    await openApp(page);
    await say(page, "Presto-Change-O, you're a bank");
    // Accounts, the first tab, charts checking, savings and income.
    await page.locator('.stage__scroll').evaluate((el) => el.scrollTo(0, 0));
    const answer = await say(page, 'How much is in my savings?');
    expect(answer).toMatch(/\$/);
    const tabCard = page.locator('[data-testid="chart"][data-source="tab"][data-dataset-ids="savings"]');
    await expect(tabCard).toHaveAttribute('data-assistant', 'latest');
    await expect(tabCard).toHaveAttribute('data-asked-again', '1');
    await expect(tabCard).toBeInViewport();
    await expect(page.locator(stageCharts)).toHaveCount(0);
    await expect(page.getByRole('heading', { name: /From your assistant/ })).toHaveCount(0);
    // Its figure is the one the assistant said.
    const figure = await tabCard.locator('.chart-card__figure strong').textContent();
    expect(answer).toContain(figure!);
    // Asked again: the same card replays its highlight; a chart the tab does not show still goes on stage.
    await say(page, 'Show me my savings balance');
    await expect(tabCard).toHaveAttribute('data-asked-again', '2');
    await say(page, 'Show me my mortgage burndown');
    await expect(page.locator(stageCharts)).toHaveCount(1);
    await expect(page.locator('[data-assistant="latest"]')).toHaveAttribute('data-dataset-ids', 'mortgage');
    await expect(page.getByTestId('payoff')).toContainText(/Paid off by \w+ \d{4}/);
  });

  test('an odd number of cards leaves no hole: the last one takes the whole row', async ({ page }) => {
    await openApp(page);
    await say(page, "Presto-Change-O, you're a bank");
    for (const q of ['Show me my spending', 'Show me my mortgage burndown', 'Show me my credit score'])
      await say(page, q);
    const cards = page.locator(stageCharts);
    await expect(cards).toHaveCount(3);
    const grid = await page.locator('.chart-stage .chart-grid').boundingBox();
    const last = await cards.last().boundingBox();
    const first = await cards.first().boundingBox();
    expect(first!.width).toBeLessThan(grid!.width * 0.6); // two columns at 1440×900
    expect(Math.abs(last!.width - grid!.width)).toBeLessThan(2);
  });
});

test("Illustrate shows the picture in the chart's place without making the card taller", async ({ page }) => {
  await openApp(page);
  await say(page, "Presto-Change-O, you're a bank");
  const card = page.locator('[data-testid="chart"][data-source="tab"][data-dataset-ids="savings"]');
  await expect(card.locator('.chart-card__body svg').first()).toBeVisible();
  const before = (await card.boundingBox())!.height;
  await card.getByTestId('illustrate').click();
  const image = card.getByTestId('chart-image');
  await expect(image).toBeVisible({ timeout: 20_000 });
  await expect
    .poll(() => image.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);
  const after = (await card.boundingBox())!.height;
  expect(Math.abs(after - before)).toBeLessThanOrEqual(1);
});
