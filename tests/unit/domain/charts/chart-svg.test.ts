import { describe, expect, it } from 'vitest';
import { ResvgChartRenderer } from '../../../../api/adapters/charts/resvg-renderer';
import { formatValue } from '../../../../api/contracts/format';
import { chartSvg } from '../../../../api/domain/charts/chart-svg';
import { altText, buildChartPicture, type ChartPicture } from '../../../../api/domain/charts/picture';
import { getBuiltinMode } from '../../../../api/domain/modes/catalog';
import { buildPersona } from '../../../../api/domain/persona';
import { chartImagePrompt } from '../../../../api/domain/prompts/chart-image';

const banking = getBuiltinMode('banking')!;
const persona = buildPersona(banking, 7, new Date('2026-11-15T00:00:00Z'));
const picture = (ids: string[]) => buildChartPicture(banking, persona, ids);
const count = (svg: string, pattern: RegExp) => (svg.match(pattern) ?? []).length;

describe('the chart picture and its SVG (the local renderer and every fallback)', () => {
  it("is a poster of the persona's own year in the theme colours, at the image model's 3:2", () => {
    const p = picture(['spending']);
    expect(p).toMatchObject({ title: 'Monthly spending', companyName: banking.companyName, type: 'bar' });
    expect(p.series[0]!.points).toEqual(persona.series.spending!.slice(-12));
    expect(p.colors.series).toEqual(banking.theme.chart);
    const svg = chartSvg(p);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="768" height="512"/);
    expect(count(svg, /<rect [^>]*fill-opacity="0.82"/g)).toBe(12); // one soft column a month
    expect(svg).toContain(`fill="${banking.theme.chart[0]}"`);
    expect(svg).toContain(`fill="${banking.theme.primary}"`);
  });

  it('has one title, the headline figure large and high/low annotations — not a copy of the chart', () => {
    const svg = chartSvg(picture(['checking']));
    expect(count(svg, />Checking balance</g)).toBe(1);
    const points = persona.series.checking!.slice(-12);
    const last = points.at(-1)!.y;
    expect(svg).toMatch(new RegExp(`font-size="80"[^>]*data-role="headline">\\${formatValue(last, 'USD')}<`));
    const high = Math.max(...points.map((q) => q.y));
    const low = Math.min(...points.map((q) => q.y));
    expect(svg).toContain(`>High ${formatValue(high, 'USD')} · `);
    expect(svg).toContain(`>Low ${formatValue(low, 'USD')} · `);
    expect(svg).toMatch(/over the period</); // the change over the year, by the KPI rules
    // No axes: no gridlines with tick labels, no "Month" or unit titles.
    expect(svg).not.toContain('>Month<');
    expect(svg).not.toContain('>US dollars<');
    expect(count(svg, /stroke-opacity="0.2"/g)).toBe(0);
    expect(svg).toContain('>Rendered locally by Presto-Change-O<');
  });

  it('a paid-down balance runs on, dashed, to zero at its payoff month, which the poster names', () => {
    const p = picture(['mortgage']);
    const payoff = p.series[0]!.payoff!;
    expect(payoff.month > p.series[0]!.points.at(-1)!.x).toBe(true);
    const svg = chartSvg(p);
    expect(svg).toContain('data-role="projection"');
    const [y, m] = payoff.month.split('-');
    const short = new Date(Date.UTC(Number(y), Number(m) - 1, 1)).toLocaleString('en-US', {
      month: 'short',
      timeZone: 'UTC',
    });
    expect(svg).toContain(`>Paid off by ${short} ${y}<`);
  });

  it('several series: one line each, every latest figure named under the headline', () => {
    const p = picture(['checking', 'savings']);
    expect(p.type).toBe('line');
    const svg = chartSvg(p);
    expect(count(svg, /<path d="M[^"]*" fill="none"/g)).toBe(2);
    expect(svg).toMatch(/>Checking balance \$[\d,.]+k? · +Savings balance \$[\d,.]+k?</);
  });

  it('a one-series pie has a slice and a legend row per recent month', () => {
    const svg = chartSvg({ ...picture(['spending']), type: 'pie' });
    expect(count(svg, /<path d="M[^"]*A[^"]*Z"/g)).toBe(6);
    expect(svg).toMatch(/>Largest: \w{3} \d{4}, \d+% of the total</);
  });

  it("escapes text, so a generated mode's name can never break (or script) the SVG", () => {
    const hostile: ChartPicture = {
      ...picture(['spending']),
      title: 'Cats & <Dogs> "Inc"',
      companyName: "O'Brien <script>",
    };
    const svg = chartSvg(hostile);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('Cats &#38; &#60;Dogs&#62; &#34;Inc&#34;');
  });

  it('alt text and prompt name the figures the picture shows', () => {
    const p = picture(['spending']);
    const alt = altText(p);
    expect(alt).toMatch(
      /^Illustrated bar chart of Monthly spending for Harborstone Bank, December 2025 to November 2026: Monthly spending \$[\d,.]+k? in November 2026 \(low \$[\d,.]+k? in \w+ \d{4}, high \$[\d,.]+k? in \w+ \d{4}\)\.$/,
    );
    const prompt = chartImagePrompt(p);
    for (const point of p.series[0]!.points) expect(prompt).toContain(formatValue(point.y, 'USD'));
    expect(prompt).toContain(banking.theme.chart[0]!);
  });

  it("unknown datasets are the caller's mistake (400 unknown_dataset)", () => {
    expect(() => picture(['spending', 'yachts'])).toThrow(
      expect.objectContaining({ code: 'unknown_dataset', status: 400 }),
    );
  });

  it('rasterises to a valid 1536×1024 PNG off the event loop', async () => {
    const png = await new ResvgChartRenderer().render(picture(['checking', 'savings', 'income']));
    expect(png).toMatchObject({ width: 1536, height: 1024 });
    expect(png.bytes.length).toBeGreaterThan(10_000);
  });
});
