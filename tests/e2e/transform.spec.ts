import { expect, test } from '@playwright/test';
import { formatValue } from '../../api/contracts/format';
import { getMode, getPersona, openApp, say, watchTransition } from './helpers';

test.describe('"Presto-Change-O, you\'re a bank" transforms the whole UI', () => {
  test('bank: transition, header, title, tagline, theme, tabs, KPIs, welcome', async ({ page }) => {
    await openApp(page);
    const bank = await getMode(page, 'banking');
    const sawTransition = await watchTransition(page);
    const input = page.getByTestId('chat-input');
    await input.fill("Presto-Change-O, you're a bank");
    await input.press('Enter');
    await expect.poll(sawTransition).toBe(true);
    await expect(page.getByTestId('mode-transition')).toHaveCount(0, { timeout: 5_000 });
    await expect(page.getByTestId('company-name')).toHaveText(bank.companyName);
    await expect(page).toHaveTitle(new RegExp(bank.companyName));
    await expect(page.getByTestId('tagline')).toHaveText(bank.tagline);
    await expect(page.getByTestId('tab')).toHaveCount(5);
    await expect(page.getByTestId('kpi-card')).toHaveCount(4);
    await expect(page.locator('[data-testid="chat-message"][data-role="assistant"]').last()).toContainText(
      bank.welcome,
    );
    const primary = await page.evaluate(
      () =>
        getComputedStyle(document.documentElement).getPropertyValue('--color-primary').trim() ||
        getComputedStyle(document.documentElement).getPropertyValue('--primary').trim(),
    );
    expect(primary.toLowerCase()).toBe(bank.theme.primary);
  });

  test('checking question: one sentence with the exact figure, chart last point = figure = KPI card', async ({
    page,
  }) => {
    await openApp(page);
    await say(page, "Presto-Change-O, you're a bank");
    const persona = await getPersona(page, 'banking');
    const balance = persona.fields['checking.balance']!;
    const figure = formatValue(balance, 'currency');
    const answer = await say(page, 'How much is left in my checking account?');
    expect(answer).toContain(figure);
    expect(answer.split(/[.!?](?:\s|$)/).filter((s) => s.trim()).length).toBe(1);
    const chart = page.locator('[data-testid="chart"][data-assistant="latest"]');
    await expect(chart).toHaveAttribute('data-dataset-ids', 'checking');
    await expect(chart.locator('[data-dataset-id="checking"]').first()).toHaveAttribute('data-last', String(balance));
    await expect(
      page.locator('[data-testid="kpi-card"][data-metric-id="checking_balance"] [data-testid="kpi-value"]'),
    ).toHaveText(figure);
  });

  test('mortgage burndown, two-series comparison, and tab navigation', async ({ page }) => {
    await openApp(page);
    await say(page, "Presto-Change-O, you're a bank");
    await say(page, 'Show me my mortgage burndown');
    await expect(page.locator('[data-testid="chart"][data-assistant="latest"]')).toHaveAttribute(
      'data-dataset-ids',
      'mortgage',
    );
    await say(page, 'compare checking and savings over the last year');
    const compare = page.locator('[data-testid="chart"][data-assistant="latest"]');
    await expect(compare).toHaveAttribute('data-dataset-ids', 'checking,savings');
    await expect(compare.locator('[data-dataset-id]')).toHaveCount(2);
    await say(page, 'go to the transfers tab');
    await expect(page.locator('[data-testid="tab"][data-tab-id="transfers"]')).toHaveAttribute('aria-selected', 'true');
  });

  test('"hey presto, turn yourself into an insurer" switches; presto pasta does not and leaves no spinner', async ({
    page,
  }) => {
    await openApp(page);
    await say(page, "Presto-Change-O, you're a bank");
    const insurer = await getMode(page, 'insurance');
    await say(page, 'hey presto, turn yourself into an insurer');
    await expect(page.getByTestId('company-name')).toHaveText(insurer.companyName);
    await expect(page).toHaveTitle(new RegExp(insurer.companyName));
    await expect(page.getByTestId('mode-transition')).toHaveCount(0);
    const sawTransition = await watchTransition(page);
    const answer = await say(page, "let's talk about presto pasta recipes");
    expect(answer.length).toBeGreaterThan(10);
    expect(await sawTransition()).toBe(false);
    await expect(page.getByTestId('mode-transition')).toHaveCount(0);
    await expect(page.getByTestId('typing-indicator')).toHaveCount(0);
    await expect(page.getByTestId('company-name')).toHaveText(insurer.companyName);
  });

  test('an industry without a pre-built mode is never forced into one: a food bank is designed, not banking (#4)', async ({
    page,
  }) => {
    await openApp(page);
    await say(page, "Presto-Change-O, you're a bank");
    await expect(page.getByTestId('mode-transition')).toHaveCount(0);
    const answer = await say(page, "Presto-Change-O, you're a food bank");
    expect(answer).toMatch(/food bank/i);
    await expect(page.locator('[data-testid="tab"][data-tab-id="donations"]')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('company-name')).not.toHaveText((await getMode(page, 'banking')).companyName);
    await expect(page.getByTestId('mode-transition')).toHaveCount(0);
    await expect(page.getByTestId('job-status')).toHaveCount(0);
  });

  test('a reload keeps the mode and the persona', async ({ page }) => {
    await openApp(page);
    await say(page, 'hey presto, turn yourself into an insurer');
    const insurer = await getMode(page, 'insurance');
    await expect(page.getByTestId('company-name')).toHaveText(insurer.companyName);
    await expect(page.getByTestId('kpi-value')).toHaveCount(4);
    const kpis = await page.getByTestId('kpi-value').allInnerTexts();
    await page.reload();
    await expect(page.getByTestId('company-name')).toHaveText(insurer.companyName);
    await expect(page.getByTestId('kpi-value')).toHaveText(kpis);
  });
});
