import { expect, test } from '@playwright/test';
import type { ModeList } from '../../api/contracts/mode';
import { baseURL, getMode, getPersona, openApp, say, SEED } from './helpers';

const assistantMessages = '[data-testid="chat-message"][data-role="assistant"]';

test.describe("the presenter's kit", () => {
  test('a shared link (?mode=&seed=) opens that mode for that customer, and the address follows switches', async ({
    page,
  }) => {
    const airline = await getMode(page, 'airline');
    const persona = await getPersona(page, 'airline', 31);
    await page.goto(`${baseURL()}/?mode=airline&seed=31`);
    await expect(page.getByTestId('company-name')).toHaveText(airline.companyName);
    await expect(page.getByTestId('welcome').locator('xpath=..')).toContainText(persona.name.split(' ')[0]!);
    await say(page, "Presto-Change-O, you're an insurer");
    await expect(page.getByTestId('company-name')).toHaveText((await getMode(page, 'insurance')).companyName);
    await expect.poll(() => new URL(page.url()).searchParams.get('mode')).toBe('insurance');
    await page.getByRole('button', { name: 'Start over' }).click();
    await expect(page.getByTestId('mode-tile').first()).toBeVisible();
    expect(new URL(page.url()).searchParams.get('mode')).toBeNull();
  });

  test('a link to a mode that does not exist says so and offers the industries', async ({ page }) => {
    await page.goto(`${baseURL()}/?mode=no-such-mode`);
    await expect(page.getByRole('alert').or(page.locator('.notice'))).toContainText('no-such-mode');
    await expect(page.getByTestId('mode-tile').first()).toBeVisible();
  });

  test('suggestions fit the mode and come back after every answer and every switch', async ({ page }) => {
    await openApp(page);
    await say(page, "Presto-Change-O, you're a bank");
    const chips = page.getByTestId('suggestion');
    await expect(chips.first()).toBeVisible();
    expect(await chips.allInnerTexts()).toContain('“How much is left in my checking account?”');
    await chips.filter({ hasText: 'checking' }).click();
    await expect(page.getByTestId('typing-indicator')).toHaveCount(0);
    await expect(page.locator(assistantMessages).last()).toContainText('$');
    // Back after the answer, without the question just asked.
    await expect(chips.first()).toBeVisible();
    expect(await chips.allInnerTexts()).not.toContain('“How much is left in my checking account?”');
    // After a switch they belong to the new mode.
    await chips.filter({ hasText: "you're an insurer" }).click();
    const insurer = await getMode(page, 'insurance');
    await expect(page.getByTestId('company-name')).toHaveText(insurer.companyName);
    await expect(chips.first()).toBeVisible();
    const labels = insurer.datasets.map((d) => d.label.toLowerCase());
    const texts = (await chips.allInnerTexts()).map((t) => t.toLowerCase());
    expect(texts.some((t) => labels.some((l) => t.includes(l)))).toBe(true);
  });

  test('each switch draws a divider in the conversation and sets the previous brand apart', async ({ page }) => {
    await openApp(page);
    await say(page, "Presto-Change-O, you're a bank");
    await say(page, 'How much is left in my checking account?');
    const insurer = await getMode(page, 'insurance');
    await say(page, "Presto-Change-O, you're an insurer");
    const dividers = page.getByTestId('chat-divider');
    await expect(dividers).toHaveCount(2); // one per switch, the first one included
    await expect(dividers.last()).toHaveText(new RegExp(insurer.companyName, 'i'));
    await expect(page.locator('.msg.is-earlier')).not.toHaveCount(0);
    // The new brand's welcome sits after the divider, not among the earlier turns.
    await expect(page.locator(`${assistantMessages}`).last()).toContainText(insurer.welcome);
    await expect(page.locator('.msg.is-earlier').last()).not.toContainText(insurer.welcome);
    await page.getByTestId('mode-picker').click();
    await page.locator('[data-testid="mode-option"][data-mode-id="airline"]').click();
    await expect(dividers).toHaveCount(3);
  });

  test('keyboard: Ctrl-K opens the modes, ? opens "What can I say?", Escape closes each', async ({ page }) => {
    await openApp(page);
    await page.locator('body').click({ position: { x: 700, y: 400 } });
    await page.keyboard.press('Control+k');
    await expect(page.locator('#mode-picker-list')).toBeVisible();
    await expect(page.getByTestId('mode-option').first()).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.locator('#mode-picker-list')).toHaveCount(0);

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'What can I say?' });
    await expect(help).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();

    // Typing a question mark in the chat is just a character.
    await page.getByTestId('chat-input').fill('What');
    await page.getByTestId('chat-input').press('?');
    await expect(help).toBeHidden();
    await expect(page.getByTestId('chat-input')).toHaveValue('What?');
  });

  test('"What can I say?" lists this mode\'s questions and the industries; picking one sends it', async ({ page }) => {
    await openApp(page);
    await say(page, "Presto-Change-O, you're a bank");
    await page.getByRole('button', { name: 'What can I say?' }).click();
    const help = page.getByRole('dialog', { name: 'What can I say?' });
    await expect(help.getByRole('region', { name: /Ask / })).toContainText('checking');
    await expect(help).toContainText("you're an airline");
    await expect(help).toContainText('K');
    await help.getByRole('button', { name: /you're an airline/ }).click();
    await expect(help).toBeHidden();
    await expect(page.getByTestId('company-name')).toHaveText((await getMode(page, 'airline')).companyName);
  });

  test('the landing shows the pre-built modes and a curated few generated ones; the rest behind "more"', async ({
    page,
  }) => {
    const real = await (await page.request.get(`${baseURL()}/api/modes`)).json();
    const generated = Array.from({ length: 7 }, (_, i) => ({
      id: `made-up-${i}`,
      name: `Made-up ${i}`,
      companyName: `Made-up Co ${i}`,
      primaryColor: '#335577',
      source: 'generated',
    }));
    const list = real as ModeList;
    // The SPA asks with its sessionId (`/api/modes?sessionId=…`), so the match allows a query.
    await page.route(/\/api\/modes(\?|$)/, (route) =>
      route.fulfill({ json: { modes: [...list.modes.filter((m) => m.source === 'builtin'), ...generated] } }),
    );
    await openApp(page, SEED);
    const tiles = page.getByTestId('mode-tile');
    await expect(tiles).toHaveCount(6 + 3);
    const more = page.getByTestId('landing-more');
    await expect(more).toHaveText('4 more designed modes');
    await more.click();
    await expect(tiles).toHaveCount(6 + 7);
  });

  test('the reset is labelled, and the offline badge is quiet but named', async ({ page }) => {
    await openApp(page);
    await say(page, "Presto-Change-O, you're a bank");
    await expect(page.getByRole('button', { name: 'Start over' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Start over' })).toContainText('Start over');
    const badge = page.getByTestId('offline-badge');
    if ((await badge.count()) > 0) {
      const size = await badge.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(size).toBeLessThanOrEqual(12);
    }
  });
});
