import { describe, expect, it } from 'vitest';
import { voiceAvailability } from '../../../../api/domain/realtime/availability';
import { GPT_REALTIME_REGIONS, realtimeRegionProblem } from '../../../../api/domain/realtime/regions';
import { allowedValues, bicep } from '../../infra/bicep-text';

describe('gpt-realtime regions (docs/pitfalls.md 2.3)', () => {
  it('accepts the regions that offer gpt-realtime, in ARM or display spelling', () => {
    for (const region of GPT_REALTIME_REGIONS) expect(realtimeRegionProblem(region)).toBeUndefined();
    expect(realtimeRegionProblem('Sweden Central')).toBeUndefined();
    expect(realtimeRegionProblem('EastUS2')).toBeUndefined();
  });

  it('refuses other regions, naming the variable and the regions that work', () => {
    const problem = realtimeRegionProblem('westeurope');
    expect(problem).toMatch(/AZURE_OPENAI_REALTIME_REGION/);
    expect(problem).toMatch(/swedencentral/);
    expect(realtimeRegionProblem('West US')).toBeDefined();
  });

  it('every region the infra may place the AI account in passes (infra/main.bicep aiLocation)', () => {
    const allowed = allowedValues(bicep('infra/main.bicep'), 'aiLocation') ?? [];
    expect(allowed.length).toBeGreaterThan(0);
    for (const region of allowed) expect(realtimeRegionProblem(region)).toBeUndefined();
  });

  it('voice availability: offline never, azure unless the region is wrong', () => {
    expect(voiceAvailability({ provider: 'offline' })).toMatchObject({
      available: false,
      reason: expect.stringMatching(/Azure provider/),
    });
    expect(voiceAvailability({ provider: 'azure' })).toEqual({ available: true });
    expect(voiceAvailability({ provider: 'azure', realtimeRegion: 'swedencentral' })).toEqual({ available: true });
    expect(voiceAvailability({ provider: 'azure', realtimeRegion: 'brazilsouth' }).available).toBe(false);
  });
});
