import { expect, test } from '@playwright/test';
import { formatValue } from '../../api/contracts/format';
import { getMode, getPersona, openApp, provider, say, watchTransition } from './helpers';
import {
  audioLevel,
  httpCalls,
  listeningShown,
  micRequests,
  nextCall,
  prepareVoicePage,
  spokenFallbacks,
  startVoice,
  toolCallToChartMs,
  voiceBubbles,
} from './voice-helpers';

// Voice against the Foundry emulator's WebRTC peer (issue #5). The fake microphone sends a tone the
// emulator cannot understand, so each test says what the user spoke; everything else is real:
// the token endpoint, the SDP exchange, the data channel, the audio track, tools and the UI.
const CHECKING = 'How much is left in my checking account?';

test.describe('voice on the offline provider', () => {
  test.skip(() => provider() !== 'offline', 'offline pass only');

  test('the toggle is disabled with the reason, and the microphone is never asked for', async ({ page }) => {
    await prepareVoicePage(page);
    await openApp(page);
    const toggle = page.getByTestId('voice-toggle');
    await expect(page.locator('#voice-reason')).toHaveText(/Azure provider.*offline engine is text only/);
    await expect(toggle).toBeDisabled();
    expect(await micRequests(page)).toBe(0);
  });
});

test.describe('voice on the azure provider (Foundry emulator)', () => {
  test.skip(() => provider() !== 'azure', 'azure pass only');

  test('the mic is asked for only on toggle; a spoken question gives transcript and answer bubbles in order while the chart animates in', async ({
    page,
  }, info) => {
    await prepareVoicePage(page, { modeId: 'banking' });
    await openApp(page);
    const calls = httpCalls(page);
    expect(await micRequests(page)).toBe(0);
    const callId = await startVoice(page);
    expect(await micRequests(page)).toBe(1);

    expect(await listeningShown(page)).toBe(0);
    // Azure's mint takes only type, model, instructions and voice (strict emulator): the rest of the
    // session is the browser's first event on the data channel.
    const firstEvent = async () =>
      (await calls.snapshot(callId)).received[0] as { type?: string; session?: Record<string, any> } | undefined;
    await expect.poll(async () => (await firstEvent())?.type).toBe('session.update');
    expect((await firstEvent())?.session?.tools?.map((t: { name: string }) => t.name)).toContain('show_chart');
    await calls.say(callId, CHECKING, 1500);
    // Azure sends no partial transcripts: "listening…" until the final one (docs/pitfalls.md 2.5). The page
    // records the placeholder as it appears, since the runner may only look after the speech ended.
    await expect.poll(() => listeningShown(page)).toBeGreaterThan(0);
    await expect(voiceBubbles(page, 'user').last()).toHaveText(CHECKING);
    await expect(page.getByTestId('voice-listening')).toHaveCount(0);
    const chart = page.locator('[data-testid="chart"][data-assistant="latest"]');
    await expect(chart).toHaveAttribute('data-dataset-ids', 'checking');
    const persona = await getPersona(page, 'banking');
    const balance = formatValue(persona.series.checking!.at(-1)!.y, 'USD');
    const answer = voiceBubbles(page, 'assistant').last();
    await expect(answer).toContainText(balance);
    await expect(answer).toContainText(/checking/i);

    // In spoken order: the question, then its answer.
    const order = await page
      .locator('[data-testid="chat-message"][data-voice="true"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-role')));
    expect(order).toEqual(['user', 'assistant']);
    // The answer was heard: the emulator's Opus audio reaches the audio element.
    await expect.poll(() => audioLevel(page), { timeout: 10_000 }).toBeGreaterThan(2);

    const snapshot = await calls.snapshot(callId);
    expect(snapshot.micPackets).toBeGreaterThan(0);
    const sent = snapshot.received.map((e) => e.type);
    expect(sent).toContain('response.create');
    expect(
      snapshot.received.find(
        (e) => e.type === 'conversation.item.create' && (e.item as { type?: string })?.type === 'function_call_output',
      ),
    ).toBeTruthy();
    const connectMs = Number(await page.getByTestId('voice-panel').getAttribute('data-connect-ms'));
    const toolToChartMs = await toolCallToChartMs(page);
    info.annotations.push(
      { type: 'offer→data channel (ms)', description: String(connectMs) },
      { type: 'emulator connect (ms)', description: String(snapshot.connectMs) },
      { type: 'tool call→chart (ms)', description: String(toolToChartMs) },
    );
    console.log(
      `[voice] offer→data channel ${connectMs} ms (emulator ${snapshot.connectMs} ms); tool call→chart ${toolToChartMs} ms`,
    );
  });

  test('"Presto-Change-O, you\'re an insurer" by voice switches the mode, the voice greets as the insurer, and typed chat then answers as the insurer', async ({
    page,
  }) => {
    await prepareVoicePage(page, { modeId: 'banking' });
    await openApp(page);
    const calls = httpCalls(page);
    const first = await startVoice(page);
    const insurer = await getMode(page, 'insurance');
    const renewed = nextCall(page);
    const saw = await watchTransition(page);
    await calls.say(first, "Presto-Change-O, you're an insurer");
    await expect(page.getByTestId('company-name')).toHaveText(insurer.companyName);
    expect(await saw()).toBe(true);
    await expect(voiceBubbles(page, 'assistant').last()).toContainText(insurer.welcome);
    // The voice session follows the mode: a new call with the insurer's instructions, same persona.
    const second = await renewed;
    await expect(page.getByTestId('voice-panel')).toHaveAttribute('data-renewing', 'false');
    const persona = await getPersona(page, 'insurance');
    const snapshot = await calls.snapshot(second);
    expect(snapshot.instructions).toContain(`You are the ${insurer.companyName} assistant`);
    expect(snapshot.instructions).toContain(persona.name);
    await expect.poll(async () => (await calls.snapshot(first)).open).toBe(false);
    // Voice and chat share one state: a typed question is answered in the insurer's mode, with the
    // spoken turns in the history it is sent with.
    const request = page.waitForRequest((r) => r.url().endsWith('/api/chat'));
    const answer = await say(page, 'What is my auto premium?');
    expect(answer).toMatch(/auto premium/i);
    await expect(page.locator('[data-testid="chart"][data-assistant="latest"]')).toHaveAttribute(
      'data-dataset-ids',
      'auto_premium',
    );
    const sent = (await request).postDataJSON() as {
      modeId: string;
      messages: { role: string; content: string | null }[];
    };
    expect(sent.modeId).toBe('insurance');
    expect(sent.messages.slice(0, 2)).toEqual([
      { role: 'user', content: "Presto-Change-O, you're an insurer" },
      { role: 'assistant', content: insurer.welcome },
    ]);
  });

  test('barge-in: speaking over the answer stops it at once, cancels and truncates it, and cuts the shown text where the audio stopped', async ({
    page,
  }) => {
    await prepareVoicePage(page, { modeId: 'banking' });
    await openApp(page);
    const calls = httpCalls(page);
    const callId = await startVoice(page);
    const long =
      'Here is a long overview of everything in your accounts. ' +
      'Your checking, savings and card balances all moved this month, and I will go through each of them in turn. '.repeat(
        3,
      );
    await calls.script(callId, { kind: 'speak', text: long.trim() });
    await calls.say(callId, 'Tell me about all my accounts');
    const answer = voiceBubbles(page, 'assistant').last();
    await expect(page.getByTestId('voice-panel')).toHaveAttribute('data-speaking', 'true');
    await expect(answer).toContainText('Here is a long overview');
    await calls.say(callId, 'Stop. How much is in my savings?', 600);
    const cut = page.locator('[data-testid="chat-message"][data-interrupted="true"]');
    await expect(cut).toHaveCount(1);
    const shown = (await cut.innerText()).trim();
    expect(shown.endsWith('…')).toBe(true);
    expect(shown.length).toBeLessThan(long.length * 0.8);
    const snapshot = await calls.snapshot(callId);
    const types = snapshot.received.map((e) => e.type);
    expect(types).toContain('response.cancel');
    expect(snapshot.truncations).toHaveLength(1);
    expect(snapshot.truncations[0]!.audio_end_ms).toBeGreaterThan(0);
    expect(snapshot.truncations[0]!.audio_end_ms).toBeLessThan(long.length * 65);
    // The new question is answered; the cut answer never comes back whole.
    await expect(page.locator('[data-testid="chart"][data-assistant="latest"]')).toHaveAttribute(
      'data-dataset-ids',
      'savings',
    );
    await expect(voiceBubbles(page, 'user').last()).toHaveText('Stop. How much is in my savings?');
    expect((await cut.innerText()).trim()).toBe(shown);
    expect(shown.startsWith('Here is')).toBe(true);
  });

  test('mute microphone and mute speaker toggle and take effect', async ({ page }) => {
    await prepareVoicePage(page, { modeId: 'banking' });
    await openApp(page);
    const calls = httpCalls(page);
    const callId = await startVoice(page);
    const mic = page.getByTestId('voice-mute-mic');
    const speaker = page.getByTestId('voice-mute-speaker');
    const audio = page.getByTestId('voice-audio');
    await mic.click();
    await expect(mic).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('voice-status')).toHaveText(/Microphone muted/);
    await mic.click();
    await expect(mic).toHaveAttribute('aria-pressed', 'false');
    await speaker.click();
    await expect(speaker).toHaveAttribute('aria-pressed', 'true');
    await calls.say(callId, CHECKING);
    await expect(page.locator('[data-testid="chart"][data-assistant="latest"]')).toHaveAttribute(
      'data-dataset-ids',
      'checking',
    );
    expect(await audio.evaluate((a: HTMLAudioElement) => a.muted)).toBe(true);
    await speaker.click();
    await expect(speaker).toHaveAttribute('aria-pressed', 'false');
    expect(await audio.evaluate((a: HTMLAudioElement) => a.muted)).toBe(false);
    // Turning voice off releases everything (docs/pitfalls.md 7.3): panel gone, call hung up.
    await page.getByTestId('voice-toggle').click();
    await expect(page.getByTestId('voice-panel')).toHaveCount(0);
    await expect.poll(async () => (await calls.snapshot(callId)).open).toBe(false);
  });

  test('a text-only answer (docs/pitfalls.md 2.7) is shown, marked, and read out by the browser', async ({ page }) => {
    await prepareVoicePage(page, { modeId: 'banking' });
    await openApp(page);
    const calls = httpCalls(page);
    const callId = await startVoice(page);
    await calls.script(callId, { kind: 'text_only', text: 'Your checking account is in good shape.' });
    await calls.say(callId, 'Is my checking account okay?');
    const answer = voiceBubbles(page, 'assistant').last();
    await expect(answer).toHaveText('Your checking account is in good shape.');
    await expect(page.getByText('This answer came as text only')).toBeVisible();
    await expect.poll(() => spokenFallbacks(page)).toEqual(['Your checking account is in good shape.']);
  });

  test('a slow tool is answered at once so the voice keeps talking; its result still reaches the screen and the model', async ({
    page,
  }) => {
    await prepareVoicePage(page, { modeId: 'banking' });
    await page.route('**/api/tools/**', async (route) => {
      await new Promise((r) => setTimeout(r, 2500));
      await route.continue();
    });
    await openApp(page);
    const calls = httpCalls(page);
    const callId = await startVoice(page);
    await calls.say(callId, CHECKING);
    const outputs = async () =>
      (await calls.snapshot(callId)).received
        .filter((e) => e.type === 'conversation.item.create')
        .map((e) => e.item as Record<string, unknown>);
    await expect
      .poll(
        async () =>
          (await outputs()).some((i) => i.type === 'function_call_output' && String(i.output).includes('in_progress')),
        { timeout: 5_000 },
      )
      .toBe(true);
    await expect(page.locator('[data-testid="chart"][data-assistant="latest"]')).toHaveAttribute(
      'data-dataset-ids',
      'checking',
    );
    await expect
      .poll(async () => (await outputs()).some((i) => i.type === 'message' && i.role === 'system'))
      .toBe(true);
  });

  test('an expired session (Azure hangs up at its limit) is replaced by a new call and voice keeps working', async ({
    page,
  }) => {
    await prepareVoicePage(page, { modeId: 'banking' });
    await openApp(page);
    const calls = httpCalls(page);
    const first = await startVoice(page);
    const replacement = nextCall(page);
    await calls.expire(first);
    const second = await replacement;
    await expect(page.getByTestId('voice-panel')).toHaveAttribute('data-phase', 'live');
    await calls.say(second, CHECKING);
    await expect(page.locator('[data-testid="chart"][data-assistant="latest"]')).toHaveAttribute(
      'data-dataset-ids',
      'checking',
    );
    // Exactly one replacement: the new call is the one still talking.
    expect((await calls.snapshot(second)).open).toBe(true);
    expect((await calls.snapshot(first)).open).toBe(false);
  });

  test('7.1: a microphone blocked earlier is explained (how to re-enable it) without asking again', async ({
    page,
  }) => {
    await prepareVoicePage(page, { modeId: 'banking', permission: 'denied' });
    await openApp(page);
    await page.getByTestId('voice-toggle').click();
    await expect(page.getByTestId('voice-blocked')).toContainText(/address bar/);
    await expect(page.getByTestId('voice-blocked')).toContainText(/Allow/);
    expect(await micRequests(page)).toBe(0);
  });

  test('7.1: a microphone refused at the prompt is explained too', async ({ page }) => {
    await prepareVoicePage(page, { modeId: 'banking', permission: 'prompt', denyGetUserMedia: true });
    await openApp(page);
    await page.getByTestId('voice-toggle').click();
    await expect(page.getByTestId('voice-blocked')).toContainText(/set Microphone to Allow/);
    expect(await micRequests(page)).toBe(1);
    await page.getByTestId('voice-close').click();
    await expect(page.getByTestId('voice-panel')).toHaveCount(0);
    await expect(page.getByTestId('voice-toggle')).toHaveAttribute('aria-pressed', 'false');
  });
});
