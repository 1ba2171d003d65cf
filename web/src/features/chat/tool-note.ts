import type { ToolEvent } from '../../../../api/contracts/chat';

/** A small chip under an assistant answer saying what it did to the screen. */
export interface ToolNote {
  id: string;
  icon: 'chart' | 'home' | 'star' | 'wand' | 'alert';
  label: string;
}

/** Human wording for a tool event, or null for events not worth showing. */
export function noteFor(ev: ToolEvent): ToolNote | null {
  const id = ev.callId;
  if (!ev.ok) return { id, icon: 'alert', label: `Couldn't run ${ev.name.replace(/_/g, ' ')}` };
  switch (ev.name) {
    case 'show_chart':
      return { id, icon: 'chart', label: `Charted ${ev.result.chart.title}` };
    case 'make_chart_image':
      return { id, icon: 'chart', label: `Illustrated ${ev.result.chart.title}` };
    case 'select_tab':
      return { id, icon: 'home', label: `Opened ${ev.result.tab.label}` };
    case 'show_metrics': {
      const n = ev.result.metrics.length;
      return { id, icon: 'star', label: n === 1 ? 'Highlighted 1 KPI' : `Highlighted ${n} KPIs` };
    }
    case 'switch_mode': {
      const result = ev.result;
      if (result.status === 'switched') return { id, icon: 'wand', label: `Became ${result.mode.companyName}` };
      if (result.status === 'generating')
        return { id, icon: 'wand', label: `Designing ${result.companyName ?? result.requested}` };
      return null;
    }
  }
}
