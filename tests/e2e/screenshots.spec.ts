import { expect, test, type Page } from '@playwright/test';
import { BUILTIN_MODE_IDS } from '../../api/contracts/mode';
import { baseURL, getMode, say } from './helpers';

/**
 * The demo as an audience sees it, one picture per step. Pictures go to the test output; with
 * PRESTO_SCREENSHOTS_DIR=docs/screenshots they refresh the set the README links to. Rendered at
 * 0.75 device pixels per CSS pixel so the committed PNGs stay small.
 */
const shot = (page: Page, name: string, out: (n: string) => string) => {
  const dir = process.env.PRESTO_SCREENSHOTS_DIR;
  return page.screenshot({ path: dir ? `${dir}/${name}.png` : out(`${name}.png`), animations: 'disabled' });
};

/** Lets chart entry animations finish: a picture of half-drawn lines helps nobody. */
const settle = (page: Page) => page.waitForTimeout(1_400);

test.describe('screenshots', () => {
  test.use({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 0.75 });
  // In order: the designed modes exist by the time the landing is pictured.
  test.describe.configure({ mode: 'serial' });

  test('three designed modes at 1440×900', async ({ page }, info) => {
    test.setTimeout(120_000);
    await page.goto(`${baseURL()}/?mode=banking&seed=7`);
    await expect(page.getByTestId('kpi-card').first()).toBeVisible();
    const designed: Array<[string, string]> = [
      ['veterinary-clinic--happy-paws', "Presto-Change-O, you're a veterinary clinic called Happy Paws"],
      ['food-bank', "Presto, you're a food bank"],
      ['banking--wells-fargo', "Presto-Change-O, you're Wells Fargo"],
    ];
    for (const [id, words] of designed) {
      await say(page, words);
      await expect.poll(() => new URL(page.url()).searchParams.get('mode'), { timeout: 30_000 }).toBe(id);
      await expect(page.getByTestId('mode-transition')).toHaveCount(0);
      await settle(page);
      await shot(page, `desktop-designed-${id}`, (n) => info.outputPath(n));
    }
  });

  test('every pre-built mode at 1440×900, each after a question', async ({ page }, info) => {
    test.setTimeout(120_000);
    await page.goto(`${baseURL()}/?seed=7`);
    await settle(page);
    await shot(page, 'desktop-landing', (n) => info.outputPath(n));
    for (const id of BUILTIN_MODE_IDS) {
      const mode = await getMode(page, id);
      await page.goto(`${baseURL()}/?mode=${id}&seed=7`);
      await expect(page.getByTestId('company-name')).toHaveText(mode.companyName);
      await say(page, (await page.getByTestId('suggestion').first().innerText()).replace(/[“”]/g, ''));
      await settle(page);
      await shot(page, `desktop-${id}`, (n) => info.outputPath(n));
    }
  });

  test('the phone flow at 390×844', async ({ browser }, info) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    try {
      await page.goto(`${baseURL()}/?seed=7`);
      await expect(page.getByTestId('chat-input')).toBeVisible();
      await shot(page, 'phone-1-assistant', (n) => info.outputPath(n));
      const input = page.getByTestId('chat-input');
      await input.fill("Presto-Change-O, you're a bank");
      await input.press('Enter');
      await expect(page.getByRole('button', { name: 'Dashboard' })).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByTestId('mode-transition')).toHaveCount(0);
      await settle(page);
      await shot(page, 'phone-2-dashboard', (n) => info.outputPath(n));
      await page.getByRole('button', { name: 'Assistant' }).click();
      await input.fill('How much is in my savings?');
      await input.press('Enter');
      await expect(page.getByTestId('pane-unseen')).toBeVisible();
      await expect(page.getByTestId('typing-indicator')).toHaveCount(0);
      await expect(page.getByTestId('suggestion').first()).toBeVisible();
      await shot(page, 'phone-3-reply', (n) => info.outputPath(n));
      await page.getByRole('button', { name: /Dashboard/ }).click();
      await settle(page);
      await shot(page, 'phone-4-chart', (n) => info.outputPath(n));
      await page.getByRole('button', { name: 'What can I say?' }).click();
      await expect(page.getByTestId('help-panel')).toBeVisible();
      await shot(page, 'phone-5-what-can-i-say', (n) => info.outputPath(n));
    } finally {
      await context.close();
    }
  });

  test('plausible numbers and the Illustrate poster at 1440×900 and 390×844', async ({ browser }, info) => {
    test.setTimeout(180_000);
    for (const [size, viewport] of [
      ['desktop', { width: 1440, height: 900 }],
      ['phone', { width: 390, height: 844 }],
    ] as const) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: size === 'phone' ? 1 : 0.75 });
      const page = await context.newPage();
      const dashboard = async () => {
        if (size === 'phone') await page.getByRole('button', { name: /Dashboard/ }).click();
      };
      const assistant = async () => {
        if (size === 'phone') await page.getByRole('button', { name: 'Assistant' }).click();
      };
      // On a phone a switch brings the dashboard forward, so the answer may be behind it: count, not visibility.
      const ask = async (text: string) => {
        const answers = page.locator('[data-testid="chat-message"][data-role="assistant"]');
        const before = await answers.count();
        await page.getByTestId('chat-input').fill(text);
        await page.getByTestId('chat-input').press('Enter');
        await expect(answers).toHaveCount(before + 1);
        await expect(page.getByTestId('typing-indicator')).toHaveCount(0);
      };
      try {
        await page.goto(`${baseURL()}/?mode=banking&seed=7`);
        await expect(page.getByTestId('company-name')).toHaveText((await getMode(page, 'banking')).companyName);
        await assistant();
        await ask('Show me my mortgage burndown');
        await dashboard();
        const mortgage = page.locator('[data-testid="chart"][data-assistant="latest"]');
        await expect(mortgage.getByTestId('payoff')).toBeVisible();
        await mortgage.scrollIntoViewIfNeeded();
        await settle(page);
        await shot(page, `${size}-banking-mortgage-payoff`, (n) => info.outputPath(n));

        const poster = page.locator('[data-testid="chart"][data-source="tab"]').first();
        await poster.scrollIntoViewIfNeeded();
        await poster.getByTestId('illustrate').click();
        const image = poster.getByTestId('chart-image');
        await expect(image).toBeVisible({ timeout: 30_000 });
        await expect
          .poll(() => image.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth))
          .toBeGreaterThan(0);
        await poster.scrollIntoViewIfNeeded();
        await settle(page);
        await shot(page, `${size}-illustrate-poster`, (n) => info.outputPath(n));

        await assistant();
        await ask("Presto-Change-O, you're a veterinary clinic called Happy Paws");
        await expect
          .poll(() => new URL(page.url()).searchParams.get('mode'), { timeout: 30_000 })
          .toBe('veterinary-clinic--happy-paws');
        await expect(page.getByTestId('mode-transition')).toHaveCount(0);
        if (
          size === 'phone' &&
          (await page.getByRole('button', { name: /Dashboard/ }).getAttribute('aria-pressed')) !== 'true'
        )
          await dashboard();
        await page.locator('[data-testid="chart"][data-source="tab"]').first().scrollIntoViewIfNeeded();
        await settle(page);
        await shot(page, `${size}-happy-paws-charts`, (n) => info.outputPath(n));
      } finally {
        await context.close();
      }
    }
  });
});
