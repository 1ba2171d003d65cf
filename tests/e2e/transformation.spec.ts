import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { baseURL, getMode, watchTransition } from './helpers';

interface Frame {
  t: number;
  name: string;
  /** The newest conversation divider, when it can be seen ("Now …"). */
  chat: string;
  primary: string;
  phase: string | null;
}

/**
 * Records the animations of every view transition the page starts from now on: at its `ready`
 * promise the browser has built the snapshot pseudo-elements and their animations, so reading them
 * then is deterministic, however few frames a loaded machine paints.
 */
async function watchViewTransitions(page: Page): Promise<() => Promise<string[][]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __vt: string[][] };
    w.__vt = [];
    const start = document.startViewTransition.bind(document);
    document.startViewTransition = ((update?: ViewTransitionUpdateCallback) => {
      const vt = start(update);
      void vt.ready
        .then(() =>
          w.__vt.push(
            document
              .getAnimations()
              .filter((a) => (a.effect as KeyframeEffect | null)?.pseudoElement?.startsWith('::view-transition'))
              .map((a) => `${(a.effect as KeyframeEffect).pseudoElement} ${(a as CSSAnimation).animationName}`),
          ),
        )
        .catch(() => w.__vt.push(['skipped']));
      return vt;
    }) as typeof document.startViewTransition;
  });
  return () => page.evaluate(() => (window as unknown as { __vt: string[][] }).__vt);
}

/** When the app marked the new mode painted (`presto:mode-painted`, read by `npm run bench`), on the recorder's clock. */
const paintedAt = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __t0: number };
    const mark = performance.getEntriesByName('presto:mode-painted')[0];
    return mark ? mark.startTime - w.__t0 : null;
  });

/**
 * Records, in the page, every frame and every DOM change from now on: the header's name, the
 * theme's primary colour and the show's phase. A mutation callback runs before the next
 * paint, so a name on the wrong colours would be caught even if it lasted a single frame.
 */
async function record(page: Page): Promise<() => Promise<Frame[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: Frame[]; __stop: boolean; __t0: number };
    w.__frames = [];
    w.__stop = false;
    const t0 = performance.now();
    w.__t0 = t0;
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
  const transitions = await watchViewTransitions(page);
  const stopFilm = film ? await startFilm(page, film) : async () => 0;
  const input = page.getByTestId('chat-input');
  await input.fill("Presto-Change-O, you're an insurer");
  await input.press('Enter');
  // The recorder, not polling, sees the show come and go (polling could miss a one-second window).
  const overlay = page.getByTestId('mode-transition');
  await expect(page.getByTestId('company-name')).toHaveText(insurer.companyName, { timeout: 15_000 });
  // The film: as many frames as the machine manages while the show is up (bounded).
  for (let i = 0; film && i < 16 && (await overlay.count()) > 0; i++) await page.screenshot({ path: film(i) });
  await expect(overlay).toHaveCount(0, { timeout: 5_000 });
  await expect(page.getByTestId('company-name')).toHaveText(insurer.companyName);
  await page.waitForTimeout(300); // the last card's entrance, for the film's final frame
  const filmed = await stopFilm();
  const after = await page.locator('.stage').boundingBox();
  return {
    bank,
    insurer,
    frames: await frames(),
    transitions: await transitions(),
    painted: await paintedAt(page),
    before,
    after,
    filmed,
  };
}

type Look = { name: string; primary: string };

/** What any viewer must see: old, then new, never a mix of the two, and the old never back. */
function checkSwap(frames: Frame[], old: Look, next: Look) {
  expect(frames[0]).toMatchObject({ name: old.name, primary: old.primary, phase: null });
  expect(frames[frames.length - 1]).toMatchObject({ name: next.name, primary: next.primary, phase: null });
  const newName = frames.findIndex((f) => f.name === next.name);
  expect(newName, 'the new name arrives').toBeGreaterThan(0);
  expect(frames.slice(newName).every((f) => f.name === next.name && f.primary === next.primary)).toBe(true);
  // Never the new name on the old look, and never the new look with the old name.
  for (const f of frames) {
    if (f.name === next.name) expect(f.primary, JSON.stringify(f)).toBe(next.primary);
    if (f.primary === next.primary) expect(f.name, JSON.stringify(f)).toBe(next.name);
    // Nor in the conversation: "Now <new brand>" shows once the new look is on.
    if (f.chat.includes(next.name)) expect(f.primary, JSON.stringify(f)).toBe(next.primary);
  }
  return newName;
}

test.describe('the transformation', () => {
  test('the new mode is on screen at once and the brand-colour wipe plays over it; a film of it', async ({
    page,
  }, info) => {
    const pad = (i: number) => String(i).padStart(2, '0');
    const { bank, insurer, frames, transitions, painted, before, after, filmed } = await switchAndRecord(page, (i) =>
      info.outputPath(`film-${pad(i)}.png`),
    );
    await info.attach('timeline', {
      body: JSON.stringify({ frames, transitions, painted }, null, 2),
      contentType: 'application/json',
    });
    const newName = checkSwap(
      frames,
      { name: bank.companyName, primary: bank.theme.primary },
      { name: insurer.companyName, primary: insurer.theme.primary },
    );
    // Nothing is drawn over the old mode first: the show starts with the new mode already on.
    expect(frames.slice(0, newName).every((f) => f.phase === null)).toBe(true);
    expect(frames[newName]!.phase).toBe('wipe');
    const showStart = newName;
    // The old mode is a snapshot wiped away from the brand mark, the new one live under it.
    expect(transitions).toHaveLength(1);
    expect(transitions[0]).toContain('::view-transition-new(root) wipe');
    expect(transitions[0]).toContain('::view-transition-old(root) wipe');
    // Painted (the bench's mark) while the show is still playing, not after it.
    const showEnd = frames.findLastIndex((f) => f.phase === 'wipe') + 1;
    expect(painted).not.toBeNull();
    expect(painted!).toBeLessThan(frames[showEnd]!.t);
    // A show, not a cut: the wipe and the name's stamp last most of a second.
    expect(frames[showEnd]!.t - frames[showStart]!.t).toBeGreaterThan(600);
    // No layout jump: the dashboard's region is where it was.
    expect(after).toEqual(before);
    expect(filmed).toBeGreaterThan(1);
  });

  test('with prefers-reduced-motion the new mode comes in a plain cross-fade, with no wipe or band', async ({
    page,
  }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const bank = await getMode(page, 'banking');
    const insurer = await getMode(page, 'insurance');
    await page.goto(`${baseURL()}/?mode=banking&seed=4242`);
    await expect(page.getByTestId('company-name')).toHaveText(bank.companyName);
    const frames = await record(page);
    const transitions = await watchViewTransitions(page);
    const sawShow = await watchTransition(page);
    await page.getByTestId('chat-input').fill("Presto-Change-O, you're an insurer");
    await page.getByTestId('chat-input').press('Enter');
    await expect(page.getByTestId('company-name')).toHaveText(insurer.companyName);
    checkSwap(
      await frames(),
      { name: bank.companyName, primary: bank.theme.primary },
      { name: insurer.companyName, primary: insurer.theme.primary },
    );
    expect(await sawShow()).toBe(false);
    const seen = await transitions();
    expect(seen).toHaveLength(1);
    const images = seen[0]!.filter((a) => /^::view-transition-(old|new)\(/.test(a));
    expect(images.map((a) => a.split(' ')[1]).sort()).toEqual(['fade-in', 'fade-out']);
  });

  test('when the show ends, nothing on the new dashboard plays its entrance again', async ({ page }) => {
    const insurer = await getMode(page, 'insurance');
    await page.goto(`${baseURL()}/?mode=banking&seed=4242`);
    await expect(page.getByTestId('kpi-card').first()).toBeVisible();
    // The show's styles come off the page (is-revealing); two frames later, every animation in the
    // dashboard that began after that moment is a replay (the KPI cards once blinked out and faded
    // in again here). Charts still drawing since they arrived began before it and do not count.
    await page.evaluate(() => {
      const w = window as unknown as { __replayed: string[] | null };
      w.__replayed = null;
      const app = document.querySelector('.app')!;
      let revealing = false;
      const watch = new MutationObserver(() => {
        if (app.classList.contains('is-revealing')) return void (revealing = true);
        if (!revealing) return;
        watch.disconnect();
        const off = Number(document.timeline.currentTime);
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            w.__replayed = document
              .getAnimations()
              // A start time still unresolved (null) is an animation about to begin: after that moment too.
              .filter(
                (a): a is CSSAnimation =>
                  a instanceof CSSAnimation && (a.startTime === null || Number(a.startTime) >= off - 1),
              )
              .filter((a) => (a.effect as KeyframeEffect).target?.closest('.dashboard'))
              .map((a) => `${((a.effect as KeyframeEffect).target as Element).className}: ${a.animationName}`);
          }),
        );
      });
      watch.observe(app, { attributes: true, attributeFilter: ['class'] });
    });
    await page.getByTestId('chat-input').fill("Presto-Change-O, you're an insurer");
    await page.getByTestId('chat-input').press('Enter');
    await expect(page.getByTestId('company-name')).toHaveText(insurer.companyName);
    const replayed = () => page.evaluate(() => (window as unknown as { __replayed: string[] | null }).__replayed);
    await expect.poll(replayed, { timeout: 15_000 }).not.toBeNull();
    expect(await replayed()).toEqual([]);
  });

  test('when the new mode is slow to load, the sweep covers the old one as a loading state', async ({ page }) => {
    const bank = await getMode(page, 'banking');
    const insurer = await getMode(page, 'insurance');
    // The persona is held until the test has seen the loading state: ordering, not timing.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/modes/insurance/persona**', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${baseURL()}/?mode=banking&seed=4242`);
    await expect(page.getByTestId('company-name')).toHaveText(bank.companyName);
    const frames = await record(page);
    await page.getByTestId('mode-picker').click();
    await page.locator('[data-testid="mode-option"][data-mode-id="insurance"]').click();
    const overlay = page.getByTestId('mode-transition');
    await expect(overlay).toHaveAttribute('data-phase', 'cover');
    await expect(overlay).toContainText(`Becoming ${insurer.companyName}`);
    await expect(page.getByTestId('company-name')).toHaveText(bank.companyName);
    release();
    await expect(page.getByTestId('company-name')).toHaveText(insurer.companyName);
    await expect(overlay).toHaveCount(0);
    const seen = await frames();
    const newName = checkSwap(
      seen,
      { name: bank.companyName, primary: bank.theme.primary },
      { name: insurer.companyName, primary: insurer.theme.primary },
    );
    // The new mode is put on under the cover and revealed from under it.
    const cover = seen.findIndex((f) => f.phase === 'cover');
    expect(cover).toBeGreaterThan(0);
    expect(cover).toBeLessThan(newName);
    expect(seen[newName]!.phase).toBe('reveal');
  });
});
