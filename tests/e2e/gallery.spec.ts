import { expect, test } from '@playwright/test';
import type { Mode } from '../../api/contracts/mode';
import { baseURL, openApp, say } from './helpers';

/** Another visitor's mode, made through the API the way the SPA's chat would (its own session). */
async function madeByAnother(request: import('@playwright/test').APIRequestContext, companyName: string) {
  const res = await request.post(`${baseURL()}/api/modes`, {
    data: { industry: 'bank', companyName, sessionId: 's_another_visitor_e2e' },
  });
  expect(res.status()).toBe(200);
  return (await res.json()) as Mode;
}

test('the landing never shows another visitor’s unapproved mode, and does show their approved one', async ({
  page,
}) => {
  const refused = await madeByAnother(page.request, 'Shitbag Savings');
  const approved = await madeByAnother(page.request, 'Quayside Federal');
  await openApp(page);
  const more = page.getByTestId('landing-more');
  await expect(page.getByTestId('mode-tile').first()).toBeVisible();
  if (await more.isVisible()) await more.click();
  await expect(page.locator(`[data-testid="mode-tile"][data-mode-id="${approved.id}"]`)).toBeVisible();
  await expect(page.locator(`[data-testid="mode-tile"][data-mode-id="${refused.id}"]`)).toHaveCount(0);
  await expect(page.getByText('Shitbag Savings')).toHaveCount(0);
});

test('a visitor’s own refused mode stays in their Modes menu, and only theirs', async ({ page, browser }) => {
  await openApp(page);
  await say(page, "Presto-Change-O, you're a bank called Twatford Savings");
  await expect(page.getByTestId('company-name')).toHaveText('Twatford Savings');
  await page.getByTestId('mode-picker').click();
  const mine = page.locator('[data-testid="mode-option"][data-mode-id="banking--twatford-savings"]');
  await expect(mine).toBeVisible();

  const other = await browser.newContext();
  try {
    const visitor = await other.newPage();
    await openApp(visitor);
    await expect(visitor.getByTestId('mode-tile').first()).toBeVisible();
    await expect(visitor.locator('[data-mode-id="banking--twatford-savings"]')).toHaveCount(0);
    await visitor.getByTestId('mode-picker').click();
    await expect(visitor.locator('[data-testid="mode-option"][data-mode-id="banking"]')).toBeVisible();
    await expect(visitor.locator('[data-testid="mode-option"][data-mode-id="banking--twatford-savings"]')).toHaveCount(
      0,
    );
  } finally {
    await other.close();
  }
});
