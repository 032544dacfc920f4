import { describe, expect, it } from 'vitest';
import { factWindowStart } from './fact-windows.js';

describe('factWindowStart', () => {
  it('counts days as 24-hour periods', () => {
    expect(factWindowStart(new Date('2026-07-31T10:00:00Z'), { days: 30 }).toISOString()).toBe('2026-07-01T10:00:00.000Z');
  });

  it('counts months on the Shanghai calendar, keeping the local time of day', () => {
    // 2026-07-15 08:30 +08:00 → 2025-07-15 08:30 +08:00.
    expect(factWindowStart(new Date('2026-07-15T00:30:00Z'), { months: 12 }).toISOString()).toBe('2025-07-15T00:30:00.000Z');
    // Late evening UTC is already the next local day: 2026-01-01 05:00 +08:00 → 2025-01-01 05:00 +08:00.
    expect(factWindowStart(new Date('2025-12-31T21:00:00Z'), { months: 12 }).toISOString()).toBe('2024-12-31T21:00:00.000Z');
  });

  it('ends on the last day of a shorter month', () => {
    // 2026-03-31 12:00 +08:00 minus one month → 2026-02-28 12:00 +08:00; 2024 is a leap year.
    expect(factWindowStart(new Date('2026-03-31T04:00:00Z'), { months: 1 }).toISOString()).toBe('2026-02-28T04:00:00.000Z');
    expect(factWindowStart(new Date('2024-03-31T04:00:00Z'), { months: 1 }).toISOString()).toBe('2024-02-29T04:00:00.000Z');
    expect(factWindowStart(new Date('2026-01-15T04:00:00Z'), { months: 14 }).toISOString()).toBe('2024-11-15T04:00:00.000Z');
  });
});
