import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { baseURL, getMode } from './helpers';

interface Frame {
  t: number;
  name: string;
  /** The newest conversation divider, when it can be seen ("Now …"). */
  chat: string;
  primary: string;
  phase: string | null;
}

/**
 * Records, in the page, every frame and every DOM change from now on: the header's name, the
 * theme's primary colour and the transition's phase. A mutation callback runs before the next
 * paint, so a name on the wrong colours would be caught even if it lasted a single frame.
 */
async function record(page: Page): Promise<() => Promise<Frame[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: Frame[]; __stop: boolean };
    w.__frames = [];
    w.__stop = false;
    const t0 = performance.now();
    const snap = () => {
      const overlay = document.querySelector<HTMLElement>('[data-testid="mode-transition"]');
      const f = {
        t: Math.round(performance.now() - t0),
        name: document.querySelector('[data-testid="company-name"]')?.textContent ?? '',
        chat: Array.from(document.querySelectorAll<HTMLElement>('[data-testid="chat-divider"]'))
          .filter((d) => d.checkVisibility({ visibilityProperty: true }))
          .map((d) => d.textContent ?? '')
          .join('|'),
        primary: getComputedStyle(document.documentElement).getPropertyValue('--primary').trim().toLowerCase(),
        phase: overlay?.dataset.phase ?? null,
      };
      const last = w.__frames[w.__frames.length - 1];
      if (!last || last.name !== f.name || last.chat !== f.chat || last.primary !== f.primary || last.phase !== f.phase)
        w.__frames.push(f);
    };
    snap();
    new MutationObserver(snap).observe(document.body, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
    });
    const tick = () => {
      snap();
      if (!w.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return () =>
    page.evaluate(() => {
      const w = window as unknown as { __frames: Frame[]; __stop: boolean };
      w.__stop = true;
      return w.__frames;
    });
}

/**
 * The screenshot film: Chromium's screencast streams the frames it paints (page.screenshot is far too
 * slow on a loaded machine to catch a one-second animation). Half size, at most 90 frames.
 */
async function startFilm(page: Page, path: (i: number) => string): Promise<() => Promise<number>> {
  const cdp = await page.context().newCDPSession(page);
  let n = 0;
  cdp.on('Page.screencastFrame', (frame: { data: string; sessionId: number }) => {
    if (n < 90) writeFileSync(path(n++), Buffer.from(frame.data, 'base64'));
    void cdp.send('Page.screencastFrameAck', { sessionId: frame.sessionId }).catch(() => {});
  });
  await cdp.send('Page.startScreencast', { format: 'png', maxWidth: 720, maxHeight: 450, everyNthFrame: 1 });
  return async () => {
    await cdp.send('Page.stopScreencast');
    await cdp.detach();
    return n;
  };
}

async function switchAndRecord(page: Page, film?: (i: number) => string) {
  const bank = await getMode(page, 'banking');
  const insurer = await getMode(page, 'insurance');
  await page.goto(`${baseURL()}/?mode=banking&seed=4242`);
  await expect(page.getByTestId('company-name')).toHaveText(bank.companyName);
  await expect(page.getByTestId('kpi-card')).toHaveCount(4);
  const before = await page.locator('.stage').boundingBox();
  const frames = await record(page);
  const stopFilm = film ? await startFilm(page, film) : async () => 0;
  const input = page.getByTestId('chat-input');
  await input.fill("Presto-Change-O, you're an insurer");
  await input.press('Enter');
  // The recorder, not polling, sees the overlay come and go (polling could miss a one-second window).
  const overlay = page.getByTestId('mode-transition');
  await expect(page.getByTestId('company-name')).toHaveText(insurer.companyName, { timeout: 15_000 });
  // The film: as many frames as the machine manages while the overlay is up (bounded).
  console.log('overlay', await overlay.count());
  for (let i = 0; film && i < 16 && (await overlay.count()) > 0; i++) await page.screenshot({ path: film(i) });
  await expect(overlay).toHaveCount(0, { timeout: 5_000 });
  await expect(page.getByTestId('company-name')).toHaveText(insurer.companyName);
  await page.waitForTimeout(300); // the last card's entrance, for the film's final frame
  const filmed = await stopFilm();
  const after = await page.locator('.stage').boundingBox();
  return { bank, insurer, frames: await frames(), before, after, filmed };
}

function checkOrder(frames: Frame[], old: { name: string; primary: string }, next: { name: string; primary: string }) {
  const first = frames[0]!;
  const last = frames[frames.length - 1]!;
  expect(first).toMatchObject({ name: old.name, primary: old.primary, phase: null });
  expect(last).toMatchObject({ name: next.name, primary: next.primary, phase: null });
  const cover = frames.findIndex((f) => f.phase === 'cover');
  const newName = frames.findIndex((f) => f.name === next.name);
  expect(cover, 'the sweep starts before anything changes').toBeGreaterThan(0);
  expect(frames.slice(0, cover + 1).every((f) => f.name === old.name && f.primary === old.primary)).toBe(true);
  expect(newName, 'the new name arrives after the cover').toBeGreaterThan(cover);
  // Never the new name on the old look, and never the new look with the old name.
  for (const f of frames) {
    if (f.name === next.name) expect(f.primary, JSON.stringify(f)).toBe(next.primary);
    if (f.primary === next.primary) expect(f.name, JSON.stringify(f)).toBe(next.name);
    // Nor in the conversation: "Now <new brand>" shows once the new look is on.
    if (f.chat.includes(next.name)) expect(f.primary, JSON.stringify(f)).toBe(next.primary);
  }
  // The new mode is revealed from under the sweep: it first shows while the reveal phase runs.
  expect(frames[newName]!.phase).toBe('reveal');
}

test.describe('the transformation', () => {
  test('old mode → brand-colour sweep → new mode, never the new name on the old theme; a film of it', async ({
    page,
  }, info) => {
    const pad = (i: number) => String(i).padStart(2, '0');
    const { bank, insurer, frames, before, after, filmed } = await switchAndRecord(page, (i) =>
      info.outputPath(`film-${pad(i)}.png`),
    );
    checkOrder(
      frames,
      { name: bank.companyName, primary: bank.theme.primary },
      { name: insurer.companyName, primary: insurer.theme.primary },
    );
    // About a second, start to finish.
    const span = frames[frames.length - 1]!.t - frames[0]!.t;
    expect(span).toBeGreaterThan(600);
    // No layout jump: the dashboard's region is where it was.
    expect(after).toEqual(before);
    expect(filmed).toBeGreaterThan(1);
    await info.attach('timeline', { body: JSON.stringify(frames, null, 2), contentType: 'application/json' });
  });

  test('with prefers-reduced-motion the same order, as a plain fade with nothing moving', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const bank = await getMode(page, 'banking');
    await page.goto(`${baseURL()}/?mode=banking&seed=4242`);
    await expect(page.getByTestId('company-name')).toHaveText(bank.companyName);
    await page.evaluate(() => {
      const w = window as unknown as { __seen: { animation: string; content: string }[] };
      w.__seen = [];
      new MutationObserver(() => {
        const el = document.querySelector<HTMLElement>('[data-testid="mode-transition"]');
        if (el)
          w.__seen.push({
            animation: getComputedStyle(el).animationName,
            content: getComputedStyle(el.firstElementChild!).animationName,
          });
      }).observe(document.body, { childList: true, subtree: true, attributes: true });
    });
    const frames = await record(page);
    await page.getByTestId('chat-input').fill("Presto-Change-O, you're an insurer");
    await page.getByTestId('chat-input').press('Enter');
    const insurer = await getMode(page, 'insurance');
    await expect(page.getByTestId('company-name')).toHaveText(insurer.companyName);
    await expect(page.getByTestId('mode-transition')).toHaveCount(0);
    checkOrder(
      await frames(),
      { name: bank.companyName, primary: bank.theme.primary },
      { name: insurer.companyName, primary: insurer.theme.primary },
    );
    const seen = await page.evaluate(
      () => (window as unknown as { __seen: { animation: string; content: string }[] }).__seen,
    );
    expect(new Set(seen.map((s) => s.animation))).toEqual(new Set(['fade-in', 'fade-out']));
    expect(seen.every((s) => s.content === 'none')).toBe(true);
  });
});
