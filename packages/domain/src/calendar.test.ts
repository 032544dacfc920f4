import { describe, expect, it } from 'vitest';
import { daysBetween, endOfShanghaiDay, monthOf, shanghaiDate, yearOf } from './calendar.js';

describe('Asia/Shanghai calendar', () => {
  it('puts an instant late on the last local day of a month into that month, though UTC says otherwise', () => {
    const instant = new Date('2026-07-31T16:30:00Z'); // 2026-08-01 00:30 local
    expect(shanghaiDate(instant)).toBe('2026-08-01');
    expect(monthOf(instant).label).toBe('2026-08');
    const july = monthOf(new Date('2026-07-31T15:59:59Z'));
    expect(july.label).toBe('2026-07');
    expect(july.start.toISOString()).toBe('2026-06-30T16:00:00.000Z');
    expect(july.end.toISOString()).toBe('2026-07-31T16:00:00.000Z');
  });

  it('rolls December into the next year at local midnight', () => {
    const dec = monthOf(new Date('2026-12-15T00:00:00Z'));
    expect(dec.end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(yearOf(new Date('2026-12-31T16:00:00Z')).label).toBe('2027');
    const y = yearOf(new Date('2026-03-01T00:00:00Z'));
    expect([y.start.toISOString(), y.end.toISOString()]).toEqual(['2025-12-31T16:00:00.000Z', '2026-12-31T16:00:00.000Z']);
  });

  it('reads a date deadline as the end of that local day and rejects impossible dates', () => {
    expect(endOfShanghaiDay('2026-12-31')?.toISOString()).toBe('2026-12-31T15:59:59.999Z');
    expect(endOfShanghaiDay('2026-02-30')).toBeNull();
    expect(endOfShanghaiDay('2026-2-3')).toBeNull();
  });

  it('counts days between instants to one decimal', () => {
    expect(daysBetween(new Date('2026-01-01T00:00:00Z'), new Date('2026-01-03T12:00:00Z'))).toBe(2.5);
  });
});
