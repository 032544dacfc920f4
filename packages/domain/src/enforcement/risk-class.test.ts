import { describe, expect, it } from 'vitest';
import { classDistance, higherRisk, moveClass, riskRank } from './risk-class.js';

describe('risk class arithmetic', () => {
  it('ranks A highest', () => {
    expect(['A', 'B', 'C', 'D'].map((c) => riskRank(c as 'A'))).toEqual([0, 1, 2, 3]);
    expect(higherRisk('C', 'B')).toBe('B');
    expect(higherRisk('A', 'D')).toBe('A');
  });

  it.each([
    ['C', 1, 'B', false],
    ['C', 2, 'A', false],
    ['C', 3, 'A', true],
    ['C', -1, 'D', false],
    ['C', -2, 'D', true],
    ['A', 1, 'A', true],
    ['D', -1, 'D', true],
    ['B', 0, 'B', false],
  ] as const)('%s moved by %i is %s (clamped %s)', (from, steps, to, clamped) => {
    expect(moveClass(from, steps)).toEqual({ riskClass: to, clamped });
  });

  it('measures the distance towards A', () => {
    expect(classDistance('C', 'A')).toBe(2);
    expect(classDistance('B', 'D')).toBe(-2);
  });
});
