import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { getPersona, openApp, say, settled } from './helpers';

// Issue #14 item 2: modes lead with lists of the persona's items and primary actions that answer
// in character. Runs on both providers (npm run test:e2e).

/** Sends a message and waits for the whole answer (on a phone it may land behind the dashboard). */
async function ask(page: Page, text: string) {
  const answers = page.locator('[data-testid="chat-message"][data-role="assistant"]');
  const before = await answers.count();
  // On a phone the dashboard comes forward after a switch: the assistant is one tap away.
  const assistant = page.getByRole('button', { name: 'Assistant', exact: true });
  if (await assistant.isVisible()) await assistant.click();
  await page.getByTestId('chat-input').fill(text);
  await page.getByTestId('chat-input').press('Enter');
  await expect(answers).toHaveCount(before + 1);
  await expect(page.getByTestId('typing-indicator')).toHaveCount(0);
}

async function axeClean(page: Page) {
  await settled(page);
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('banking leads with recent transactions; Pay shows the persona’s figures, Confirm succeeds and the assistant notes it', async ({
  page,
}, info) => {
  test.setTimeout(90_000); // two axe runs on a loaded machine
  await openApp(page);
  await say(page, "Presto-Change-O, you're a bank");
  const persona = await getPersona(page, 'banking');
  const recent = persona.lists!.find((l) => l.kind === 'transactions')!;

  const lead = page.locator('[data-testid="list-card"][data-list-kind="transactions"]');
  await expect(lead.getByRole('heading', { name: recent.title })).toBeVisible();
  await expect(lead.getByTestId('list-row').first()).toContainText(recent.items[0]!.title);
  await expect(lead.getByTestId('list-row').first()).toContainText(recent.items[0]!.value);
  await axeClean(page);
  await page.screenshot({ path: info.outputPath('banking-lead.png') });

  // Pay the card: the amount is the card balance the KPI shows, from checking, with a due date.
  const pay = persona.actions!.find((a) => a.kind === 'pay')!;
  await page.getByRole('button', { name: pay.label }).click();
  const dialog = page.getByRole('dialog', { name: pay.title });
  await expect(dialog).toBeVisible();
  const kpi = page.locator('[data-testid="kpi-card"][data-metric-id="card_balance"] [data-testid="kpi-value"]');
  await expect(dialog.getByTestId('action-lines')).toContainText(await kpi.innerText());
  for (const line of pay.lines) await expect(dialog.getByTestId('action-lines')).toContainText(line.value);
  await expect(dialog).toContainText('Demo: no money moves.');
  await expect(dialog.getByTestId('action-confirm')).toBeFocused();
  await axeClean(page);
  await page.screenshot({ path: info.outputPath('banking-pay.png') });

  await dialog.getByTestId('action-confirm').click();
  await expect(dialog.getByTestId('action-success')).toContainText(pay.done);
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: pay.label })).toBeFocused();
  await expect(page.locator('[data-testid="chat-message"][data-role="assistant"]').last()).toContainText(pay.done);
});

test('Escape closes an action dialog without confirming it', async ({ page }) => {
  await openApp(page);
  await say(page, "Presto-Change-O, you're an airline");
  const persona = await getPersona(page, 'airline');
  const checkIn = persona.actions!.find((a) => a.kind === 'check_in')!;
  await page.getByRole('button', { name: checkIn.label }).click();
  const dialog = page.getByRole('dialog', { name: checkIn.title });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.locator('[data-testid="chat-message"][data-role="assistant"]').last()).not.toContainText(
    checkIn.done,
  );
});

test('a tab shows what its name says: Transfers lists the transfers sent', async ({ page }) => {
  await openApp(page);
  await say(page, "Presto-Change-O, you're a bank");
  const persona = await getPersona(page, 'banking');
  const sent = persona.lists!.find((l) => l.kind === 'transfers')!;
  await page.getByRole('tab', { name: 'Transfers' }).click();
  const panel = page.getByRole('tabpanel');
  const card = panel.locator('[data-testid="list-card"][data-list-kind="transfers"]');
  await expect(card.getByRole('heading', { name: sent.title })).toBeVisible();
  await expect(card.getByTestId('list-row')).toHaveCount(sent.items.length);
  for (const item of sent.items) await expect(card).toContainText(item.title);
});

test('energy leads with its usage chart and keeps meter readings on the Usage tab', async ({ page }, info) => {
  await openApp(page);
  await say(page, "Presto-Change-O, you're an energy company");
  await expect(page.getByTestId('lead-chart').locator('[data-testid="chart"]')).toHaveAttribute(
    'data-dataset-ids',
    'usage',
  );
  await expect(page.getByRole('tabpanel').locator('[data-list-kind="meter_readings"]')).toBeVisible();
  // The usage chart is on the page once, not again in the tab.
  await expect(page.locator('[data-testid="chart"][data-dataset-ids="usage"]')).toHaveCount(1);
  await settled(page);
  await page.screenshot({ path: info.outputPath('energy-lead.png') });

  // Asked for, from another tab, the lead's chart is brought into view and highlighted: never copied.
  await page.getByTestId('tab').nth(1).click();
  await page.mouse.wheel(0, 2_000);
  await say(page, 'How is my electricity usage trending?');
  const latest = page.locator('[data-testid="chart"][data-assistant="latest"]');
  await expect(latest).toHaveAttribute('data-dataset-ids', 'usage');
  await expect(page.getByTestId('lead-chart').locator('[data-assistant="latest"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="chart"][data-dataset-ids="usage"]')).toHaveCount(1);
  await expect(latest).toBeInViewport();
  // The lead draws the same series as every other chart of it: this month is labelled month to date.
  await expect(page.getByTestId('lead-chart')).toContainText('month to date');
});

test.describe('on a 390×844 phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the list fits the width, and the Pay dialog fits the screen', async ({ page }, info) => {
    await openApp(page);
    const input = page.getByTestId('chat-input');
    await input.fill("Presto-Change-O, you're a bank");
    await input.press('Enter');
    await expect(page.getByRole('button', { name: 'Dashboard' })).toHaveAttribute('aria-pressed', 'true');
    const lead = page.locator('[data-testid="list-card"][data-list-kind="transactions"]');
    await expect(lead.getByTestId('list-row').first()).toBeVisible();
    await settled(page);
    for (const box of [await lead.boundingBox(), await lead.getByTestId('list-value').first().boundingBox()])
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await axeClean(page);
    await page.screenshot({ path: info.outputPath('phone-banking.png') });
    await page.getByRole('button', { name: 'Pay card' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('action-confirm')).toBeVisible();
    await settled(page);
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    await page.screenshot({ path: info.outputPath('phone-banking-pay.png') });
  });
});

for (const [width, height] of [
  [1440, 900],
  [390, 844],
] as const) {
  test(`at ${width}×${height}, airline and a designed mode lead with their own lists and actions (pictured)`, async ({
    browser,
  }, info) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    try {
      await openApp(page);
      await ask(page, "Presto-Change-O, you're an airline");
      await expect(page.locator('[data-testid="list-card"][data-list-kind="flights"]').first()).toBeVisible();
      await expect(page.getByRole('button', { name: 'Check in' })).toBeVisible();
      await settled(page);
      await page.screenshot({ path: info.outputPath(`airline-${width}.png`) });
      await ask(page, "Presto-Change-O, you're a veterinary clinic called Happy Paws");
      await expect
        .poll(() => new URL(page.url()).searchParams.get('mode'), { timeout: 30_000 })
        .toBe('veterinary-clinic--happy-paws');
      await expect(page.locator('[data-testid="list-card"][data-list-kind="appointments"]').first()).toBeVisible();
      await expect(page.getByTestId('action').first()).toBeVisible();
      await axeClean(page);
      await page.screenshot({ path: info.outputPath(`designed-vet-${width}.png`) });
    } finally {
      await context.close();
    }
  });
}
