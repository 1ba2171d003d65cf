import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { getPersona, openApp, say, settled } from './helpers';

// Issue #14 item 2: modes lead with lists of the persona's items and primary actions that answer
// in character. Runs on both providers (npm run test:e2e).

async function axeClean(page: Page) {
  await settled(page);
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('banking leads with recent transactions; Pay shows the persona’s figures, Confirm succeeds and the assistant notes it', async ({
  page,
}, info) => {
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

test('energy leads with its usage chart and keeps meter readings on the Usage tab', async ({ page }) => {
  await openApp(page);
  await say(page, "Presto-Change-O, you're an energy company");
  await expect(page.getByTestId('lead-chart').locator('[data-testid="chart"]')).toHaveAttribute(
    'data-dataset-ids',
    'usage',
  );
  await expect(page.getByRole('tabpanel').locator('[data-list-kind="meter_readings"]')).toBeVisible();
  // The usage chart is on the page once, not again in the tab.
  await expect(page.locator('[data-testid="chart"][data-dataset-ids="usage"]')).toHaveCount(1);
});
