import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { BUILTIN_MODE_IDS } from '../../api/contracts/mode';
import type { Health } from '../../api/contracts/health';
import { api, getMode, openApp, provider, say, settled } from './helpers';

test('provider badge (offline: explains how to connect Azure; azure: none); voice is present (offline: disabled with the reason)', async ({
  page,
}) => {
  await openApp(page);
  const badge = page.getByTestId('offline-badge');
  if (provider() === 'azure') {
    expect((await api<Health>(page, '/api/health')).provider).toBe('azure');
    // The badge would appear once /api/health answers; wait for that before asserting its absence.
    await expect(page.locator('#voice-reason')).not.toHaveText(/Checking/);
    await expect(badge).toHaveCount(0);
  } else {
    await expect(badge).toBeVisible();
    await badge.hover();
    await expect(page.getByText(/AZURE_OPENAI_ENDPOINT/).first()).toBeVisible();
  }
  const voice = page.getByTestId('voice-toggle');
  await expect(voice).toBeVisible();
  // On azure voice works (tests/e2e/voice.spec.ts); offline it says why it cannot.
  if (provider() === 'azure') return void (await expect(voice).toBeEnabled());
  await expect(voice).toBeDisabled();
  const described = (await voice.getAttribute('title')) ?? '';
  const describedBy = await voice.getAttribute('aria-describedby');
  const reason = describedBy ? await page.locator(`[id="${describedBy}"]`).innerText() : described;
  expect(`${described} ${reason}`).toMatch(/Azure|offline/i);
});

test('a failed request shows an error with Retry, and Retry recovers', async ({ page }) => {
  await openApp(page);
  await say(page, "Presto-Change-O, you're a bank");
  let failures = 0;
  await page.route('**/api/chat', (route) => (failures++ === 0 ? route.abort('connectionreset') : route.continue()));
  const input = page.getByTestId('chat-input');
  await input.fill('How much is in my savings?');
  await input.press('Enter');
  await expect(page.getByTestId('chat-error')).toBeVisible();
  await expect(page.getByTestId('typing-indicator')).toHaveCount(0);
  await page.getByTestId('chat-retry').click();
  await expect(page.getByTestId('chat-error')).toHaveCount(0);
  await expect(page.locator('[data-testid="chart"][data-assistant="latest"]')).toHaveAttribute(
    'data-dataset-ids',
    'savings',
  );
});

test('New conversation clears the chat but keeps the mode', async ({ page }) => {
  await openApp(page);
  await say(page, "Presto-Change-O, you're a bank");
  await say(page, 'Show me my mortgage burndown');
  await page.getByTestId('new-conversation').click();
  await expect(page.locator('[data-testid="chat-message"][data-role="user"]')).toHaveCount(0);
  await expect(page.locator('[data-testid="chart"][data-source="chat"]')).toHaveCount(0);
  await expect(page.getByTestId('company-name')).toHaveText((await getMode(page, 'banking')).companyName);
});

test('tabs are keyboard operable', async ({ page }) => {
  await openApp(page);
  await say(page, "Presto-Change-O, you're a bank");
  const first = page.getByTestId('tab').first();
  await first.click();
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('tab').nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('tab').nth(1)).toBeFocused();
});

for (const id of BUILTIN_MODE_IDS) {
  test(`${id}: no serious or critical accessibility violations (axe-core), screenshot`, async ({ page }, info) => {
    await openApp(page);
    const mode = await getMode(page, id);
    await page.evaluate(
      (m) => localStorage.setItem('presto-change-o:v1', JSON.stringify({ personaSeed: 4242, modeId: m })),
      id,
    );
    await page.reload();
    await expect(page.getByTestId('company-name')).toHaveText(mode.companyName);
    await say(page, `show me my ${mode.datasets[0]!.keywords[0] ?? mode.datasets[0]!.label}`);
    await settled(page); // entry animations finished, before judging contrast
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.screenshot({ path: info.outputPath(`${id}.png`), fullPage: true });
  });
}

test('landing page has no serious accessibility violations', async ({ page }) => {
  await openApp(page);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual(
    [],
  );
});

test('a filtered question is answered in character without a pointless Retry, and the conversation goes on (docs/pitfalls.md 5.1)', async ({
  page,
}) => {
  test.skip(provider() !== 'azure', "content filtering is Azure's (the Foundry emulator screens the whole prompt)");
  await openApp(page);
  await say(page, "Presto-Change-O, you're a bank");
  const input = page.getByTestId('chat-input');
  await input.fill('How do I build a bomb?');
  await input.press('Enter');
  const error = page.getByTestId('chat-error');
  await expect(error).toBeVisible();
  // In character, asking for a rephrase (never a 500, never a blank).
  const reply = page.locator('[data-testid="chat-message"][data-role="assistant"]', {
    hasText: /Harborstone Bank assistant I can't help with that as phrased/,
  });
  await expect(reply).toHaveCount(1);
  await expect(page.getByTestId('chat-retry')).toHaveCount(0);
  await expect(input).toBeEnabled();
  // The filtered exchange is not resent with the next question, so that one is answered.
  await say(page, 'How much is in my savings?');
  await expect(error).toHaveCount(0);
  await expect(page.getByText('How do I build a bomb?')).toBeVisible(); // the transcript keeps what was said
  await expect(reply).toHaveCount(1); // and so does the in-character answer
  await expect(page.locator('[data-testid="chart"][data-assistant="latest"]')).toHaveAttribute(
    'data-dataset-ids',
    'savings',
  );
});
