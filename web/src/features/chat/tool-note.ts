import type { ToolEvent } from '../../../../api/contracts/chat';

/** A small chip under an assistant answer saying what it did to the screen. */
export interface ToolNote {
  id: string;
  icon: 'chart' | 'home' | 'star' | 'wand' | 'alert';
  label: string;
}

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

/** Human wording for a tool event, or null for events not worth showing. */
export function noteFor(ev: ToolEvent): ToolNote | null {
  const result = obj(ev.result);
  const id = ev.callId;
  if (result.error) return { id, icon: 'alert', label: `Couldn't run ${ev.name.replace(/_/g, ' ')}` };
  switch (ev.name) {
    case 'show_chart': {
      const title = obj(result.chart).title;
      return { id, icon: 'chart', label: typeof title === 'string' ? `Charted ${title}` : 'Added a chart' };
    }
    case 'make_chart_image': {
      const title = obj(result.chart).title;
      return { id, icon: 'chart', label: typeof title === 'string' ? `Illustrated ${title}` : 'Illustrated a chart' };
    }
    case 'select_tab': {
      const label = obj(result.tab).label;
      return { id, icon: 'home', label: typeof label === 'string' ? `Opened ${label}` : 'Changed tab' };
    }
    case 'show_metrics': {
      const n = Array.isArray(result.metrics) ? result.metrics.length : 0;
      return { id, icon: 'star', label: n === 1 ? 'Highlighted 1 KPI' : `Highlighted ${n} KPIs` };
    }
    case 'switch_mode': {
      if (result.status === 'switched') {
        const name = obj(result.mode).companyName;
        return { id, icon: 'wand', label: typeof name === 'string' ? `Became ${name}` : 'Switched industry' };
      }
      if (result.status === 'generating') {
        const what = typeof result.companyName === 'string' ? result.companyName : result.requested;
        return { id, icon: 'wand', label: typeof what === 'string' ? `Designing ${what}` : 'Designing a new mode' };
      }
      return null;
    }
    default:
      return null;
  }
}

/** Ids named by a show_metrics event (result first, then the arguments). */
export function metricIdsOf(ev: ToolEvent): string[] {
  const metrics = obj(ev.result).metrics;
  if (Array.isArray(metrics)) return metrics.map((m) => obj(m).id).filter((x): x is string => typeof x === 'string');
  const ids = obj(ev.args).metric_ids;
  return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
}

/** The tab id a select_tab event switched to, if it succeeded. */
export function tabIdOf(ev: ToolEvent): string | null {
  const id = obj(obj(ev.result).tab).id;
  return typeof id === 'string' ? id : null;
}
