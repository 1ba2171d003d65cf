// @vitest-environment happy-dom
import { h, render, type ComponentChildren } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getBuiltinMode } from '../../../api/domain/modes/catalog';
import { buildPersona } from '../../../api/domain/persona';
import { withBoard } from '../../../api/domain/persona-board';
import { ActionBar } from '../../../web/src/features/actions/action-bar';
import { ActionDialog } from '../../../web/src/features/actions/action-dialog';
import { ListCard } from '../../../web/src/features/dashboard/list-card';

// What a user sees and can do with a list card and an action's confirmation (issue #14 item 2).

const asOf = new Date('2026-12-03T12:00:00Z');
const mode = getBuiltinMode('banking')!;
const persona = withBoard(mode, buildPersona(mode, 7, asOf), asOf);
const transactions = persona.lists!.find((l) => l.kind === 'transactions')!;
const pay = persona.actions!.find((a) => a.kind === 'pay')!;
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
const key = (el: Element, k: string, shiftKey = false) =>
  act(() => void el.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true })));

describe('ListCard', () => {
  it('is a labelled list of rows, each with its date, title and amount; money out is said in words', () => {
    const root = mount(h(ListCard, { list: transactions, lead: true }));
    const section = root.querySelector('section')!;
    const heading = root.querySelector(`#${section.getAttribute('aria-labelledby')}`)!;
    expect(heading.textContent).toBe(transactions.title);
    const rows = root.querySelectorAll('ul > li');
    expect(rows.length).toBe(Math.min(5, transactions.items.length));
    const first = transactions.items[0]!;
    expect(rows[0]!.querySelector('time')!.getAttribute('datetime')).toBe(first.date);
    expect(rows[0]!.textContent).toContain(first.title);
    expect(rows[0]!.textContent).toContain(`paid ${first.value}`);
  });

  it('folds a long list behind "Show all", which says whether it is open', async () => {
    const root = mount(
      h(ListCard, {
        list: {
          ...transactions,
          items: [...transactions.items, ...transactions.items.map((x) => ({ ...x, id: `${x.id}b` }))].slice(0, 9),
        },
      }),
    );
    const more = [...root.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Show all'))!;
    expect(more.getAttribute('aria-expanded')).toBe('false');
    await act(() => more.click());
    expect(root.querySelectorAll('ul > li').length).toBe(9);
    expect(more.getAttribute('aria-expanded')).toBe('true');
  });

  it('says so when a list is empty instead of showing a bare card', () => {
    const root = mount(h(ListCard, { list: { ...transactions, items: [] } }));
    expect(root.textContent).toContain('Nothing here yet.');
  });
});

describe('ActionDialog', () => {
  it('is labelled by its title, shows the persona figures and the demo note, and focuses Confirm', () => {
    const root = mount(h(ActionDialog, { quote: pay, onClose: () => undefined, onDone: () => undefined }));
    const dialog = root.querySelector('dialog')!;
    expect(root.querySelector(`#${dialog.getAttribute('aria-labelledby')}`)!.textContent).toBe(pay.title);
    expect(root.querySelector(`#${dialog.getAttribute('aria-describedby')}`)!.textContent).toBe(
      'Demo: no money moves.',
    );
    for (const line of pay.lines) expect(dialog.textContent).toContain(line.value);
    expect(document.activeElement?.textContent).toBe(pay.confirmLabel);
  });

  it('Escape closes it without confirming', async () => {
    const onClose = vi.fn();
    const onDone = vi.fn();
    const root = mount(h(ActionDialog, { quote: pay, onClose, onDone }));
    await key(root.querySelector('dialog')!, 'Escape');
    expect(onClose).toHaveBeenCalled();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('keeps Tab inside the dialog: from the last button to the first and back', async () => {
    const root = mount(h(ActionDialog, { quote: pay, onClose: () => undefined, onDone: () => undefined }));
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('dialog button')];
    buttons.at(-1)!.focus();
    await key(buttons.at(-1)!, 'Tab');
    expect(document.activeElement).toBe(buttons[0]);
    await key(buttons[0]!, 'Tab', true);
    expect(document.activeElement).toBe(buttons.at(-1));
  });

  it('Confirm shows the success sentence as a status and reports it once', async () => {
    const onDone = vi.fn();
    const root = mount(h(ActionDialog, { quote: pay, onClose: () => undefined, onDone }));
    await act(() => root.querySelector<HTMLButtonElement>('[data-testid="action-confirm"]')!.click());
    expect(root.querySelector('[role="status"]')!.textContent).toContain(pay.done);
    expect(onDone).toHaveBeenCalledTimes(1);
    expect(onDone).toHaveBeenCalledWith(pay);
  });
});

describe('ActionBar', () => {
  it('shows one button per action, each opening its own dialog', async () => {
    const root = mount(h(ActionBar, { actions: persona.actions!, onDone: () => undefined }));
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('[data-testid="action"]')];
    expect(buttons.map((b) => b.textContent)).toEqual(persona.actions!.map((a) => a.label));
    await act(() => buttons[1]!.click());
    expect(root.querySelector('dialog')!.textContent).toContain(persona.actions![1]!.title);
  });
});
