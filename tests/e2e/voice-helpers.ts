import { expect, type Page, type Response } from '@playwright/test';
import type { CallSnapshot } from '../fakes/foundry-emulator/realtime/realtime-emulator';

/**
 * Drives the Foundry emulator's realtime calls from a test. The fake microphone's audio cannot be
 * understood, so a test says what the user "spoke" and the emulator plays the GA event sequence
 * (speech_started … transcription completed … response). Calls are named by the Location header
 * of the browser's own `calls` POST, so parallel tests never touch each other's calls.
 */
export interface CallControl {
  say(callId: string, transcript: string, speechMs?: number): Promise<void>;
  script(callId: string, ...replies: { kind: 'speak' | 'text_only'; text: string }[]): Promise<void>;
  expire(callId: string): Promise<void>;
  snapshot(callId: string): Promise<CallSnapshot>;
}

/** Control over HTTP: the suite's emulator runs in the Playwright runner process (global setup). */
export function httpCalls(
  page: Page,
  base = process.env.E2E_EMULATOR_URL,
  key = process.env.E2E_EMULATOR_KEY,
): CallControl {
  if (!base || !key) throw new Error('E2E_EMULATOR_URL/E2E_EMULATOR_KEY are not set (azure e2e global setup)');
  const headers = { 'api-key': key };
  const post = async (path: string, data: unknown) => {
    const res = await page.request.post(`${base}/_emulator/realtime/calls/${path}`, { headers, data });
    expect(res.ok(), `${path}: ${res.status()} ${await res.text()}`).toBe(true);
  };
  return {
    say: (id, transcript, speechMs) =>
      post(`${id}/say`, { transcript, ...(speechMs !== undefined ? { speechMs } : {}) }),
    script: (id, ...replies) => post(`${id}/script`, { replies }),
    expire: (id) => post(`${id}/expire`, {}),
    snapshot: async (id) => {
      const res = await page.request.get(`${base}/_emulator/realtime/calls/${id}`, { headers });
      expect(res.ok()).toBe(true);
      return (await res.json()) as CallSnapshot;
    },
  };
}

/** Resolves with the id of the next call the page places (`201` + `Location: /v1/realtime/calls/{id}`). */
export function nextCall(page: Page, timeout = 20_000): Promise<string> {
  return page
    .waitForResponse(
      (r: Response) =>
        r.url().endsWith('/openai/v1/realtime/calls') && r.request().method() === 'POST' && r.status() === 201,
      { timeout },
    )
    .then((r) => {
      const id = /\/realtime\/calls\/([^/?]+)/.exec(r.headers().location ?? '')?.[1];
      if (!id) throw new Error(`no call id in Location: ${r.headers().location}`);
      return id;
    });
}

/**
 * Before the app loads: opens straight into a mode (stored like a returning visitor), and counts
 * getUserMedia calls and speechSynthesis.speak calls, so tests can prove when the mic is asked for.
 */
export async function prepareVoicePage(
  page: Page,
  options: { modeId?: string; permission?: PermissionState; denyGetUserMedia?: boolean; seed?: number } = {},
): Promise<void> {
  await page.addInitScript(
    ({ modeId, seed, permission, deny }) => {
      if (modeId) localStorage.setItem('presto-change-o:v1', JSON.stringify({ personaSeed: seed, modeId }));
      const w = window as unknown as {
        __voice: { gum: number; spoken: string[]; chartAt: number[]; listeningAt: number[] };
      };
      w.__voice = { gum: 0, spoken: [], chartAt: [], listeningAt: [] };
      const added = (n: Node, selector: string) =>
        n instanceof Element && (n.matches(selector) || n.querySelector(selector) !== null);
      // When each assistant chart enters the page, or the open tab's card is pointed at instead (for
      // the tool call → chart timing).
      const latest = '[data-testid="chart"][data-assistant="latest"]';
      new MutationObserver((records) => {
        for (const r of records) {
          if (r.type === 'attributes' && r.target instanceof Element && r.target.matches(latest))
            w.__voice.chartAt.push(performance.now());
          for (const n of Array.from(r.addedNodes)) {
            if (added(n, latest)) w.__voice.chartAt.push(performance.now());
            // "listening…" lasts only as long as the speech; recorded here so a slow test runner cannot miss it.
            if (added(n, '[data-testid="voice-listening"]')) w.__voice.listeningAt.push(performance.now());
          }
        }
      }).observe(document, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: ['data-assistant', 'data-asked-again'],
      });
      const devices = navigator.mediaDevices;
      if (devices) {
        const original = devices.getUserMedia.bind(devices);
        devices.getUserMedia = (constraints) => {
          w.__voice.gum++;
          return deny
            ? Promise.reject(new DOMException('Permission denied', 'NotAllowedError'))
            : original(constraints);
        };
      }
      if (permission && navigator.permissions) {
        const query = navigator.permissions.query.bind(navigator.permissions);
        navigator.permissions.query = (d: PermissionDescriptor) =>
          d.name === ('microphone' as PermissionName)
            ? Promise.resolve({ state: permission, name: 'microphone', onchange: null } as unknown as PermissionStatus)
            : query(d);
      }
      const synth = window.speechSynthesis;
      if (synth) {
        synth.speak = (u: SpeechSynthesisUtterance) => void w.__voice.spoken.push(u.text);
      }
    },
    {
      modeId: options.modeId,
      seed: options.seed ?? 4242,
      permission: options.permission,
      deny: options.denyGetUserMedia ?? false,
    },
  );
}

/** Milliseconds from the latest voice tool call to the chart it put on screen. */
export const toolCallToChartMs = (page: Page) =>
  page.evaluate(() => {
    const call = performance.getEntriesByName('presto:voice-tool-call').at(-1);
    const at = (window as unknown as { __voice: { chartAt: number[] } }).__voice.chartAt.find(
      (t) => call && t >= call.startTime,
    );
    return call && at !== undefined ? Math.round(at - call.startTime) : NaN;
  });

/** How many times a "listening…" placeholder has appeared since the page loaded. */
export const listeningShown = (page: Page) =>
  page.evaluate(() => (window as unknown as { __voice: { listeningAt: number[] } }).__voice.listeningAt.length);

export const micRequests = (page: Page) =>
  page.evaluate(() => (window as unknown as { __voice: { gum: number } }).__voice.gum);
export const spokenFallbacks = (page: Page) =>
  page.evaluate(() => (window as unknown as { __voice: { spoken: string[] } }).__voice.spoken);

/** Turns voice on and waits until the first call is live; returns its id. */
export async function startVoice(page: Page): Promise<string> {
  const toggle = page.getByTestId('voice-toggle');
  await expect(toggle).toBeEnabled();
  const call = nextCall(page);
  await toggle.click();
  const id = await call;
  await expect(page.getByTestId('voice-panel')).toHaveAttribute('data-phase', 'live');
  return id;
}

/** Peak deviation from silence of the assistant's audio right now (WebAudio; getStats reads 0 when muted). */
export function audioLevel(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const audio = document.querySelector<HTMLAudioElement>('[data-testid="voice-audio"]');
    const stream = audio?.srcObject;
    if (!(stream instanceof MediaStream)) return 0;
    const w = window as unknown as { __ctx?: AudioContext; __an?: AnalyserNode; __src?: MediaStream };
    if (w.__src !== stream) {
      w.__ctx ??= new AudioContext();
      await w.__ctx.resume();
      const analyser = w.__ctx.createAnalyser();
      w.__ctx.createMediaStreamSource(stream).connect(analyser);
      w.__an = analyser;
      w.__src = stream;
    }
    const data = new Uint8Array(w.__an!.fftSize);
    w.__an!.getByteTimeDomainData(data);
    return data.reduce((max, v) => Math.max(max, Math.abs(v - 128)), 0);
  });
}

export const voiceBubbles = (page: Page, role: 'user' | 'assistant') =>
  page.locator(`[data-testid="chat-message"][data-role="${role}"][data-voice="true"]`);
