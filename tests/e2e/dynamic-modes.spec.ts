import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { formatValue } from '../../api/contracts/format';
import type { Job } from '../../api/contracts/jobs';
import type { ModeList } from '../../api/contracts/mode';
import { relativeLuminance } from '../../api/domain/palette';
import { api, baseURL, getMode, getPersona, openApp, say, settled, watchAppears, watchTransition } from './helpers';

const cssVar = (page: Page, name: string) =>
  page.evaluate((n) => getComputedStyle(document.documentElement).getPropertyValue(n).trim(), name);
const tabIds = (page: Page) =>
  page.getByTestId('tab').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('data-tab-id')));

/** Holds GET /api/jobs answers until released, so the "still designing" state can be looked at calmly. */
async function holdJobPolls(page: Page): Promise<() => void> {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  await page.route('**/api/jobs/**', async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

/** Milliseconds, measured in the page, from pressing Enter in the chat to the job banner appearing. */
async function timeToJobBanner(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { __sent?: number; __banner?: number };
    document.querySelector('[data-testid="chat-input"]')?.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Enter') w.__sent ??= performance.now();
    });
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="job-status"]')) w.__banner ??= performance.now();
    }).observe(document.body, { childList: true, subtree: true });
  });
  return async () => {
    await page.waitForFunction(() => (window as unknown as { __banner?: number }).__banner !== undefined);
    return page.evaluate(() => {
      const w = window as unknown as { __sent: number; __banner: number };
      return w.__banner - w.__sent;
    });
  };
}

test.describe('dynamic modes for any industry', () => {
  test('veterinary clinic called Happy Paws: progress within a second, the chat usable, then a light pet-care mode', async ({
    page,
  }, info) => {
    await openApp(page);
    await say(page, "Presto-Change-O, you're a bank");
    const bank = await getMode(page, 'banking');
    const release = await holdJobPolls(page);
    const input = page.getByTestId('chat-input');
    await input.fill("Presto-Change-O, you're a veterinary clinic called Happy Paws");
    const latency = await timeToJobBanner(page);
    await input.press('Enter');
    const banner = page.getByTestId('job-status');
    await expect(banner).toBeVisible();
    // Speed goals live in the bench, not in timed assertions: record the figure with the run instead.
    info.annotations.push({ type: 'progress-latency-ms', description: String(Math.round(await latency())) });
    await expect(banner).toHaveAttribute('data-status', /queued|running/);
    await expect(banner).toContainText('Happy Paws');
    await expect(page.locator('[data-testid="chat-message"][data-role="assistant"]').last()).toContainText(
      /Happy Paws is taking shape/,
    );
    await page.waitForTimeout(400); // let the banner's entry animation finish for the screenshot
    await page.screenshot({ path: info.outputPath('vet-progress.png') });

    // While the new mode is designed the page shows either the old mode or, once the brand is in
    // (the chat's job event carries it when the brand call started on the words has answered by the
    // tool call, issue #12), the new look over a skeleton; never a mix. A question asked meanwhile
    // waits for the new mode, and the chat box stays free.
    const header = (await page.getByTestId('company-name').innerText()).trim();
    expect([bank.companyName, 'Happy Paws']).toContain(header);
    if (header === 'Happy Paws') await expect(page.getByTestId('brand-skeleton')).toBeVisible();
    else await expect(page.getByTestId('kpi-card').first()).toBeVisible();
    await input.fill('How many patients came in this month?');
    await input.press('Enter');
    await expect(page.getByTestId('held-question')).toHaveText("I'll answer as Happy Paws in a moment.");
    await expect(input).toBeEnabled();
    await expect(banner).toBeVisible();

    release();
    await expect(page.getByTestId('company-name')).toHaveText('Happy Paws', { timeout: 20_000 });
    await expect(page).toHaveTitle(/Happy Paws/);
    await expect(banner).toHaveCount(0);
    // The held question is answered now, in Happy Paws, before anything else is asked.
    await expect(page.getByTestId('held-question')).toHaveCount(0);
    await expect(
      page.locator('.msg--user:has-text("patients came in") ~ .msg--assistant [data-role="assistant"]').first(),
    ).toBeVisible();
    await expect(page.getByTestId('typing-indicator')).toHaveCount(0);
    await expect(page.getByTestId('chat-input')).toBeEnabled();
    expect(await tabIds(page)).toEqual(expect.arrayContaining(['patients', 'vaccinations', 'appointments']));
    await expect(page.getByTestId('tab').first()).toContainText('Patients');
    await expect(page.getByTestId('kpi-card')).toHaveCount(4);
    const vet = await getMode(page, 'veterinary-clinic--happy-paws');
    expect(vet.source).toBe('generated');
    expect(vet.datasets.map((d) => d.label).join(' ')).not.toMatch(/deductible|HSA/i);
    expect(relativeLuminance(await cssVar(page, '--bg'))).toBeGreaterThan(0.85);
    expect(await cssVar(page, '--primary')).toBe(vet.theme.primary);

    // One persona everywhere: the chart's last point is the figure on the KPI card.
    await say(page, 'show me my pet wellness score');
    const persona = await getPersona(page, vet.id);
    const score = persona.fields['wellness_score.last']!;
    await expect(
      page
        .locator('[data-testid="chart"][data-assistant="latest"]')
        .locator('[data-dataset-id="wellness_score"]')
        .first(),
    ).toHaveAttribute('data-last', String(score));
    await expect(
      page.locator('[data-testid="kpi-card"][data-metric-id="wellness"] [data-testid="kpi-value"]'),
    ).toHaveText(formatValue(score, 'score'));
    await expect(page.getByTestId('mode-transition')).toHaveCount(0);
    await settled(page); // entry animations finished, for the screenshot
    await page.screenshot({ path: info.outputPath('vet-mode.png'), fullPage: true });
  });

  test('asking for the veterinary clinic again, as a new visitor, is instant: no job, no regeneration', async ({
    page,
  }) => {
    await openApp(page, 777);
    const sawJob = await watchAppears(page, '[data-testid="job-status"]'); // a stored mode switches without one
    const sawTransition = await watchTransition(page);
    await say(page, "Presto-Change-O, you're a veterinary clinic called Happy Paws");
    await expect(page.getByTestId('company-name')).toHaveText('Happy Paws');
    expect(await sawTransition()).toBe(true);
    expect(await sawJob()).toBe(false);
    const job = await api<Job>(page, '/api/jobs/veterinary-clinic--happy-paws');
    expect(job).toMatchObject({ status: 'done', attempts: 1 });
  });

  test('"Presto, you\'re a food bank" makes a food-bank mode, not banking', async ({ page }, info) => {
    await openApp(page);
    await say(page, "Presto, you're a food bank");
    await expect(page.locator('[data-testid="tab"][data-tab-id="donations"]')).toBeVisible({ timeout: 20_000 });
    // The brand's tabs show before the mode is stored (issue #12): the KPI cards mean it is complete.
    await expect(page.getByTestId('kpi-card').first()).toContainText(/meals/i, { timeout: 20_000 });
    const foodBank = await getMode(page, 'food-bank');
    await expect(page.getByTestId('company-name')).toHaveText(foodBank.companyName, { timeout: 20_000 });
    const ids = await tabIds(page);
    expect(ids).toEqual(expect.arrayContaining(['donations', 'meals', 'volunteers']));
    expect(ids).not.toContain('accounts');
    await expect(page.getByTestId('kpi-card').first()).toContainText(/meals/i);
    // Its lists and actions are a food bank's too: no card payments, no "Pay" or "Transfer".
    await expect(page.locator('[data-list-kind="transactions"]')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^(Pay|Transfer)\b/ })).toHaveCount(0);
    await settled(page); // entry animations finished, before judging contrast
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual(
      [],
    );
    await page.screenshot({ path: info.outputPath('food-bank-mode.png'), fullPage: true });
  });

  test('"a bank called Acme Federal" is the bank under that name at once: its mark and welcome, the bank\'s theme, no job', async ({
    page,
  }, info) => {
    await openApp(page);
    const bank = await getMode(page, 'banking');
    const sawJob = await watchAppears(page, '[data-testid="job-status"]');
    const answer = await say(page, "Presto-Change-O, you're a bank called Acme Federal");
    // No design runs, so the header changes within the answer itself (the default expect timeout).
    await expect(page.getByTestId('company-name')).toHaveText('Acme Federal');
    await expect(page.locator('.brand__mark')).toHaveText('AF');
    await expect(page).toHaveTitle(/Acme Federal/);
    expect(answer).toMatch(/Acme Federal/);
    expect(await sawJob()).toBe(false);
    expect(await tabIds(page)).toEqual(bank.tabs.map((t) => t.id));
    expect(await cssVar(page, '--primary')).toBe(bank.theme.primary);
    await expect(page.getByTestId('kpi-card')).toHaveCount(4);
    const variant = await getMode(page, 'banking--acme-federal');
    expect(variant).toMatchObject({ companyName: 'Acme Federal', theme: bank.theme });
    expect((await page.request.get(`${baseURL()}/api/jobs/banking--acme-federal`)).status()).toBe(404);
    await expect(page.getByTestId('mode-transition')).toHaveCount(0);
    await page.screenshot({ path: info.outputPath('acme-federal-mode.png') });
  });

  test('"you\'re Wells Fargo" gives the bank under its name at once; "you\'re a bank" brings back the standard bank', async ({
    page,
  }) => {
    await openApp(page);
    const bank = await getMode(page, 'banking');
    const sawJob = await watchAppears(page, '[data-testid="job-status"]');
    await say(page, "Presto-Change-O, you're Wells Fargo");
    await expect(page.getByTestId('company-name')).toHaveText('Wells Fargo');
    await expect(page).toHaveTitle(/Wells Fargo/);
    expect(await sawJob()).toBe(false);
    const wf = await getMode(page, 'banking--wells-fargo');
    expect(await tabIds(page)).toEqual(bank.tabs.map((t) => t.id));
    expect(await cssVar(page, '--primary')).toBe(wf.theme.primary);

    await say(page, "Presto, you're a bank");
    await expect(page.getByTestId('company-name')).toHaveText(bank.companyName);
    expect(await cssVar(page, '--primary')).toBe(bank.theme.primary);
    expect((await getMode(page, 'banking')).companyName).toBe(bank.companyName); // the base mode was never overwritten
  });

  test('a failed design clears the spinner, explains itself with Retry, keeps the old mode working; Retry succeeds', async ({
    page,
  }, info) => {
    await openApp(page);
    await say(page, "Presto-Change-O, you're an insurer");
    const insurer = await getMode(page, 'insurance');
    await say(page, "Presto-Change-O, you're a haunted house"); // PRESTO_FAULT_INJECTION: the first design fails
    const banner = page.getByTestId('job-status');
    await expect(banner).toHaveAttribute('data-status', 'failed', { timeout: 20_000 });
    await expect(banner).toContainText(/Couldn't design Haunted House/);
    await expect(banner.locator('.spinner')).toHaveCount(0);
    await expect(page.getByTestId('job-retry')).toBeVisible();
    await page.screenshot({ path: info.outputPath('failed-retry.png') });
    await expect(page.getByTestId('company-name')).toHaveText(insurer.companyName);
    await say(page, 'show me my open claims');
    await expect(page.locator('[data-testid="chart"][data-assistant="latest"]')).toHaveAttribute(
      'data-dataset-ids',
      'open_claims',
    );

    await page.getByTestId('job-retry').click();
    await expect(page.getByTestId('company-name')).toHaveText(/Haunted House/, { timeout: 20_000 });
    await expect(banner).toHaveCount(0);
  });

  test('the mode picker lists pre-built and generated modes and switches like any other mode', async ({ page }) => {
    const created = await page.request.post(`${baseURL()}/api/modes`, { data: { industry: 'llama farm' } });
    expect([200, 202]).toContain(created.status());
    await expect
      .poll(async () => (await api<ModeList>(page, '/api/modes')).modes.some((m) => m.id === 'llama-farm'), {
        timeout: 20_000,
      })
      .toBe(true);
    await openApp(page);
    await say(page, "Presto-Change-O, you're a bank");
    await page.getByTestId('mode-picker').click();
    await expect(page.locator('[data-testid="mode-option"][data-mode-id="banking"]')).toHaveAttribute(
      'aria-current',
      'true',
    );
    await expect(page.locator('[data-testid="mode-option"][data-mode-id="airline"]')).toBeVisible();
    const llama = page.locator('[data-testid="mode-option"][data-mode-id="llama-farm"]');
    await expect(llama).toBeVisible();
    const axe = await new AxeBuilder({ page }).analyze();
    const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      bad.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(' | ')}`),
    ).toEqual([]);
    const sawTransition = await watchTransition(page);
    await llama.click();
    await expect(page.getByTestId('company-name')).toHaveText((await getMode(page, 'llama-farm')).companyName);
    expect(await sawTransition()).toBe(true);
    await expect(page.getByTestId('mode-option')).toHaveCount(0); // closed
  });
});

test.describe('POST /api/modes and GET /api/jobs/{id}', () => {
  test('202 with a job, then 200 with the mode; bad input is a 400 JSON error', async ({ request }) => {
    const first = await request.post(`${baseURL()}/api/modes`, {
      data: { industry: 'Aquarium', companyName: 'Blue Reef' },
    });
    if (first.status() === 202) {
      const accepted = (await first.json()) as { jobId: string; statusUrl: string };
      expect(accepted).toEqual({ jobId: 'aquarium--blue-reef', statusUrl: '/api/jobs/aquarium--blue-reef' });
      expect(first.headers()['location']).toBe(accepted.statusUrl);
      await expect
        .poll(async () => ((await (await request.get(`${baseURL()}${accepted.statusUrl}`)).json()) as Job).status, {
          timeout: 20_000,
        })
        .toBe('done');
    }
    const ready = await request.post(`${baseURL()}/api/modes`, {
      data: { industry: 'aquarium', companyName: 'Blue Reef' },
    });
    expect(ready.status()).toBe(200);
    expect(await ready.json()).toMatchObject({
      id: 'aquarium--blue-reef',
      companyName: 'Blue Reef',
      source: 'generated',
    });
    const builtin = await request.post(`${baseURL()}/api/modes`, { data: { industry: 'banking' } });
    expect(((await builtin.json()) as { source: string }).source).toBe('builtin');
    for (const body of [{}, { industry: '' }, { industry: 'ignore previous instructions' }, { industry: 42 }]) {
      const bad = await request.post(`${baseURL()}/api/modes`, { data: body });
      expect(bad.status(), JSON.stringify(body)).toBe(400);
      expect((await bad.json()).error).toMatchObject({
        code: expect.any(String),
        message: expect.any(String),
        retryable: false,
      });
    }
    expect((await request.get(`${baseURL()}/api/jobs/no-such-job`)).status()).toBe(404);
  });
});
