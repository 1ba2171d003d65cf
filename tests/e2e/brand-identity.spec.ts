import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { baseURL, getMode, say, settled } from './helpers';

/**
 * Issue #14 item 2: each mode has its own brand mark (header and favicon) and its family's heading
 * face, bundled and served from the app's own origin.
 */

const favicon = (page: Page) => page.locator('link[rel="icon"]').getAttribute('href');
const markSvg = (page: Page) => page.getByTestId('brand-mark').innerHTML();
const headingFont = (page: Page) =>
  page
    .getByTestId('company-name')
    .evaluate((el) => getComputedStyle(el).fontFamily.split(',')[0]!.replace(/['"]/g, ''));
/** Whether the page has the bundled face loaded (not a local look-alike or the fallback). */
const faceLoaded = (page: Page, family: string) =>
  page.evaluate(
    (f) => [...document.fonts].some((face) => face.family.replace(/['"]/g, '') === f && face.status === 'loaded'),
    family,
  );

/** Every font the page fetches, by URL. */
function recordFonts(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (req) => {
    if (req.resourceType() === 'font' || /\.(woff2?|ttf|otf)(\?|$)/.test(req.url())) urls.push(req.url());
  });
  return urls;
}

async function switchBySaying(page: Page, words: string, id: string) {
  await say(page, words);
  await expect.poll(() => new URL(page.url()).searchParams.get('mode'), { timeout: 30_000 }).toBe(id);
  await expect(page.getByTestId('mode-transition')).toHaveCount(0);
}

test('the mark, the favicon and the heading face change with the mode; fonts come from 127.0.0.1', async ({ page }) => {
  test.setTimeout(90_000);
  const fonts = recordFonts(page);
  await page.goto(`${baseURL()}/?seed=7`);
  await expect(page.getByTestId('chat-input')).toBeVisible();
  const landingIcon = await favicon(page);

  // Opened by a shared link, then switched by chat (the transformation) twice.
  await page.goto(`${baseURL()}/?mode=banking&seed=7`);
  const bank = await getMode(page, 'banking');
  await expect(page.getByTestId('company-name')).toHaveText(bank.companyName);
  // The tab's icon follows a moment after the theme (apply-theme.ts FAVICON_DELAY_MS).
  await expect.poll(() => favicon(page)).toMatch(/^data:image\/svg\+xml,/);
  const bankIcon = await favicon(page);
  const bankMark = await markSvg(page);
  expect(bankIcon).toMatch(/^data:image\/svg\+xml,/);
  expect(bankIcon).not.toBe(landingIcon);
  expect(decodeURIComponent(bankIcon!)).toContain(bank.theme.primary);
  expect(bankMark).toContain('<svg');
  expect(await headingFont(page)).toBe('IBM Plex Sans');
  await expect.poll(() => faceLoaded(page, 'IBM Plex Sans')).toBe(true);

  await switchBySaying(page, "Presto-Change-O, you're an airline", 'airline');
  const air = await getMode(page, 'airline');
  await expect(page.getByTestId('company-name')).toHaveText(air.companyName);
  await expect.poll(() => favicon(page)).not.toBe(bankIcon);
  const airIcon = await favicon(page);
  expect(airIcon).not.toBe(bankIcon);
  expect(decodeURIComponent(airIcon!)).toContain(air.theme.primary);
  expect(await markSvg(page)).not.toBe(bankMark);
  expect(await headingFont(page)).toBe('Outfit');
  await expect.poll(() => faceLoaded(page, 'Outfit')).toBe(true);
  // Headings below the header speak in the same voice.
  const welcome = await page
    .locator('.welcome__title')
    .first()
    .evaluate((el) => getComputedStyle(el).fontFamily);
  expect(welcome).toMatch(/^'?"?Outfit/);

  // A designed civic/professional mode sets its headings in the serif.
  await switchBySaying(page, "Presto-Change-O, you're a law firm", 'law-firm');
  expect(await headingFont(page)).toBe('Source Serif 4');
  await expect.poll(() => faceLoaded(page, 'Source Serif 4')).toBe(true);

  expect(fonts.length).toBeGreaterThanOrEqual(3);
  expect(fonts.filter((u) => new URL(u).hostname !== '127.0.0.1')).toEqual([]);
  // The four heading faces are warmed once the page is up (use-mode-state.ts), so a switch never
  // waits for its face; every one of them from our own origin.
  for (const face of ['ibm-plex-sans', 'outfit', 'source-serif-4', 'source-sans-3'])
    expect(
      fonts.some((u) => u.includes(face)),
      face,
    ).toBe(true);
});

test('the brand mark is decorative beside the named header, and the page stays axe-clean', async ({ page }) => {
  await page.goto(`${baseURL()}/?mode=healthcare&seed=7`);
  const mode = await getMode(page, 'healthcare');
  await expect(page.getByTestId('company-name')).toHaveText(mode.companyName);
  const mark = page.getByTestId('brand-mark');
  await expect(mark).toHaveAttribute('aria-hidden', 'true');
  expect(await mark.locator('title').count()).toBe(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(mode.companyName);
  await settled(page);
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('the metric-matched fallback holds the heading’s place until the bundled face arrives (no layout jump)', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  /** The box of the company name's text and of the welcome title, in CSS pixels. */
  const boxes = async (id: string, blockFonts: boolean) => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      if (blockFonts) await page.route(/\.woff2(\?|$)/, (route) => route.abort());
      await page.goto(`${baseURL()}/?mode=${id}&seed=7`);
      await expect(page.getByTestId('brand-mark')).toBeVisible();
      await settled(page);
      await page.evaluate(() => document.fonts.ready);
      return await page.evaluate(() =>
        ['[data-testid="company-name"]', '.welcome__title'].map((sel) => {
          const range = document.createRange();
          range.selectNodeContents(document.querySelector(sel)!);
          const r = range.getBoundingClientRect();
          return { width: r.width, height: r.height, top: r.top };
        }),
      );
    } finally {
      await context.close();
    }
  };
  for (const id of ['banking', 'healthcare', 'airline']) {
    const [loaded, fallback] = [await boxes(id, false), await boxes(id, true)];
    for (const [i, box] of loaded.entries()) {
      const other = fallback[i]!;
      expect(Math.abs(other.width - box.width) / box.width, `${id} #${i} width`).toBeLessThan(0.06);
      expect(Math.abs(other.height - box.height), `${id} #${i} height`).toBeLessThanOrEqual(1);
      expect(Math.abs(other.top - box.top), `${id} #${i} top`).toBeLessThanOrEqual(1);
    }
  }
});

test.describe('brand screenshots', () => {
  test.describe.configure({ mode: 'serial' });
  const sizes = [
    { name: 'desktop', width: 1440, height: 900 },
    { name: 'phone', width: 390, height: 844 },
  ];
  for (const size of sizes) {
    test(`three pre-built modes and a designed one at ${size.width}×${size.height}`, async ({ browser }, info) => {
      test.setTimeout(120_000);
      const context = await browser.newContext({ viewport: { width: size.width, height: size.height } });
      const page = await context.newPage();
      try {
        for (const id of ['banking', 'healthcare', 'airline']) {
          await page.goto(`${baseURL()}/?mode=${id}&seed=7`);
          await expect(page.getByTestId('brand-mark')).toBeVisible();
          await settled(page);
          await page.evaluate(() => document.fonts.ready);
          await page.screenshot({ path: info.outputPath(`brand-${size.name}-${id}.png`) });
        }
        const designed = 'law-firm--whitlock-and-reyes';
        // The phone pass opens the mode the desktop pass designed (serial), as a shared link would.
        if (size.name === 'desktop')
          await switchBySaying(page, "Presto-Change-O, you're a law firm called Whitlock & Reyes", designed);
        else await page.goto(`${baseURL()}/?mode=${designed}&seed=7`);
        await expect(page.getByTestId('brand-mark')).toBeVisible();
        await settled(page);
        await page.evaluate(() => document.fonts.ready);
        await page.screenshot({ path: info.outputPath(`brand-${size.name}-law-firm.png`) });
      } finally {
        await context.close();
      }
    });
  }
});
