import { describe, expect, it } from 'vitest';
import { contextItems } from '../../../web/src/realtime/context-items';
import { cutSpokenText, formatCountdown, renewalPlan, SPOKEN_MS_PER_CHAR } from '../../../web/src/realtime/timing';
import { voiceSupport } from '../../../web/src/realtime/support';

describe('barge-in text cut', () => {
  const text = 'Your checking balance stands at $4,512.20 as of May 2026.';
  it('keeps what was heard, cut at a word boundary', () => {
    expect(cutSpokenText(text, 20 * SPOKEN_MS_PER_CHAR)).toBe('Your checking');
    expect(cutSpokenText(text, 0)).toBe('');
  });
  it('keeps everything when the whole answer was heard', () => {
    expect(cutSpokenText(text, 60_000)).toBe(text);
  });
});

describe('session renewal plan (docs/pitfalls.md 2.1)', () => {
  it('renews a 30-minute session at 28 minutes and counts down from 25', () => {
    expect(renewalPlan(1800)).toEqual({ renewAfterMs: 28 * 60_000, countdownAfterMs: 25 * 60_000 });
  });
  it('scales down to test sessions of seconds', () => {
    expect(renewalPlan(20)).toEqual({ renewAfterMs: 15_000, countdownAfterMs: 10_000 });
  });
  it('formats the countdown', () => {
    expect(formatCountdown(125)).toBe('2:05');
    expect(formatCountdown(4.2)).toBe('0:05');
    expect(formatCountdown(-1)).toBe('0:00');
  });
});

describe('context restore', () => {
  it('carries recent text turns over as GA conversation items, tool plumbing left out', () => {
    const items = contextItems([
      { role: 'user', content: 'hi' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'c', type: 'function', function: { name: 'show_chart', arguments: '{}' } }],
      },
      { role: 'tool', tool_call_id: 'c', content: '{}' },
      { role: 'assistant', content: 'Your checking stands at $1.' },
    ]);
    expect(items).toEqual([
      { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hi' }] },
      { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Your checking stands at $1.' }] },
    ]);
    expect(
      contextItems(
        Array.from({ length: 30 }, (_, i) => ({ role: 'user' as const, content: `m${i}` })),
        12,
      ),
    ).toHaveLength(12);
  });
});

describe('voiceSupport (docs/pitfalls.md 7.2)', () => {
  const secure = {
    isSecureContext: true,
    location: { origin: 'https://presto.example' } as Location,
    RTCPeerConnection: function () {},
  };
  const nav = { mediaDevices: { getUserMedia: async () => ({}) } } as unknown as Navigator;
  it('disables voice on an insecure origin and says why', () => {
    const result = voiceSupport(
      { ...secure, isSecureContext: false, location: { origin: 'http://192.168.1.20:4280' } as Location },
      nav,
    );
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/https:\/\/.*http:\/\/192\.168\.1\.20:4280/) });
  });
  it('disables voice without getUserMedia or WebRTC', () => {
    expect(voiceSupport(secure, {} as Navigator).ok).toBe(false);
    expect(voiceSupport({ ...secure, RTCPeerConnection: undefined }, nav).ok).toBe(false);
  });
  it('allows it on a secure origin with both', () => {
    expect(voiceSupport(secure, nav)).toEqual({ ok: true });
  });
});
