import { describe, expect, it } from 'vitest';
import { callsSummary } from '../../smoke/checks/structured';

describe("the smoke's structured row", () => {
  it('calls the two-step design two calls, not "2 attempts"', () => {
    expect(callsSummary([{ name: 'mode_brand' }, { name: 'mode_details' }])).toBe(
      'in 2 calls (mode_brand, mode_details)',
    );
    expect(callsSummary([{ name: 'mode_draft' }])).toBe('in 1 call (mode_draft)');
  });

  it('counts only a step asked again as a retry', () => {
    expect(callsSummary([{ name: 'mode_brand' }, { name: 'mode_details' }, { name: 'mode_details' }])).toBe(
      'in 3 calls (mode_brand, mode_details ×2; 1 retry)',
    );
  });
});
