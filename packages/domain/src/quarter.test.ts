import { describe, expect, it } from 'vitest';
import { daysLeftInQuarter, formatQuarter, inReminderWindow, parseQuarter, quarterOf, quarterRange } from './quarter.js';

const local = (s: string) => new Date(`${s}+08:00`);

describe('quarters in Asia/Shanghai', () => {
  it.each([
    ['2026-12-31T23:59:00', '2026Q4'],
    ['2027-01-01T00:00:00', '2027Q1'],
    ['2026-10-01T00:00:00', '2026Q4'],
    ['2026-09-30T23:59:59', '2026Q3'],
    ['2026-03-31T23:30:00', '2026Q1'],
    ['2026-04-01T07:59:00', '2026Q2'],
  ])('%s local is in %s', (at, expected) => {
    expect(formatQuarter(quarterOf(local(at)))).toBe(expected);
  });

  it('is not fooled by UTC: 2026-12-31 23:59 local is 15:59 UTC the same day, 2027-01-01 00:00 local is 16:00 UTC on 12-31', () => {
    expect(local('2027-01-01T00:00:00').toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(formatQuarter(quarterOf(new Date('2026-12-31T16:00:00Z')))).toBe('2027Q1');
    expect(formatQuarter(quarterOf(new Date('2026-12-31T15:59:59Z')))).toBe('2026Q4');
  });

  it('gives [start, end) bounds at local midnight', () => {
    const { start, end } = quarterRange({ year: 2026, quarter: 4 });
    expect(start.toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('parses 2026Q4 and rejects nonsense', () => {
    expect(parseQuarter('2026q4')).toEqual({ year: 2026, quarter: 4 });
    expect(parseQuarter('2026Q5')).toBeNull();
    expect(parseQuarter('Q4')).toBeNull();
  });

  it('opens the reminder window 15 days before the quarter ends', () => {
    expect(daysLeftInQuarter(local('2026-12-31T12:00:00'))).toBe(1);
    expect(inReminderWindow(local('2026-12-17T00:00:00'))).toBe(true);
    expect(inReminderWindow(local('2026-12-16T00:00:00'))).toBe(false);
  });
});
