import { formatValue } from '../../contracts/format';
import { monthName, periodOf, PIE_MONTHS, type ChartPicture } from '../charts/picture';

/**
 * Part of every chart image key: bump it when the prompt (or the local drawing) changes, so
 * images made from the old wording are not served for the new one.
 */
// 2: the data realism rules (#14) changed every persona's numbers and how money is written.
export const CHART_PROMPT_VERSION = 2;

/**
 * The gpt-image prompt for a chart. Built only from validated mode fields (names, labels, hex
 * colours) and the persona's numbers (docs/pitfalls.md 9.1); every value is spelled out so the picture
 * shows the same figures as the dashboard.
 */
export function chartImagePrompt(picture: ChartPicture): string {
  const pie = picture.type === 'pie' && picture.series.length === 1;
  const series = picture.series.map((s, i) => {
    const points = pie ? s.points.slice(-PIE_MONTHS) : s.points;
    const values = points.map((p) => `${monthName(p.x)}: ${formatValue(p.y, s.unit)}`).join('; ');
    const colour = picture.colors.series[i % picture.colors.series.length] ?? picture.colors.primary;
    return `- "${s.label}" in ${colour}: ${values}`;
  });
  const kind = pie ? 'donut chart with one slice per month' : `${picture.type} chart`;
  return [
    `A clean, friendly editorial illustration of a ${kind} titled "${picture.title}" for ${picture.companyName}, ${periodOf(picture)}.`,
    `Plot exactly these values, in this order, with correct proportions:`,
    ...series,
    pie
      ? 'Label each slice with its month.'
      : 'Months along the horizontal axis, values on the vertical axis with a few labelled gridlines.',
    picture.series.length > 1 ? 'Include a small legend naming each series.' : 'Show the latest value prominently.',
    `Background ${picture.colors.surface}, text ${picture.colors.text}, accents ${picture.colors.primary}.`,
    'Flat vector style, soft shadows, generous white space, legible sans-serif labels. No people, no logos, no other text or numbers.',
  ].join('\n');
}
