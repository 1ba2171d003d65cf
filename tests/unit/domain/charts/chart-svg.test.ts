import { describe, expect, it } from 'vitest';
import { ResvgChartRenderer } from '../../../../api/adapters/charts/resvg-renderer';
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
  it("draws the persona's own series: 12 months, the dataset's default style, the theme colours", () => {
    const p = picture(['spending']);
    expect(p).toMatchObject({ title: 'Monthly spending', companyName: banking.companyName, type: 'bar' });
    expect(p.series[0]!.points).toEqual(persona.series.spending!.slice(-12));
    expect(p.colors.series).toEqual(banking.theme.chart);
    const svg = chartSvg(p);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="768" height="512"/);
    expect(count(svg, /<rect [^>]*rx="3" fill="#/g)).toBe(12); // one bar a month
    expect(svg).toContain(`fill="${banking.theme.chart[0]}"`);
  });

  it('has a title, the company and period, a headline figure, axis labels and unit/month axis titles', () => {
    const svg = chartSvg(picture(['checking']));
    for (const text of [
      'Checking balance',
      `${banking.companyName} · December 2025 to November 2026`,
      'Jan ’26',
      'Nov',
      'US dollars',
      'Month',
      'Rendered locally by Presto-Change-O',
    ]) {
      expect(svg).toContain(`>${text}<`);
    }
    const last = persona.series.checking!.at(-1)!.y;
    expect(svg).toContain(`>${last.toLocaleString('en-US', { style: 'currency', currency: 'USD' })}<`);
    expect(svg).toMatch(/>\$[\d,.]+k?</); // y tick labels
  });

  it('several series: one line each and a legend naming each with its latest value', () => {
    const p = picture(['checking', 'savings']);
    expect(p.type).toBe('line');
    const svg = chartSvg(p);
    expect(count(svg, /<path d="M[^"]*" fill="none"/g)).toBe(2);
    expect(svg).toMatch(/>Checking balance \$[\d,.]+</);
    expect(svg).toMatch(/>Savings balance \$[\d,.]+</);
  });

  it('a one-series pie has a slice and a legend row per recent month', () => {
    const svg = chartSvg({ ...picture(['spending']), type: 'pie' });
    expect(count(svg, /<path d="M[^"]*A[^"]*Z"/g)).toBe(6);
    expect(svg).toContain('>6 months<');
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
      /^Illustrated bar chart of Monthly spending for Harborstone Bank, December 2025 to November 2026: Monthly spending \$[\d,.]+ in November 2026 \(low \$[\d,.]+ in \w+ \d{4}, high \$[\d,.]+ in \w+ \d{4}\)\.$/,
    );
    const prompt = chartImagePrompt(p);
    for (const point of p.series[0]!.points)
      expect(prompt).toContain(point.y.toLocaleString('en-US', { style: 'currency', currency: 'USD' }));
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
