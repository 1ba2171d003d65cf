import { describe, expect, it } from 'vitest';
import { detectIntent } from '../../../api/adapters/offline/intent';
import { OfflineModeGenerator } from '../../../api/adapters/offline/mode-generator';
import type { Mode } from '../../../api/contracts/mode';
import { buildGeneratedMode } from '../../../api/domain/modes/generation/build-mode';
import { modeKey } from '../../../api/domain/modes/generation/key';
import { buildPersona } from '../../../api/domain/persona';

const generator = new OfflineModeGenerator();
const make = async (industry: string): Promise<Mode> =>
  buildGeneratedMode(await generator.generate({ industry, companyName: null }), modeKey(industry, null), null);
const words = (m: Mode) =>
  [...m.tabs.map((t) => t.label), ...m.datasets.map((d) => d.label), ...m.metrics.map((k) => k.label), ...m.vocabulary]
    .join(' | ')
    .toLowerCase();

/** Industry → words its dashboard must show, and words that would mean the wrong family. */
const INDUSTRIES: [string, RegExp, RegExp][] = [
  ["dentist's office", /cleanings.*insurance claims|appointments/, /projects|retainer|checking/],
  ['blood bank', /donations.*o-negative|donors/, /checking|mortgage|savings|retainer/],
  ['bankruptcy law firm', /open matters.*billable hours|legal fees/, /checking|mortgage|projects/],
  ['veterinary clinic', /vaccin/, /deductible|projects/],
  ['food bank', /meals served/, /checking|mortgage/],
  ['elementary school', /attendance|grade/, /projects|retainer/],
  ['state university', /attendance|tuition/, /projects|retainer/],
  ['city hall', /service requests.*permits|property tax/, /projects|retainer|checking/],
  ['logistics company', /shipments.*on-time delivery/, /projects|retainer/],
  ['gym', /class|workout|membership|check-in|visit/i, /projects|retainer/],
  ['boutique hotel', /stay|night|room/, /projects|retainer/],
  ['restaurant', /reservations|takeout/, /projects|retainer/],
  ['pizzeria', /takeout|reservations/, /projects|retainer/],
  ['pharmacy', /prescriptions filled.*refills/, /projects|retainer|checking/],
  ['real estate agency', /home value.*listings|viewings/, /projects|retainer/],
  ['accounting firm', /tax refund|deductions/, /projects|retainer/],
  ['non-profit', /donations.*people helped|volunteer/, /checking|projects/],
  ['animal shelter', /people helped|volunteer|donations/, /checking|projects/],
  ['public library', /books borrowed.*holds/, /ticket spend|projects/],
  ['car dealer', /auto loan.*trade-in/, /projects|retainer/],
  ['mobile carrier', /data used.*monthly bill/, /miles|flights|projects/],
  ['hair salon', /appointments.*loyalty/, /projects|retainer/],
  ['plumber', /jobs completed.*quotes/, /projects|retainer/],
  ['museum', /visits|tickets/, /projects|retainer/],
  ['brewery', /orders/, /projects|retainer/],
  ['coffee shop', /takeout|loyalty/, /projects|retainer/],
  ['courier service', /shipments/, /projects|retainer/],
  ['charity', /donations/, /checking|projects/],
];

describe('offline generated modes look like their industry (families chosen by meaning)', () => {
  it('covers at least 25 common demo industries', () => {
    expect(INDUSTRIES.length).toBeGreaterThanOrEqual(25);
  });

  it.each(INDUSTRIES)('%s gets its own tabs, datasets and KPIs', async (industry, must, mustNot) => {
    const mode = await make(industry);
    expect(words(mode)).toMatch(must);
    expect(words(mode)).not.toMatch(mustNot);
  });

  it.each(INDUSTRIES.map(([i]) => [i]))(
    '%s: every series fits its unit and every KPI equals its chart figure',
    async (industry) => {
      const mode = await make(industry);
      for (const d of mode.datasets) {
        expect(d.series.min, d.id).toBeGreaterThanOrEqual(0);
        expect(d.series.start[1], d.id).toBeLessThanOrEqual(d.series.max);
        if (d.unit === 'percent') expect(d.series.max, d.id).toBeLessThanOrEqual(100);
      }
      const persona = buildPersona(mode, 7, new Date('2026-11-15T00:00:00Z'));
      for (const d of mode.datasets) {
        const last = persona.fields[`${d.id}.last`];
        if (last === undefined) continue;
        expect(last, d.id).toBeGreaterThanOrEqual(d.series.min);
        expect(last, d.id).toBeLessThanOrEqual(d.series.max);
      }
    },
  );

  it.each([...INDUSTRIES.map(([i]) => [i]), ['space agency'], ['bank called Acme'], ['airline']])(
    '%s: each everyday phrasing, asked back, charts its dataset',
    async (industry) => {
      const mode = await make(industry);
      for (const d of mode.datasets) {
        expect(d.phrasings?.length ?? 0, `${industry}: ${d.id} has phrasings`).toBeGreaterThanOrEqual(2);
        for (const p of d.phrasings ?? []) {
          const intent = detectIntent(p, mode);
          expect(intent.kind === 'chart' ? intent.datasetIds[0] : intent.kind, `${industry}: "${p}"`).toBe(d.id);
        }
      }
    },
  );

  it('pre-built industries keep their pre-built modes, look-alikes do not fall into them', async () => {
    expect(words(await make('blood bank'))).not.toMatch(/checking/);
    expect(words(await make('dental clinic'))).not.toMatch(/deductible met|hsa/);
  });
});
