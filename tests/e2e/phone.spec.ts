import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { getMode, openApp, say, settled } from './helpers';

const PHONES = [
  { width: 390, height: 844 },
  { width: 360, height: 740 },
];

async function axeClean(page: Page) {
  await settled(page);
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Whether the element lies wholly inside the window, horizontally and vertically. */
async function inside(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox();
  const vp = page.viewportSize()!;
  return Boolean(box && box.x >= 0 && box.y >= 0 && box.x + box.width <= vp.width && box.y + box.height <= vp.height);
}

for (const size of PHONES) {
  test.describe(`on a ${size.width}×${size.height} phone`, () => {
    test.use({ viewport: size });

    test('assistant and dashboard are each one tap away; a switch brings the dashboard, a reply stays on screen', async ({
      page,
    }, info) => {
      await openApp(page); // the assistant first: the magic words are how the show starts
      await expect(page.getByTestId('chat-input')).toBeInViewport();
      await page.getByRole('button', { name: 'Start' }).click();
      await expect(page.locator('#landing-title')).toBeInViewport();
      await expect(page.getByTestId('chat-input')).toBeHidden();
      await page.getByRole('button', { name: 'Assistant' }).click();
      await expect(page.getByTestId('chat-input')).toBeInViewport();
      const bank = await getMode(page, 'banking');
      await say(page, "Presto-Change-O, you're a bank");
      // After the transformation the new dashboard is in front, its greeting and figures in sight.
      await expect(page.getByTestId('company-name')).toHaveText(bank.companyName);
      await expect(page.getByRole('button', { name: 'Dashboard' })).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByTestId('welcome')).toBeInViewport();
      await expect(page.getByTestId('kpi-card').first()).toBeInViewport();
      await page.screenshot({ path: info.outputPath('1-dashboard-after-switch.png') });

      // A question: the reply is what the presenter reads; the chart waits one tap away.
      await page.getByRole('button', { name: 'Assistant' }).click();
      const answer = await say(page, 'How much is in my savings?');
      expect(answer).toMatch(/\$/);
      await expect(page.locator('[data-testid="chat-message"][data-role="assistant"]').last()).toBeInViewport();
      await expect(page.getByTestId('chat-input')).toBeInViewport();
      await expect(page.getByTestId('pane-unseen')).toHaveText(/1/);
      await page.screenshot({ path: info.outputPath('2-reply-in-view.png') });

      await page.getByRole('button', { name: /Dashboard/ }).click();
      const chart = page.locator('[data-testid="chart"][data-assistant="latest"]');
      await expect(chart).toHaveAttribute('data-dataset-ids', 'savings');
      await expect(chart.locator('.chart-card__title')).toBeInViewport();
      // Not hidden under the header: the title's top is below the header's bottom.
      const header = await page.locator('.app-header').boundingBox();
      await expect
        .poll(async () => (await chart.locator('.chart-card__title').boundingBox())?.y ?? -1)
        .toBeGreaterThanOrEqual((header?.y ?? 0) + (header?.height ?? 0) - 1);
      await expect(page.getByTestId('pane-unseen')).toHaveCount(0);
      await page.screenshot({ path: info.outputPath('3-chart-on-dashboard.png') });
    });

    test("every tab label reads whole, a designed mode's long words too", async ({ page }, info) => {
      await openApp(page);
      const cut = () =>
        page
          .getByTestId('tab')
          .locator('span')
          .evaluateAll((spans) =>
            spans
              .filter((s) => s.scrollWidth > s.clientWidth + 1 || s.scrollHeight > s.clientHeight + 1)
              .map((s) => s.textContent),
          );
      for (const command of ["Presto-Change-O, you're a bank", "Presto-Change-O, you're a hospital"]) {
        await page.getByTestId('pane-chat').click(); // a switch brings the dashboard in front
        await say(page, command);
        await expect(page.getByTestId('tab')).toHaveCount(5);
        expect(await cut()).toEqual([]);
      }
      await page.getByTestId('pane-chat').click();
      await say(page, "Presto-Change-O, you're a veterinary clinic called Happy Paws");
      await expect(page.getByTestId('kpi-card').first()).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId('company-name')).toHaveText('Happy Paws');
      expect(await cut()).toEqual([]);
      await settled(page);
      await page.screenshot({ path: info.outputPath('tabs-designed.png') });
    });

    test('menus stay inside the screen, KPI values fit, every header button is named, axe is clean', async ({
      page,
    }) => {
      await openApp(page);
      await axeClean(page); // the landing
      await say(page, "Presto-Change-O, you're a bank");
      await axeClean(page);

      for (const name of ['Modes', 'What can I say?', 'Voice', 'New conversation', 'Start over']) {
        await expect(page.locator('.app-header').getByRole('button', { name, exact: true })).toBeVisible();
      }
      const unnamed = await page
        .locator('.app-header button')
        .evaluateAll((buttons) =>
          buttons.filter((b) => !(b.getAttribute('aria-label') || b.textContent?.trim())).map((b) => b.outerHTML),
        );
      expect(unnamed).toEqual([]);

      const values = page.getByTestId('kpi-value');
      await expect(values).toHaveCount(4);
      const clipped = await values.evaluateAll((els) =>
        els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent),
      );
      expect(clipped).toEqual([]);

      await page.getByRole('button', { name: 'Modes', exact: true }).click();
      await expect(page.getByTestId('mode-option').first()).toBeVisible();
      expect(await inside(page, '#mode-picker-list')).toBe(true);
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'What can I say?' }).click();
      await expect(page.getByTestId('help-panel')).toBeVisible();
      expect(await inside(page, '[data-testid="help-panel"]')).toBe(true);
      await axeClean(page);
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Assistant' }).click();
      await axeClean(page);
    });
  });
}
