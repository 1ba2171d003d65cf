import { expect, type Page } from '@playwright/test';
import type { Mode } from '../../api/contracts/mode';
import type { Persona } from '../../api/contracts/persona';

export const SEED = 4242;
export const baseURL = () => {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set (global setup did not run)');
  return url;
};

/** Which ChatModel the suite runs against (global setup: E2E_PROVIDER=offline|azure). */
export const provider = (): 'offline' | 'azure' => (process.env.E2E_PROVIDER === 'azure' ? 'azure' : 'offline');

/** Opens the app with a known persona seed (a fresh visitor otherwise gets a random one). */
export async function openApp(page: Page, seed = SEED): Promise<void> {
  await page.addInitScript((s) => {
    if (!localStorage.getItem('presto-change-o:v1'))
      localStorage.setItem('presto-change-o:v1', JSON.stringify({ personaSeed: s }));
  }, seed);
  await page.goto(baseURL());
  await expect(page.getByTestId('chat-input')).toBeVisible();
}

/**
 * Types a message, sends it with Enter, and waits until the assistant has finished answering. On a
 * phone a new mode brings the dashboard to the front, so the reply may land behind it (the chat
 * pane is one tap away); on a wider window the reply is always in view.
 */
export async function say(page: Page, text: string): Promise<string> {
  const answers = page.locator('[data-testid="chat-message"][data-role="assistant"]');
  const before = await answers.count();
  const input = page.getByTestId('chat-input');
  await input.fill(text);
  await input.press('Enter');
  const answer = answers.nth(before);
  await expect(answer).toBeAttached();
  await expect(answer).not.toHaveClass(/is-streaming/, { timeout: 20_000 });
  await expect(page.getByTestId('typing-indicator')).toHaveCount(0);
  if ((page.viewportSize()?.width ?? PHONE_MAX_WIDTH + 1) > PHONE_MAX_WIDTH) await expect(answer).toBeVisible();
  return (await answer.innerText()).trim();
}

/** layout.css shows one pane at a time up to this width. */
const PHONE_MAX_WIDTH = 860;

export async function api<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`${baseURL()}${path}`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as T;
}

export const getMode = (page: Page, id: string) => api<Mode>(page, `/api/modes/${id}`);
export const getPersona = (page: Page, id: string, seed = SEED) =>
  api<Persona>(page, `/api/modes/${id}/persona?seed=${seed}`);

/**
 * Records, in the page, whether anything matching `selector` ever appears from now on: brief
 * elements (the transition overlay) could be missed by polling between two checks.
 */
export async function watchAppears(page: Page, selector: string): Promise<() => Promise<boolean>> {
  await page.evaluate((sel) => {
    const w = window as unknown as { __saw?: Record<string, boolean> };
    const saw = (w.__saw ??= {});
    saw[sel] = false;
    new MutationObserver(() => {
      if (document.querySelector(sel)) saw[sel] = true;
    }).observe(document.body, { childList: true, subtree: true });
  }, selector);
  return () =>
    page.evaluate((sel) => (window as unknown as { __saw: Record<string, boolean> }).__saw[sel] === true, selector);
}

/** Whether the mode transition overlay ever appears from now on. */
export const watchTransition = (page: Page) => watchAppears(page, '[data-testid="mode-transition"]');

/**
 * Contrast is judged on the settled page: while the transformation reveals the cards they are
 * still fading in, and a half-transparent label fails contrast for a few frames. Waits for the
 * reveal to end and for every finite animation or transition to finish (spinners loop forever).
 */
export async function settled(page: Page) {
  await page.waitForFunction(
    () =>
      !document.querySelector('.app.is-covering, .app.is-revealing') &&
      document
        .getAnimations()
        .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
  );
}
