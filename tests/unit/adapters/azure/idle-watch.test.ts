import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { idleWatch } from '../../../../api/adapters/azure/chat-model';

describe('idleWatch (a stalled Azure stream ends instead of hanging the chat)', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('gives up once the upstream is silent for the idle time', () => {
    const onIdle = vi.fn();
    idleWatch(1_000, onIdle);
    vi.advanceTimersByTime(999);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledOnce();
  });

  it('keeps going while chunks arrive, however long the answer', () => {
    const onIdle = vi.fn();
    const watch = idleWatch(1_000, onIdle);
    for (let i = 0; i < 50; i++) {
      vi.advanceTimersByTime(600);
      watch.arrived();
      watch.waiting();
    }
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(onIdle).toHaveBeenCalledOnce();
    watch.stop();
  });

  it('does not count time a slow client takes with a chunk in hand', () => {
    const onIdle = vi.fn();
    const watch = idleWatch(1_000, onIdle);
    watch.arrived();
    vi.advanceTimersByTime(5_000);
    expect(onIdle).not.toHaveBeenCalled();
    watch.waiting();
    vi.advanceTimersByTime(1_000);
    expect(onIdle).toHaveBeenCalledOnce();
  });

  it('never fires once stopped', () => {
    const onIdle = vi.fn();
    idleWatch(1_000, onIdle).stop();
    vi.advanceTimersByTime(10_000);
    expect(onIdle).not.toHaveBeenCalled();
  });
});
