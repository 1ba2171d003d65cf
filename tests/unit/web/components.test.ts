// @vitest-environment happy-dom
import { h, render, type ComponentChildren } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chartSeriesOf } from '../../../api/contracts/chart-series';
import { formatValue } from '../../../api/contracts/format';
import { getBuiltinMode } from '../../../api/domain/modes/catalog';
import { buildPersona } from '../../../api/domain/persona';
import { ChartCard } from '../../../web/src/features/charts/chart-card';
import { ChatPanel } from '../../../web/src/features/chat/chat-panel';
import type { Bubble } from '../../../web/src/features/chat/use-chat';
import { KpiCard } from '../../../web/src/features/dashboard/kpi-card';
import { ErrorBoundary } from '../../../web/src/lib/error-boundary';

// Component tests in a DOM (issue #15 item 6): what a user sees and can do in the chat panel, a KPI
// card and a chart card, and that one broken panel does not take the page down with it.

const mode = getBuiltinMode('banking')!;
const persona = buildPersona(mode, 7, new Date('2026-11-15T00:00:00Z'));
let host: HTMLElement;

function mount(node: ComponentChildren): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  void act(() => render(node, host));
  return host;
}
afterEach(() => {
  void act(() => render(null, host));
  host.remove();
});
const byText = (root: HTMLElement, selector: string, text: string) =>
  [...root.querySelectorAll<HTMLElement>(selector)].find((el) => el.textContent?.includes(text));

describe('ChatPanel', () => {
  const bubbles: Bubble[] = [
    { id: 'u1', kind: 'user', text: 'How much is in checking?' },
    { id: 'a1', kind: 'assistant', text: 'You have $4,210 in checking.', notes: [], streaming: false },
    { id: 'e1', kind: 'error', message: 'Azure is busy right now.', retryable: true },
  ];

  it('shows the conversation in order and offers Retry on a retryable error', () => {
    const onRetry = vi.fn();
    const root = mount(h(ChatPanel, { mode, bubbles, busy: false, status: null, onSend: () => true, onRetry }));
    const text = root.textContent ?? '';
    expect(text.indexOf('How much is in checking?')).toBeLessThan(text.indexOf('You have $4,210 in checking.'));
    expect(text).toContain('Azure is busy right now.');
    const retry = byText(root, 'button', 'Retry');
    expect(retry).toBeDefined();
    void act(() => retry!.click());
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('sends what the user typed and clears the box', () => {
    const onSend = vi.fn(() => true);
    const root = mount(h(ChatPanel, { mode, bubbles: [], busy: false, status: null, onSend, onRetry: () => {} }));
    const box = root.querySelector<HTMLTextAreaElement | HTMLInputElement>('#chat-input')!;
    expect(box).not.toBeNull();
    void act(() => {
      box.value = 'Show me my mortgage burndown';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    void act(() => {
      box.closest('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(onSend).toHaveBeenCalledWith('Show me my mortgage burndown');
    expect(box.value).toBe('');
  });
});

describe('KpiCard', () => {
  it('shows the label and the exact value the persona holds, with the year-on-year change', () => {
    const metric = mode.metrics[0]!;
    const value = persona.fields[metric.personaPath];
    const dataset = mode.datasets[0]!;
    const root = mount(
      h(KpiCard, { metric, value, trend: persona.series[dataset.id], showChange: true, highlighted: false }),
    );
    expect(root.querySelector('.kpi__label')?.textContent).toBe(metric.label);
    expect(value).toBeTypeOf('number');
    expect(root.querySelector('[data-testid="kpi-value"]')?.textContent).toBe(formatValue(value!, metric.format));
    expect(root.textContent).toMatch(/vs last year/);
  });

  it('shows a dash, never a made-up number, when the value is unknown', () => {
    const root = mount(
      h(KpiCard, { metric: mode.metrics[0]!, value: undefined, showChange: false, highlighted: false }),
    );
    expect(root.querySelector('[data-testid="kpi-value"]')?.textContent).toBe('—');
    expect(root.textContent).not.toMatch(/vs last year/);
  });

  it('never puts a percentage on a $0.00 balance or on a count of a few', () => {
    const metric = mode.metrics[0]!;
    const year = (from: number, to: number) =>
      Array.from({ length: 12 }, (_, i) => ({ x: `2026-${String(i + 1).padStart(2, '0')}`, y: i === 11 ? to : from }));
    const paidOff = mount(
      h(KpiCard, { metric, value: 0, trend: year(2268.72, 0), showChange: true, highlighted: false }),
    );
    expect(paidOff.querySelector('[data-testid="kpi-change"]')?.textContent).toMatch(/^down\$2,269 vs last year$/);
    void act(() => render(null, host));
    host.remove();
    const visits = { ...metric, format: 'number' as const };
    const few = mount(
      h(KpiCard, { metric: visits, value: 2, trend: year(1, 2), showChange: true, highlighted: false }),
    );
    expect(few.querySelector('[data-testid="kpi-change"]')?.textContent).toBe('up1 vs last year');
  });
});

describe('ChartCard', () => {
  it('titles the chart and states its latest figure as the series ends', () => {
    const dataset = mode.datasets[0]!;
    const points = persona.series[dataset.id]!;
    const spec = {
      type: 'line' as const,
      title: `${dataset.label} this year`,
      series: [{ datasetId: dataset.id, label: dataset.label, unit: dataset.unit, points }],
    };
    const root = mount(h(ChartCard, { spec, source: 'chat' }));
    const figure = root.querySelector('figure[data-testid="chart"]')!;
    expect(figure.getAttribute('data-dataset-ids')).toBe(dataset.id);
    expect(figure.textContent).toContain(spec.title);
    expect(figure.textContent).toContain(formatValue(points.at(-1)!.y, dataset.unit));
  });

  it('projects a mortgage to its payoff month and calls an unfinished month "month to date"', () => {
    const mortgage = mode.datasets.find((d) => d.id === 'mortgage')!;
    const root = mount(
      h(ChartCard, {
        spec: { type: 'line', title: 'Mortgage', series: [chartSeriesOf(mortgage, persona.series.mortgage!, 12)] },
        source: 'chat',
      }),
    );
    expect(root.querySelector('[data-testid="payoff"]')?.textContent).toMatch(/^Paid off by \w+ \d{4} at about \$/);
    void act(() => render(null, host));
    host.remove();
    const spending = mode.datasets.find((d) => d.id === 'spending')!;
    const flow = mount(
      h(ChartCard, {
        spec: { type: 'bar', title: 'Spending', series: [chartSeriesOf(spending, persona.series.spending!, 12)] },
        source: 'tab',
      }),
    );
    expect(flow.querySelector('.chart-card__figure span')?.textContent).toBe('Nov 2026 · month to date');
    expect(flow.querySelector('[data-testid="payoff"]')).toBeNull();
  });
});

describe('ErrorBoundary', () => {
  const bug = { present: true };
  function Broken() {
    if (bug.present) throw new Error('a bug in a panel');
    return h('p', null, 'the panel works');
  }

  it('keeps the rest of the page when one panel throws, and Try again renders it afresh', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const Page = () =>
      h(
        'div',
        null,
        h('p', null, 'the chat still works'),
        h(ErrorBoundary, { label: 'The dashboard' }, h(Broken, null)),
      );
    const root = mount(h(Page, null));
    expect(root.textContent).toContain('the chat still works');
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('The dashboard hit a problem');
    expect(byText(root, 'button', 'Reload')).toBeDefined();
    bug.present = false;
    void act(() => byText(root, 'button', 'Try again')!.click());
    expect(root.textContent).toContain('the panel works');
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });
});
