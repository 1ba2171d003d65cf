import { expect, test, type Page } from '@playwright/test';
import { getMode, openApp, say } from './helpers';

/**
 * Issue #12: a new industry's brand is on screen before its dashboard is complete. The e2e setup's
 * test-only faults hold designs of "lagoon" and "spooky" industries for a few seconds after their
 * brand step (`generation-slow-after-brand-8s`), and fail the first "spooky" one right after it
 * (`generation-fails-after-brand`), so the order of what the page shows can be checked, not timed.
 */

type Frame = { name: string; view: 'skeleton' | 'dashboard' | 'other' };

/** Records, in the page, every change of the header's name or of what the stage shows, in order. */
async function recordFrames(page: Page): Promise<() => Promise<Frame[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: Frame[] };
    w.__frames = [];
    const look = (): Frame => ({
      name: document.querySelector('[data-testid="company-name"]')?.textContent?.trim() ?? '',
      view: document.querySelector('[data-testid="brand-skeleton"]')
        ? 'skeleton'
        : document.querySelector('[data-testid="kpi-card"]')
          ? 'dashboard'
          : 'other',
    });
    const note = () => {
      const now = look();
      const last = w.__frames.at(-1);
      if (!last || last.name !== now.name || last.view !== now.view) w.__frames.push(now);
    };
    note();
    new MutationObserver(note).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __frames: Frame[] }).__frames);
}

const header = (page: Page) => page.getByTestId('company-name');

test.describe('brand first: a new industry on screen before its dashboard is complete', () => {
  test('the brand lands over a skeleton, then the dashboard fills in, never flickering back', async ({
    page,
  }, info) => {
    await openApp(page);
    await say(page, "Presto-Change-O, you're a bank");
    const bank = await getMode(page, 'banking');
    const frames = await recordFrames(page);
    await say(page, "Presto-Change-O, you're a lagoon kayak outfitter");

    const skeleton = page.getByTestId('brand-skeleton');
    await expect(skeleton).toBeVisible({ timeout: 20_000 });
    await expect(header(page)).not.toHaveText(bank.companyName);
    const brandName = (await header(page).innerText()).trim();
    await expect(page.getByTestId('brand-progress')).toContainText(brandName);
    await expect(page.getByTestId('tab')).toHaveCount(5);
    await expect(page.getByTestId('job-status')).toHaveAttribute('data-status', /queued|running/);
    // The chat stays usable meanwhile, still in the finished mode.
    await expect(page.getByTestId('chat-input')).toBeEnabled();
    await expect(page.getByTestId('mode-transition')).toHaveCount(0);
    await page.screenshot({ path: info.outputPath('brand-desktop.png') });

    await expect(page.getByTestId('kpi-card').first()).toBeVisible({ timeout: 30_000 });
    await expect(skeleton).toHaveCount(0);
    await expect(header(page)).toHaveText(brandName);
    await expect(page.getByTestId('job-status')).toHaveCount(0);

    const seen = await frames();
    const firstNew = seen.findIndex((f) => f.name === brandName);
    expect(firstNew).toBeGreaterThan(0);
    // Once the brand is up, the old mode never comes back, and the skeleton comes before the dashboard.
    expect(seen.slice(firstNew).every((f) => f.name === brandName)).toBe(true);
    const skeletonAt = seen.findIndex((f) => f.name === brandName && f.view === 'skeleton');
    const dashboardAt = seen.findIndex((f) => f.name === brandName && f.view === 'dashboard');
    expect(skeletonAt).toBeGreaterThan(-1);
    expect(dashboardAt).toBeGreaterThan(skeletonAt);
  });

  test('on a phone the brand and its skeleton take the screen', async ({ page }, info) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openApp(page);
    await say(page, "Presto-Change-O, you're a lagoon boat tour");
    await expect(page.getByTestId('brand-skeleton')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('mode-transition')).toHaveCount(0);
    await page.screenshot({ path: info.outputPath('brand-phone.png') });
    await expect(page.getByTestId('kpi-card').first()).toBeVisible({ timeout: 30_000 });
  });

  test('a failure after the brand rolls back to the previous mode with a clear error and Retry', async ({ page }) => {
    await openApp(page);
    await say(page, "Presto-Change-O, you're an insurer");
    const insurer = await getMode(page, 'insurance');
    await say(page, "Presto-Change-O, you're a spooky castle");
    await expect(page.getByTestId('brand-skeleton')).toBeVisible({ timeout: 20_000 });
    const banner = page.getByTestId('job-status');
    await expect(banner).toHaveAttribute('data-status', 'failed', { timeout: 30_000 });
    await expect(banner).toContainText(/Couldn't design/);
    await expect(page.getByTestId('brand-skeleton')).toHaveCount(0);
    await expect(header(page)).toHaveText(insurer.companyName);
    await expect(page.getByTestId('kpi-card').first()).toBeVisible();

    await page.getByTestId('job-retry').click();
    await expect(page.getByTestId('brand-skeleton')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('kpi-card').first()).toBeVisible({ timeout: 30_000 });
    await expect(header(page)).not.toHaveText(insurer.companyName);
    await expect(banner).toHaveCount(0);
  });

  test('a reload during generation lands on the last finished mode, whole', async ({ page }) => {
    await openApp(page);
    await say(page, "Presto-Change-O, you're a bank");
    const bank = await getMode(page, 'banking');
    await say(page, "Presto-Change-O, you're a lagoon ferry service");
    await expect(page.getByTestId('brand-skeleton')).toBeVisible({ timeout: 20_000 });
    await page.reload();
    await expect(header(page)).toHaveText(bank.companyName);
    await expect(page.getByTestId('kpi-card').first()).toBeVisible();
    await expect(page.getByTestId('brand-skeleton')).toHaveCount(0);
    expect(new URL(page.url()).searchParams.get('mode')).toBe('banking');
  });
});
