import { describe, expect, it } from 'vitest';
import { effectiveStandardizationLevel } from './standardization.js';

describe('effectiveStandardizationLevel', () => {
  // 2026-06-30 20:00 UTC is 2026-07-01 04:00 in Shanghai.
  const today = new Date('2026-06-30T20:00:00Z');

  it('keeps a level until the end of its expiry day (local)', () => {
    expect(effectiveStandardizationLevel('level2', '2026-07-01', today)).toBe('level2');
    expect(effectiveStandardizationLevel('level2', '2026-06-30', today)).toBe('none');
  });

  it('keeps a level without a recorded expiry, and 未定级 as it is', () => {
    expect(effectiveStandardizationLevel('level3', null, today)).toBe('level3');
    expect(effectiveStandardizationLevel('none', '2020-01-01', today)).toBe('none');
  });
});
